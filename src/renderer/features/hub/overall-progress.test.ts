import { describe, expect, it } from 'vitest';
import type { PullState } from '../../../shared/contract/assignments';
import { overallProgress } from './overall-progress';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pull = (n: number, over: Partial<PullState> = {}): PullState => ({
  packetId: id(n),
  state: 'queued',
  receivedBytes: 0,
  totalBytes: 0,
  ...over,
});

describe('the overall download bar', () => {
  it('counts queued packets from the start with the sizes the assignment listing gave', () => {
    const listed = [
      { packetId: id(1), totalBytes: 2_000_000 },
      { packetId: id(2), totalBytes: 3_000_000 },
    ];
    const progress = overallProgress([pull(1), pull(2)], listed);
    expect(progress).toEqual({ label: 'Downloading 2 packets: 0 B of 5.0 MB', received: 0, total: 5_000_000 });
    expect(progress!.label).not.toMatch(/0 B of 0 B/);
  });

  it('says how many are queued, with an indeterminate bar, while no size is known', () => {
    const progress = overallProgress([pull(1), pull(2, { state: 'pulling', receivedBytes: 10, totalBytes: 100 })], []);
    expect(progress).toEqual({ label: 'Queued: 2 packets', received: 10, total: undefined });
  });

  it("prefers the pull's own size once known, leaves failed pulls out, and sums a finished batch", () => {
    const listed = [{ packetId: id(1), totalBytes: 999 }];
    expect(
      overallProgress(
        [pull(1, { state: 'pulling', receivedBytes: 500, totalBytes: 1_000 }), pull(2, { state: 'failed' })],
        listed,
      ),
    ).toMatchObject({ received: 500, total: 1_000 });
    expect(overallProgress([pull(1, { state: 'done', receivedBytes: 1_000, totalBytes: 1_000 })], listed)?.label).toBe(
      'Downloads finished: 1.0 kB',
    );
    expect(overallProgress([], listed)).toBeUndefined();
  });
});
