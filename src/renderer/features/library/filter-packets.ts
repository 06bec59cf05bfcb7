import type { PacketSummary } from '../../../shared/contract/library';
import { reviewDueAt } from '../../../shared/review/due';
import type { PacketProgress, ReviewStatus, StoredAssignment } from '../../data/db';
import type { PacketUpload } from '../../data/outbox';

/** A queue row: the packet plus the assessor's progress on it. */
export interface QueueRow extends PacketSummary {
  status: ReviewStatus;
  /** When the submitted review was exported (a flag beside "submitted"). */
  exportedAt?: string;
  timeSpentMs: number;
  dueAt: string;
  /** Set for packets a hub assigned: where the latest submitted revision stands on its way there. */
  upload?: PacketUpload;
  /** True when a hub assigned the packet (its due date is the review window's close). */
  assigned: boolean;
}

export type LibrarySort = 'due' | 'imported' | 'submitted' | 'credential' | 'candidate' | 'status';
/** 'exported': submitted and exported; 'submitted' includes exported ones (they are submitted too). */
export type StatusFilter = 'all' | 'open' | ReviewStatus | 'exported';

const STATUS_ORDER: Record<ReviewStatus, number> = { 'in-progress': 0, 'not-started': 1, submitted: 2 };
/** Sorting by status keeps exported reviews after those not yet exported. */
const statusRank = (row: QueueRow) => STATUS_ORDER[row.status] + (row.exportedAt ? 0.5 : 0);

/**
 * Joins packets with their progress (a missing progress row means not started), their hub
 * assignment (the window's close is the due date) and their upload state.
 */
export function queueRows(
  packets: readonly PacketSummary[],
  progress: readonly PacketProgress[],
  assignments: readonly StoredAssignment[] = [],
  uploads: ReadonlyMap<string, PacketUpload> = new Map(),
): QueueRow[] {
  const byId = new Map(progress.map((p) => [p.packetId, p]));
  const closes = new Map<string, string>();
  for (const a of assignments) {
    const known = closes.get(a.packetId);
    if (!known || a.window.closesAt < known) closes.set(a.packetId, a.window.closesAt);
  }
  return packets.map((packet) => {
    const p = byId.get(packet.packetId);
    const windowCloses = closes.get(packet.packetId);
    return {
      ...packet,
      status: p?.status ?? 'not-started',
      ...(p?.status === 'submitted' && p.exportedAt ? { exportedAt: p.exportedAt } : {}),
      timeSpentMs: p?.timeSpentMs ?? 0,
      dueAt: windowCloses ?? reviewDueAt(packet.submittedAt),
      upload: uploads.get(packet.packetId),
      assigned: windowCloses !== undefined,
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
    (status === 'open'
      ? row.status !== 'submitted'
      : status === 'exported'
        ? row.status === 'submitted' && row.exportedAt !== undefined
        : row.status === status);
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
    status: (a, b) => statusRank(a) - statusRank(b) || a.dueAt.localeCompare(b.dueAt),
  };
  return matches.sort(by[sort]);
}

/** The packet "next unscored" opens: in progress first, then not started, earliest due first. */
export function nextUnscored(rows: readonly QueueRow[]): QueueRow | undefined {
  return filterPackets(rows, '', 'status', 'open')[0];
}
