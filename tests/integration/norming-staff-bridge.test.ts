import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/bridge/dispatch';
import { BridgeEventBus, type BridgeEventMessage } from '../../src/main/bridge/events';
import { HubClient } from '../../src/main/hub/hub-client';
import { facilitatorHandlers, NormingStaff } from '../../src/main/hub/norming-staff';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import {
  BridgeError,
  type BridgeHandlers,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
} from '../../src/shared/contract/bridge';
import { PASSWORD, startNormingHub, type NormingHub } from '../e2e/support/norming-hub';

// The facilitator's channels: every payload checked at the one choke-point before the hub is
// asked, every answer read with the contract; then the same channels against a real hub, and the
// hub's norming events forwarded to the page as norming.boardChanged.

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

/** A dispatcher whose facilitator handlers record what reached them (any other channel fails). */
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

describe('facilitator channels: validation', () => {
  it('refuses a session id that is not a UUID, before any hub call', async () => {
    const { seen, dispatch } = recording();
    for (const channel of ['facilitator.session', 'facilitator.reveal', 'facilitator.close', 'facilitator.reportCsv']) {
      const result = await dispatch(channel, { sessionId: '../admin' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('bad-request');
    }
    expect(seen).toEqual([]);
  });

  it('refuses consensus without a rationale, a master change without a reason, and unknown fields', async () => {
    const { seen, dispatch } = recording();
    const base = { sessionId: ID, criterionId: 'design', rationale: 'Settled against the descriptor.' };
    const refused = [
      { ...base, rationale: '   ' },
      { ...base, masterChanges: [{ packetId: ID, levelId: 'l3', reason: '' }] },
      { ...base, masterChanges: [{ packetId: ID, levelId: 'not a level!', reason: 'why' }] },
      { ...base, criterionId: '../x' },
      { ...base, levelOverride: 'l4' },
    ];
    for (const payload of refused) {
      const result = await dispatch('facilitator.consensus', payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/^Invalid request for facilitator.consensus/);
    }
    expect(seen).toEqual([]);
  });

  it('hands the handler the parsed input with defaults (no notes, no master changes)', async () => {
    const { seen, dispatch } = recording({
      criterionId: 'design',
      notes: '',
      rationale: 'x',
      revision: 1,
      decidedAt: '2026-12-03T08:00:00.000Z',
    });
    const result = await dispatch('facilitator.consensus', {
      sessionId: ID,
      criterionId: 'design',
      rationale: ' Settled. ',
    });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      [
        'facilitator.consensus',
        { sessionId: ID, criterionId: 'design', rationale: 'Settled.', notes: '', masterChanges: [] },
      ],
    ]);
  });

  it('refuses reopen without a participant, and an answer the contract does not describe', async () => {
    const { dispatch } = recording({ sessions: [{ id: 'not-a-session' }] });
    expect((await dispatch('facilitator.reopen', { sessionId: ID })).ok).toBe(false);
    const malformed = await dispatch('facilitator.sessions', {});
    expect(malformed.ok).toBe(false);
    expect(!malformed.ok && malformed.error.code).toBe('internal');
  });
});

describe('facilitator channels against a hub', () => {
  let hub: NormingHub;
  let bus: BridgeEventBus;
  let staff: NormingStaff;
  const pushed: BridgeEventMessage[] = [];
  const call = async <C extends Channel>(channel: C, payload: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const dispatch = createDispatcher(facilitatorHandlers(() => staff) as BridgeHandlers, () => undefined);
    const result = await dispatch(channel, payload);
    if (!result.ok) throw result.error;
    return result.value as ChannelOutput<C>;
  };

  beforeAll(async () => {
    hub = await startNormingHub({ participants: 2, masters: ['l3', 'l2'] });
    bus = new BridgeEventBus(() => undefined);
    bus.subscribe((message) => pushed.push(message));
    const client = new HubClient(new MemoryTokenStore());
    await client.signIn(hub.url, 'facilitator1', PASSWORD);
    staff = new NormingStaff(client, bus);
  }, 60_000);
  afterAll(() => hub?.close());

  it('lists, reads with the rubric, reveals, settles, reports and closes', async () => {
    const { sessions } = await call('facilitator.sessions', {});
    expect(sessions).toEqual([expect.objectContaining({ id: hub.sessionId, role: 'facilitator' })]);
    const { session, rubric } = await call('facilitator.session', { sessionId: hub.sessionId });
    expect(session.participants!.map((p) => p.username).sort()).toEqual(['assessor1', 'assessor2']);
    expect(rubric!.criteria[0]!.levels.map((l) => l.label)).toEqual([
      'Beginning',
      'Developing',
      'Proficient',
      'Exemplary',
    ]);
    for (const p of hub.participants) await hub.score(p, hub.anchors[0]!.packetId, 'l3');
    await call('facilitator.reveal', { sessionId: hub.sessionId });
    const { scores } = await call('facilitator.scores', { sessionId: hub.sessionId });
    expect(scores).toHaveLength(2);
    const consensus = await call('facilitator.consensus', {
      sessionId: hub.sessionId,
      criterionId: 'design',
      rationale: 'Proficient: the checks are used.',
      masterChanges: [{ packetId: hub.anchors[1]!.packetId, levelId: 'l1', reason: 'No checks were used at all.' }],
    });
    expect(consensus).toMatchObject({ criterionId: 'design', revision: 1 });
    const report = await call('facilitator.report', { sessionId: hub.sessionId });
    expect(report.criteria[0]!.anchors[1]!.masterLevelId).toBe('l1');
    const { fileName, csv } = await call('facilitator.reportCsv', { sessionId: hub.sessionId });
    expect(fileName).toMatch(/^norming-report-.+\.csv$/);
    expect(csv).toContain('assessor1');
    const closed = await call('facilitator.close', { sessionId: hub.sessionId });
    expect(closed.qualifications).toHaveLength(2);
    await expect(call('facilitator.reveal', { sessionId: hub.sessionId })).rejects.toThrow(BridgeError);
  });

  it('forwards the hub’s norming events as norming.boardChanged, and nothing else', () => {
    pushed.length = 0;
    staff.onHubEvent({ type: 'norming.scoreReceived', sessionId: ID, packetId: ID, participantId: ID, late: true });
    staff.onHubEvent({ type: 'norming.sessionChanged', sessionId: ID, status: 'revealed' });
    staff.onHubEvent({ type: 'score.received', scoreId: ID, packetId: ID, assessorId: ID, revision: 1 });
    expect(pushed).toEqual([
      {
        event: 'norming.boardChanged',
        payload: { kind: 'score', sessionId: ID, packetId: ID, participantId: ID, late: true },
      },
      { event: 'norming.boardChanged', payload: { kind: 'session', sessionId: ID, status: 'revealed' } },
    ]);
  });
});
