import { describe, expect, it } from 'vitest';
import type { NormingSessionView } from '../../../shared/contract/norming';
import { boardGrid, withSubmission } from './board-grid';

const A1 = '00000000-0000-4000-8000-0000000000a1';
const A2 = '00000000-0000-4000-8000-0000000000a2';
const ANN = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const SESSION = '00000000-0000-4000-8000-000000000005';

function session(overrides: Partial<NormingSessionView> = {}): NormingSessionView {
  return {
    id: SESSION,
    title: 'Calibration',
    credentialId: 'cfu',
    mode: 'calibration',
    status: 'open',
    anchorCount: 2,
    participantCount: 2,
    createdAt: '2026-12-03T08:00:00.000Z',
    revealedAt: null,
    closedAt: null,
    role: 'facilitator',
    thresholds: { minExact: 0.7, minAdjacent: 0.95, unscorableFails: true, validDays: 365 },
    // Out of order on purpose: the board follows positions, not the answer's order.
    anchors: [
      { packetId: A2, position: 2, pseudonym: 'C-2' },
      { packetId: A1, position: 1, pseudonym: 'C-1' },
    ],
    participants: [
      { userId: BOB, username: 'bob', submitted: [A1], late: [A2], reopened: false },
      { userId: ANN, username: 'ann', submitted: [], late: [], reopened: false },
    ],
    ...overrides,
  };
}

describe('the board grid', () => {
  it('has a row per participant by name and a column per anchor by position, with counts', () => {
    const grid = boardGrid(session());
    expect(grid.anchors.map((a) => a.label)).toEqual(['Anchor 1 (C-1)', 'Anchor 2 (C-2)']);
    expect(grid.rows.map((r) => [r.username, r.cells.map((c) => c.state)])).toEqual([
      ['ann', ['waiting', 'waiting']],
      ['bob', ['submitted', 'late']],
    ]);
    expect(grid.anchors.map((a) => [a.submitted, a.late])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect({ submitted: grid.submitted, late: grid.late, cells: grid.cells }).toEqual({
      submitted: 1,
      late: 1,
      cells: 4,
    });
  });

  it('shows a pushed submission at once, counted or late as the event says', () => {
    const next = withSubmission(session(), {
      kind: 'score',
      sessionId: SESSION,
      packetId: A2,
      participantId: ANN,
      late: false,
    });
    expect(boardGrid(next).rows[0]!.cells.map((c) => c.state)).toEqual(['waiting', 'submitted']);
    const late = withSubmission(next, {
      kind: 'score',
      sessionId: SESSION,
      packetId: A1,
      participantId: ANN,
      late: true,
    });
    expect(boardGrid(late).rows[0]!.cells.map((c) => c.state)).toEqual(['late', 'submitted']);
  });

  it('ignores another session’s event, an unknown anchor, and a repeat', () => {
    const base = session();
    const other = { kind: 'score', sessionId: A1, packetId: A1, participantId: ANN, late: false } as const;
    expect(withSubmission(base, other)).toBe(base);
    expect(withSubmission(base, { ...other, sessionId: SESSION, packetId: ANN })).toBe(base);
    expect(withSubmission(base, { ...other, sessionId: SESSION, participantId: BOB })).toBe(base);
  });
});
