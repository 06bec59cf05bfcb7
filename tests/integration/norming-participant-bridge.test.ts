import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/bridge/dispatch';
import { BridgeEventBus } from '../../src/main/bridge/events';
import { BridgeError, type BridgeHandlers } from '../../src/shared/contract/bridge';

const SESSION = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const PACKET = '1c6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b11';

/** Only the norming channels answer; the dispatcher checks both directions against the contract. */
function dispatcher(overrides: Partial<BridgeHandlers>) {
  const handlers = new Proxy(overrides, {
    get: (target, key: string) =>
      (target as Record<string, unknown>)[key] ??
      (async () => {
        throw new BridgeError('not used in this test');
      }),
  }) as BridgeHandlers;
  const logged: string[] = [];
  return { dispatch: createDispatcher(handlers, (m) => logged.push(m)), logged };
}

const SUMMARY = {
  id: SESSION,
  title: 'Exit tickets — autumn calibration',
  credentialId: 'exit-tickets',
  mode: 'calibration',
  status: 'open',
  anchorCount: 1,
  participantCount: 4,
  createdAt: '2026-09-01T10:00:00Z',
  revealedAt: null,
  closedAt: null,
  role: 'participant',
} as const;

describe('norming participant channels', () => {
  it('refuses a session id that is not a uuid, and extra fields, before any handler runs', async () => {
    let called = false;
    const { dispatch } = dispatcher({
      'norming.session': async () => {
        called = true;
        throw new Error('unreachable');
      },
    });
    const bad = await dispatch('norming.session', { sessionId: '../admin' });
    expect(bad.ok).toBe(false);
    const extra = await dispatch('norming.session', { sessionId: SESSION, userId: SESSION });
    expect(extra.ok).toBe(false);
    const pull = await dispatch('norming.pullAnchors', { sessionId: SESSION, packetIds: [] });
    expect(pull.ok).toBe(false);
    expect(called).toBe(false);
  });

  it('passes a well-formed call through and checks the answer against the hub schema', async () => {
    const { dispatch } = dispatcher({ 'norming.sessions': async () => ({ sessions: [SUMMARY] }) });
    expect(await dispatch('norming.sessions', {})).toEqual({ ok: true, value: { sessions: [SUMMARY] } });
  });

  it('never lets an answer out that the contract does not describe (a master smuggled into a summary)', async () => {
    const { dispatch } = dispatcher({
      'norming.sessions': async () => ({ sessions: [{ ...SUMMARY, masters: [] }] }) as never,
    });
    const result = await dispatch('norming.sessions', {});
    expect(result.ok).toBe(false);
  });

  it('routes a score upload by destination and refuses a destination without a session', async () => {
    const seen: unknown[] = [];
    const { dispatch } = dispatcher({
      'hub.uploadScore': async (input) => {
        seen.push(input.destination);
        return { kind: 'retry', reason: 'offline' };
      },
    });
    const record = { id: SESSION } as never;
    const wrong = await dispatch('hub.uploadScore', { baseRevision: 0, record, destination: { kind: 'norming' } });
    expect(wrong.ok).toBe(false);
    expect(seen).toEqual([]);
  });

  it('pushes norming.changed only with the contract’s shape', () => {
    const logged: string[] = [];
    const bus = new BridgeEventBus((m) => logged.push(m));
    const got: unknown[] = [];
    bus.subscribe((m) => got.push(m));
    bus.emit('norming.changed', { sessionId: SESSION, status: 'revealed' });
    bus.emit('norming.changed', { sessionId: 'nope', status: 'revealed' } as never);
    bus.emit('norming.anchorPullsChanged', {
      pulls: [{ packetId: PACKET, state: 'pulling', receivedBytes: 10, totalBytes: 100 }],
    });
    expect(got).toEqual([
      { event: 'norming.changed', payload: { sessionId: SESSION, status: 'revealed' } },
      {
        event: 'norming.anchorPullsChanged',
        payload: { pulls: [{ packetId: PACKET, state: 'pulling', receivedBytes: 10, totalBytes: 100 }] },
      },
    ]);
    expect(logged).toEqual(['bridge: refused to push a malformed event']);
  });
});
