import { describe, expect, it } from 'vitest';
import type { DashboardPacket, WindowDashboard } from '../../../shared/contract/window-dashboard';
import {
  assessorsText,
  bars,
  daysLeftText,
  movableAssignments,
  packetLink,
  reassignTargets,
  stateBars,
  visiblePackets,
} from './view-model';

const A1 = '00000000-0000-4000-8000-000000000001';
const A2 = '00000000-0000-4000-8000-000000000002';
const A3 = '00000000-0000-4000-8000-000000000003';

function packet(id: string, overrides: Partial<DashboardPacket> = {}): DashboardPacket {
  return {
    packetId: id,
    pseudonym: `Candidate ${id}`,
    credentialTitle: 'Formative assessment',
    state: 'assigned',
    assessors: [{ assignmentId: `as-${id}`, assessorId: A1, username: 'assessor1', submittedAt: null }],
    firstSubmittedAt: null,
    daysLeft: 10,
    atRisk: false,
    riskReasons: [],
    adjudicationId: null,
    ...overrides,
  };
}

describe('visiblePackets', () => {
  const packets = [
    packet('a', { daysLeft: 9, state: 'double-scored', firstSubmittedAt: '2026-12-01T00:00:00.000Z' }),
    packet('b', { daysLeft: 2, atRisk: true }),
    packet('c', { daysLeft: 2 }),
    packet('d', { daysLeft: 5, state: 'in-adjudication', firstSubmittedAt: '2026-11-30T00:00:00.000Z' }),
  ];
  it('sorts by days left, at-risk first on ties', () => {
    expect(visiblePackets(packets, 'all').map((p) => p.packetId)).toEqual(['b', 'c', 'd', 'a']);
  });
  it('filters by state and by risk', () => {
    expect(visiblePackets(packets, 'in-adjudication').map((p) => p.packetId)).toEqual(['d']);
    expect(visiblePackets(packets, 'at-risk').map((p) => p.packetId)).toEqual(['b']);
    expect(visiblePackets(packets, 'scored-once')).toEqual([]);
  });
  it('sorts by first submission, never-submitted last', () => {
    expect(visiblePackets(packets, 'all', 'submitted').map((p) => p.packetId)).toEqual(['d', 'a', 'b', 'c']);
  });
  it('leaves the input alone', () => {
    visiblePackets(packets, 'all');
    expect(packets.map((p) => p.packetId)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('words and bars', () => {
  it.each([
    [3.5, '3.5 days left'],
    [1, '1 day left'],
    [0, 'due now'],
    [-2, '2 days overdue'],
    [12, '12 days left'],
  ])('%d days → %s', (days, text) => expect(daysLeftText(days)).toBe(text));

  it('scales bars to the largest value, and all-zero to empty bars', () => {
    expect(
      bars([
        { key: 'a', label: 'A', value: 5 },
        { key: 'b', label: 'B', value: 2 },
      ]).map((b) => b.percent),
    ).toEqual([100, 40]);
    expect(bars([{ key: 'a', label: 'A', value: 0 }])[0]!.percent).toBe(0);
  });

  it('gives one bar per state in order, labelled', () => {
    const dashboard = {
      counts: { assigned: 4, 'scored-once': 2, 'double-scored': 1, 'in-adjudication': 0, decided: 0, released: 0 },
    } as WindowDashboard;
    expect(stateBars(dashboard).map((b) => `${b.label}: ${b.value}`)).toEqual([
      'Assigned: 4',
      'Scored once: 2',
      'Double-scored: 1',
      'In adjudication: 0',
      'Decided: 0',
      'Released: 0',
    ]);
  });

  it('says who submitted in words', () => {
    const p = packet('x', {
      assessors: [
        { assignmentId: 'x1', assessorId: A1, username: 'assessor1', submittedAt: '2026-12-01T00:00:00.000Z' },
        { assignmentId: 'x2', assessorId: A2, username: 'assessor2', submittedAt: null },
      ],
    });
    expect(assessorsText(p)).toBe('assessor1 ✓ submitted, assessor2 … pending');
    expect(movableAssignments(p).map((a) => a.assignmentId)).toEqual(['x2']);
  });
});

describe('reassignTargets', () => {
  it('offers the eligible assessors not already on the packet', () => {
    const dashboard = {
      assessors: [
        { id: A1, username: 'assessor1' },
        { id: A2, username: 'assessor2' },
        { id: A3, username: 'assessor3' },
      ],
    } as WindowDashboard;
    expect(reassignTargets(dashboard, packet('p')).map((a) => a.username)).toEqual(['assessor2', 'assessor3']);
  });
});

describe('packetLink', () => {
  const WINDOW = '00000000-0000-4000-8000-0000000000aa';
  const ADJUDICATION = '00000000-0000-4000-8000-0000000000bb';
  it('opens the open adjudication itself, not the decision screen', () => {
    expect(packetLink(WINDOW, packet('d', { state: 'in-adjudication', adjudicationId: ADJUDICATION }))).toEqual({
      words: 'Adjudicate…',
      route: { screen: 'adjudication', windowId: WINDOW, adjudicationId: ADJUDICATION },
    });
  });
  it('opens the decision for scored packets, and nothing before the first score', () => {
    expect(packetLink(WINDOW, packet('a', { state: 'double-scored' }))).toEqual({
      words: 'Decide…',
      route: { screen: 'decision', windowId: WINDOW, packetId: 'a' },
    });
    expect(packetLink(WINDOW, packet('r', { state: 'released' }))?.words).toBe('Decision…');
    expect(packetLink(WINDOW, packet('n'))).toBeUndefined();
  });
});
