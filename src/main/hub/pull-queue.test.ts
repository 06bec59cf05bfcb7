import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/contract/library';
import { HubError } from './hub-error';
import { PullQueue, type PullOne } from './pull-queue';

const PACKET = '00000000-0000-4000-8000-000000000001';

/** A pull that fails with each of `failures` in turn, then succeeds. */
function pullFailing(...failures: Error[]): { pullOne: PullOne; attempts: () => number } {
  let attempts = 0;
  const pullOne: PullOne = async (packetId) => {
    const failure = failures[attempts++];
    if (failure) throw failure;
    return { ok: true, packet: { packetId, totalBytes: 10 } } as unknown as ImportOutcome;
  };
  return { pullOne, attempts: () => attempts };
}

const cutOff = () => new HubError('unreachable', 'The download stopped: socket hang up. It will resume.');

describe('PullQueue retries', () => {
  it('resumes a pull the network cut off on its own, after a pause', async () => {
    const { pullOne, attempts } = pullFailing(cutOff(), cutOff());
    const queue = new PullQueue(pullOne, [30, 30, 30]);
    queue.enqueue([PACKET]);
    await expect.poll(() => queue.list()[0]?.error).toMatch(/socket hang up.*Trying again in 0 s\./);
    expect(queue.list()[0]?.state).toBe('queued');
    await queue.idle();
    expect(attempts()).toBe(3);
    expect(queue.list()[0]).toMatchObject({ state: 'done', receivedBytes: 10, error: undefined });
  });

  it('fails with the reason once the automatic retries are used up; asking again starts afresh', async () => {
    const { pullOne, attempts } = pullFailing(cutOff(), cutOff(), cutOff());
    const queue = new PullQueue(pullOne, [20, 20]);
    queue.enqueue([PACKET]);
    await queue.idle();
    expect(attempts()).toBe(3);
    expect(queue.list()[0]).toMatchObject({ state: 'failed', error: expect.stringContaining('socket hang up') });
    queue.enqueue([PACKET]);
    await queue.idle();
    expect(queue.list()[0]).toMatchObject({ state: 'done' });
  });

  it('does not retry what retrying cannot fix: a wrong hash fails at once', async () => {
    const { pullOne, attempts } = pullFailing(new HubError('hash-mismatch', 'does not match its sha256'));
    const queue = new PullQueue(pullOne, [20, 20]);
    queue.enqueue([PACKET]);
    await queue.idle();
    expect(attempts()).toBe(1);
    expect(queue.list()[0]).toMatchObject({ state: 'failed', error: 'does not match its sha256' });
  });

  it('starts a waiting retry at once when the assessor asks, and stops waiting ones at sign-out', async () => {
    const { pullOne, attempts } = pullFailing(cutOff(), cutOff());
    const queue = new PullQueue(pullOne, [60_000, 60_000]);
    queue.enqueue([PACKET]);
    await expect.poll(() => queue.list()[0]?.error).toContain('Trying again in 60 s');
    queue.enqueue([PACKET]); // "Download" again: no minute-long wait
    await expect.poll(() => attempts()).toBe(2);
    await expect.poll(() => queue.list()[0]?.error).toContain('Trying again in 60 s');
    queue.stopRetries();
    expect(queue.list()[0]).toMatchObject({
      state: 'failed',
      error: 'The download stopped: socket hang up. It will resume.',
    });
    await queue.idle(); // nothing left waiting: resolves now, not in a minute
  });
});

describe('PullQueue change notices (the page hears of pulls through them)', () => {
  it('announces queued, progress and done, coalescing a burst of progress into few notices', async () => {
    const pullOne: PullOne = async (packetId, onProgress) => {
      for (let bytes = 1; bytes <= 1000; bytes++) onProgress({ packetId, receivedBytes: bytes, totalBytes: 1000 });
      return { ok: true, packet: { packetId, totalBytes: 1000 } } as unknown as ImportOutcome;
    };
    const queue = new PullQueue(pullOne);
    const seen: string[] = [];
    const stop = queue.onChange(() => seen.push(queue.list()[0]!.state));
    queue.enqueue([PACKET]);
    await queue.idle();
    await expect.poll(() => seen.at(-1)).toBe('done');
    // A thousand progress reports, and the whole pull, within one notice interval.
    expect(seen.length).toBeLessThan(5);
    stop();
    queue.forget([PACKET]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.at(-1)).toBe('done');
  });
});
