import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/bridge/dispatch';
import { windowDashboardHandlers } from '../../src/main/hub/window-dashboard';
import type { HubClient } from '../../src/main/hub/hub-client';
import { HubError } from '../../src/main/hub/hub-error';
import { compactDashboard, expandDashboard } from '../../src/shared/committee/dashboard-wire';
import type { BridgeHandlers } from '../../src/shared/contract/bridge';
import type { DashboardWire, WindowDashboard } from '../../src/shared/contract/window-dashboard';

// The window dashboard's channels: every payload checked at the one choke-point before the hub is
// asked, and the hub's refusal of a reassignment reaching the screen with its code and message.

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

function recording(answer: unknown = {}) {
  const seen: [string, unknown][] = [];
  const handlers = new Proxy({} as BridgeHandlers, {
    get: (_target, channel: string) => async (input: unknown) => {
      seen.push([channel, input]);
      return answer;
    },
  });
  return { seen, dispatch: createDispatcher(handlers, () => undefined) };
}

describe('window dashboard channels: validation', () => {
  it('refuses ids that are not UUIDs and unknown fields, before any hub call', async () => {
    const { seen, dispatch } = recording();
    const refused: [string, unknown][] = [
      ['committee.dashboard', { windowId: '../admin' }],
      ['committee.dashboard', {}],
      ['committee.progress', { windowId: '../admin' }],
      ['committee.reassign', { assignmentId: ID, assessorId: 'assessor2' }],
      ['committee.reassign', { assignmentId: 'x', assessorId: ID }],
      ['committee.reassign', { assignmentId: ID, assessorId: ID, force: true }],
      ['committee.windows', { all: true }],
    ];
    for (const [channel, payload] of refused) {
      const result = await dispatch(channel, payload);
      expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      expect(!result.ok && result.error.code).toBe('bad-request');
    }
    expect(seen).toEqual([]);
  });

  it('passes a valid reassignment to its handler', async () => {
    const { seen, dispatch } = recording({ assignmentId: ID, assessorId: ID, assessorUsername: 'assessor2' });
    const result = await dispatch('committee.reassign', { assignmentId: ID, assessorId: ID });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([['committee.reassign', { assignmentId: ID, assessorId: ID }]]);
  });
});

describe('window dashboard channels: the hub answers', () => {
  it("carries the hub's refusal of a reassignment (409 already-scored) with its message", async () => {
    const client = {
      ok: async () => {
        throw new HubError('rejected', 'assessor1 has already uploaded a score for this packet.', 409);
      },
    } as unknown as HubClient;
    const dispatch = createDispatcher(windowDashboardHandlers(() => client) as BridgeHandlers, () => undefined);
    const result = await dispatch('committee.reassign', { assignmentId: ID, assessorId: ID });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/already uploaded a score/);
  });
});

describe('window dashboard channels: the compact dashboard', () => {
  const hubAnswer = (packetId: string) => ({
    window: {
      id: ID,
      name: 'Autumn',
      closesAt: '2026-12-05T00:00:00.000Z',
      decisionsDueAt: '2026-12-08T00:00:00.000Z',
      status: 'open',
    },
    asOf: '2026-12-03T00:00:00.000Z',
    daysToClose: 2,
    daysToDecisions: 5,
    counts: { assigned: 1, 'scored-once': 0, 'double-scored': 0, 'in-adjudication': 0, decided: 0, released: 0 },
    atRisk: 1,
    packets: [
      {
        packetId,
        pseudonym: 'Candidate 0001',
        credentialTitle: 'Formative assessment',
        state: 'assigned',
        assessors: [{ assignmentId: ID, assessorId: ID, username: 'assessor1', submittedAt: null }],
        firstSubmittedAt: null,
        daysLeft: 2,
        atRisk: true,
        riskReasons: ['scoring-due'],
        adjudicationId: null,
      },
    ],
    load: [{ assessorId: ID, username: 'assessor1', assigned: 1, submitted: 0, pending: 1 }],
    assessors: [],
  });
  const dispatchFor = (answer: unknown) =>
    createDispatcher(
      windowDashboardHandlers(
        () => ({ okText: async () => JSON.stringify(answer) }) as unknown as HubClient,
      ) as BridgeHandlers,
      () => undefined,
    );

  it("hands the page the hub's compact dashboard, which expands to the full view", async () => {
    const result = await dispatchFor(compactDashboard(hubAnswer(ID) as WindowDashboard))('committee.dashboard', {
      windowId: ID,
    });
    expect(result.ok).toBe(true);
    const wire = result.ok ? (result.value as DashboardWire) : undefined;
    expect(wire?.people).toEqual([{ id: ID, username: 'assessor1' }]);
    expect(expandDashboard(wire!)).toEqual(hubAnswer(ID));
  });

  it('a hub answer with a packet id that is no UUID never reaches the page', async () => {
    const result = await dispatchFor(compactDashboard(hubAnswer('../admin') as WindowDashboard))(
      'committee.dashboard',
      {
        windowId: ID,
      },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
  });
});
