import type { PacketSummary } from '../../../shared/contract/library';
import { reviewDueAt } from '../../../shared/review/due';
import type { PacketProgress, ReviewStatus } from '../../data/db';

/** A queue row: the packet plus the assessor's progress on it. */
export interface QueueRow extends PacketSummary {
  status: ReviewStatus;
  timeSpentMs: number;
  dueAt: string;
}

export type LibrarySort = 'due' | 'imported' | 'submitted' | 'credential' | 'candidate' | 'status';
export type StatusFilter = 'all' | 'open' | ReviewStatus;

const STATUS_ORDER: Record<ReviewStatus, number> = { 'in-progress': 0, 'not-started': 1, submitted: 2, exported: 3 };

/** Joins packets with their progress (a missing progress row means not started). */
export function queueRows(packets: readonly PacketSummary[], progress: readonly PacketProgress[]): QueueRow[] {
  const byId = new Map(progress.map((p) => [p.packetId, p]));
  return packets.map((packet) => {
    const p = byId.get(packet.packetId);
    return {
      ...packet,
      status: p?.status ?? 'not-started',
      timeSpentMs: p?.timeSpentMs ?? 0,
      dueAt: reviewDueAt(packet.submittedAt),
    };
  });
}

/** Filters by status and by every word of the query (credential, candidate, attempt), then sorts. */
export function filterPackets(
  rows: readonly QueueRow[],
  query: string,
  sort: LibrarySort,
  status: StatusFilter = 'all',
): QueueRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const wanted = (row: QueueRow) =>
    status === 'all' ||
    (status === 'open' ? row.status !== 'submitted' && row.status !== 'exported' : row.status === status);
  const matches = rows.filter((row) => {
    if (!wanted(row)) return false;
    const haystack = `${row.credentialTitle} ${row.pseudonym} attempt ${row.attempt}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const by: Record<LibrarySort, (a: QueueRow, b: QueueRow) => number> = {
    due: (a, b) => a.dueAt.localeCompare(b.dueAt),
    imported: (a, b) => b.importedAt.localeCompare(a.importedAt),
    submitted: (a, b) => b.submittedAt.localeCompare(a.submittedAt),
    credential: (a, b) => a.credentialTitle.localeCompare(b.credentialTitle) || a.pseudonym.localeCompare(b.pseudonym),
    candidate: (a, b) => a.pseudonym.localeCompare(b.pseudonym),
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.dueAt.localeCompare(b.dueAt),
  };
  return matches.sort(by[sort]);
}

/** The packet "next unscored" opens: in progress first, then not started, earliest due first. */
export function nextUnscored(rows: readonly QueueRow[]): QueueRow | undefined {
  return filterPackets(rows, '', 'status', 'open')[0];
}
