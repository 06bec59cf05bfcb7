import type { NormingSessionView } from '../../../shared/contract/norming';
import type { BoardChanged } from '../../../shared/contract/norming-staff';

export type CellState = 'submitted' | 'late' | 'waiting';

export interface BoardRow {
  userId: string;
  username: string;
  reopened: boolean;
  cells: { packetId: string; state: CellState }[];
  /** Anchors with a counted score. */
  submitted: number;
}

export interface BoardGrid {
  anchors: { packetId: string; label: string; submitted: number; late: number }[];
  rows: BoardRow[];
  /** Counted scores over all cells, and how many cells there are. */
  submitted: number;
  late: number;
  cells: number;
}

/** The anchor's name on the board: its position and pseudonym ("Anchor 2 (C-0142)"). */
export const anchorLabel = (a: { position: number; pseudonym: string }) => `Anchor ${a.position} (${a.pseudonym})`;

/** Participants × anchors, in the session's anchor order and the participants' name order. */
export function boardGrid(session: NormingSessionView): BoardGrid {
  const anchors = [...session.anchors].sort((a, b) => a.position - b.position);
  const rows: BoardRow[] = [...(session.participants ?? [])]
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((p) => {
      const cells = anchors.map(({ packetId }) => ({
        packetId,
        state: (p.submitted.includes(packetId)
          ? 'submitted'
          : p.late.includes(packetId)
            ? 'late'
            : 'waiting') as CellState,
      }));
      return {
        userId: p.userId,
        username: p.username,
        reopened: p.reopened,
        cells,
        submitted: cells.filter((c) => c.state === 'submitted').length,
      };
    });
  const count = (packetId: string, state: CellState) =>
    rows.filter((r) => r.cells.some((c) => c.packetId === packetId && c.state === state)).length;
  return {
    anchors: anchors.map((a) => ({
      packetId: a.packetId,
      label: anchorLabel(a),
      submitted: count(a.packetId, 'submitted'),
      late: count(a.packetId, 'late'),
    })),
    rows,
    submitted: rows.reduce((n, r) => n + r.submitted, 0),
    late: rows.reduce((n, r) => n + r.cells.filter((c) => c.state === 'late').length, 0),
    cells: rows.length * anchors.length,
  };
}

/**
 * The session with one pushed submission applied, so the board shows it at once (the hub's
 * event carries who and which anchor, which is all the grid needs); the refetch that follows
 * confirms it. An unknown participant or anchor, or another session's event, changes nothing.
 */
export function withSubmission(session: NormingSessionView, event: BoardChanged): NormingSessionView {
  if (event.kind !== 'score' || event.sessionId !== session.id) return session;
  if (!session.anchors.some((a) => a.packetId === event.packetId)) return session;
  let changed = false;
  const participants = session.participants?.map((p) => {
    if (p.userId !== event.participantId) return p;
    const list = event.late ? p.late : p.submitted;
    if (list.includes(event.packetId)) return p;
    changed = true;
    return event.late
      ? { ...p, late: [...p.late, event.packetId] }
      : { ...p, submitted: [...p.submitted, event.packetId] };
  });
  return changed ? { ...session, participants } : session;
}
