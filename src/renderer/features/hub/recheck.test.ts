import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recheckWhileFailing } from './recheck';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a hub error clears once the hub answers again', () => {
  it('asks again every few seconds while the hub is down, and clears the error on the first answer', async () => {
    let up = false;
    const check = vi.fn(async () => {
      if (!up) throw new Error('The hub did not answer');
    });
    const cleared = vi.fn();
    recheckWhileFailing(check, cleared, 5_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(check).toHaveBeenCalledTimes(3);
    expect(cleared).not.toHaveBeenCalled();

    up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cleared).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(4); // stopped asking once answered
  });

  it('stops asking when the screen closes', async () => {
    const check = vi.fn(() => Promise.reject(new Error('down')));
    const stop = recheckWhileFailing(check, () => undefined, 5_000);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
