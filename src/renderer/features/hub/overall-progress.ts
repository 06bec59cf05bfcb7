import type { AssignmentView, PullState } from '../../../shared/contract/assignments';
import { formatBytes } from '../../app/format';

export interface OverallProgress {
  /** What the bar's label says. */
  label: string;
  received: number;
  /** Undefined while any size is unknown: the bar is then indeterminate, not "0 B of 0 B". */
  total: number | undefined;
}

const packets = (n: number) => `${n} packet${n === 1 ? '' : 's'}`;

/**
 * The overall download bar over this batch's pulls (failed ones aside). A queued pull does not know
 * its size until its manifest is fetched, so the size the assignment listing gave is counted from
 * the start; only when neither knows does the bar say how many are queued instead of a byte count.
 */
export function overallProgress(
  pulls: readonly PullState[],
  assignments: readonly Pick<AssignmentView, 'packetId' | 'totalBytes'>[],
): OverallProgress | undefined {
  const batch = pulls.filter((p) => p.state !== 'failed');
  if (batch.length === 0) return undefined;
  const listed = new Map(assignments.map((a) => [a.packetId, a.totalBytes]));
  let received = 0;
  let total = 0;
  let unknown = 0;
  for (const pull of batch) {
    const size = pull.totalBytes || listed.get(pull.packetId) || 0;
    if (size === 0 && pull.state !== 'done') unknown++;
    received += pull.receivedBytes;
    total += Math.max(size, pull.receivedBytes);
  }
  const running = batch.filter((p) => p.state === 'queued' || p.state === 'pulling').length;
  if (running === 0) return { label: `Downloads finished: ${formatBytes(total)}`, received: total, total };
  if (unknown > 0) return { label: `Queued: ${packets(running)}`, received, total: undefined };
  return {
    label: `Downloading ${packets(running)}: ${formatBytes(received)} of ${formatBytes(total)}`,
    received,
    total,
  };
}
