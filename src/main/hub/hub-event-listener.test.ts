import { describe, expect, it } from 'vitest';
import { LONGEST_RECONNECT_MS, nextReconnectDelay } from './hub-event-listener';

describe('reconnecting to a hub that was down', () => {
  it('notices a hub that came back within 5 s, however long it was down (then a fresh status goes out)', () => {
    expect(LONGEST_RECONNECT_MS).toBeLessThanOrEqual(5_000);
    let delay = 1_000;
    const waits: number[] = [];
    for (let failure = 0; failure < 50; failure++) {
      waits.push(delay);
      delay = nextReconnectDelay(delay);
    }
    expect(Math.max(...waits)).toBeLessThanOrEqual(5_000);
    expect(waits.slice(0, 3)).toEqual([1_000, 2_000, 4_000]); // still backs off at first
  });
});
