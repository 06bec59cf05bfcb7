import { describe, expect, it } from 'vitest';
import { DashboardWire, type WindowDashboard } from '../contract/window-dashboard';
import { compactDashboard, expandDashboard } from './dashboard-wire';

const W = '00000000-0000-4000-8000-0000000000aa';
const P1 = '00000000-0000-4000-8000-000000000011';
const P2 = '00000000-0000-4000-8000-000000000012';
const A1 = '00000000-0000-4000-8000-000000000001';
const A2 = '00000000-0000-4000-8000-000000000002';
const S1 = '00000000-0000-4000-8000-000000000021';
const S2 = '00000000-0000-4000-8000-000000000022';
const S3 = '00000000-0000-4000-8000-000000000023';
const J1 = '00000000-0000-4000-8000-000000000031';

const dashboard: WindowDashboard = {
  window: {
    id: W,
    name: 'Autumn',
    closesAt: '2026-12-05T00:00:00.000Z',
    decisionsDueAt: '2026-12-08T00:00:00.000Z',
    status: 'open',
  },
  asOf: '2026-12-03T00:00:00.000Z',
  daysToClose: 2,
  daysToDecisions: 5,
  counts: { assigned: 1, 'scored-once': 0, 'double-scored': 0, 'in-adjudication': 1, decided: 0, released: 0 },
  atRisk: 2,
  packets: [
    {
      packetId: P1,
      pseudonym: 'Candidate 0001',
      credentialTitle: 'Formative assessment',
      state: 'in-adjudication',
      assessors: [
        { assignmentId: S1, assessorId: A1, username: 'assessor1', submittedAt: '2026-12-01T10:00:00.250Z' },
        { assignmentId: S2, assessorId: A2, username: 'assessor2', submittedAt: '2026-11-30T09:00:00.000Z' },
      ],
      firstSubmittedAt: '2026-11-30T09:00:00.000Z',
      daysLeft: 5,
      atRisk: true,
      riskReasons: ['adjudication-due'],
      adjudicationId: J1,
    },
    {
      packetId: P2,
      pseudonym: 'Candidate 0002',
      credentialTitle: 'Formative assessment',
      state: 'assigned',
      assessors: [{ assignmentId: S3, assessorId: A2, username: 'assessor2', submittedAt: null }],
      firstSubmittedAt: null,
      daysLeft: 2,
      atRisk: true,
      riskReasons: ['scoring-due'],
      adjudicationId: null,
    },
  ],
  load: [
    { assessorId: A1, username: 'assessor1', assigned: 1, submitted: 1, pending: 0 },
    { assessorId: A2, username: 'assessor2', assigned: 2, submitted: 1, pending: 1 },
  ],
  assessors: [{ id: A1, username: 'assessor1' }],
};

describe('the dashboard between main process and page', () => {
  it('names each person and title once and comes back unchanged', () => {
    const wire = DashboardWire.parse(compactDashboard(dashboard));
    expect(wire.people).toEqual([
      { id: A1, username: 'assessor1' },
      { id: A2, username: 'assessor2' },
    ]);
    expect(wire.titles).toEqual(['Formative assessment']);
    expect(expandDashboard(wire)).toEqual(dashboard);
  });

  it('refuses an assessor or title index the lists do not have', () => {
    const wire = compactDashboard(dashboard);
    const badPerson = structuredClone(wire);
    badPerson.packets[1]![4][0]![1] = 2;
    expect(DashboardWire.safeParse(badPerson).success).toBe(false);
    const badTitle = structuredClone(wire);
    badTitle.packets[0]![2] = 1;
    expect(DashboardWire.safeParse(badTitle).success).toBe(false);
    expect(DashboardWire.safeParse(wire).success).toBe(true);
  });

  it('refuses a hub answer that is not a dashboard (an id that is no UUID, a date that is no instant)', () => {
    const badId = structuredClone(dashboard);
    badId.packets[0]!.assessors[0]!.assignmentId = '../admin';
    expect(DashboardWire.safeParse(compactDashboard(badId)).success).toBe(false);
    const badDate = structuredClone(dashboard);
    badDate.packets[0]!.assessors[0]!.submittedAt = 'yesterday';
    expect(DashboardWire.safeParse(compactDashboard(badDate)).success).toBe(false);
  });
});
