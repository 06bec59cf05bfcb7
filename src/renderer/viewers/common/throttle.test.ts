import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and the latest one when the interval is up', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 500);
    t(1);
    t(2);
    t(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(499);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([1, 3]);
  });

  it('never runs more than twice a second under a steady stream', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 500);
    for (let ms = 0; ms < 3000; ms += 50) {
      t(ms);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(1000);
    expect(calls.length).toBeLessThanOrEqual(7);
    expect(calls.at(-1)).toBe(2950);
  });

  it('flushes and cancels the trailing call', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 500);
    t(1);
    t(2);
    t.flush();
    expect(calls).toEqual([1, 2]);
    t(3);
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([1, 2]);
    t.flush();
    expect(calls).toEqual([1, 2]);
  });
});
