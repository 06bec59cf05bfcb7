import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/bridge/dispatch';
import { committeeHandlers } from '../../src/main/hub/committee';
import { HubClient } from '../../src/main/hub/hub-client';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { type RunningHub } from '../../src/hub/server';
import { startHubFromTemplate } from '../support/hub-start';
import { createUser } from '../../src/hub/services/users';
import type { BridgeHandlers, Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract/bridge';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../support/packets';

// The committee's channels: every payload checked at the one choke-point before the hub is asked;
// then a packet decided, released and reported through them against a real hub, a refused release
// answered with the packets that stopped it.

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const PASSWORD = 'correct horse battery';

describe('committee channels: validation', () => {
  it.each([
    ['committee.adjudication', { adjudicationId: '../admin' }],
    ['committee.resolveAdjudication', { adjudicationId: ID, criteria: [], decision: { kind: 'maybe' } }],
    ['committee.decisionView', { windowId: ID }],
    ['committee.postThread', { windowId: ID, packetId: ID, body: '   ' }],
    ['committee.decide', { windowId: ID, packetId: ID, decisionTypeId: 'earned', candidateFeedback: {} }],
    ['committee.batchDecide', { windowId: ID, packetIds: [] }],
    ['committee.release', { windowId: ID, packetIds: ['p1'] }],
    ['committee.revealIdentity', { windowId: ID, packetId: ID, reason: '' }],
    ['committee.candidateReport', { windowId: ID, packetId: ID, format: 'docx' }],
  ])('refuses %s %j before any hub call', async (channel, payload) => {
    const seen: unknown[] = [];
    const handlers = new Proxy({} as BridgeHandlers, {
      get: () => async (input: unknown) => seen.push(input),
    });
    const result = await createDispatcher(handlers, () => undefined)(channel, payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bad-request');
    expect(seen).toEqual([]);
  });
});

describe('committee channels against a hub', () => {
  let running: RunningHub;
  let dir: string;
  let chair: HubClient;
  const call = async <C extends Channel>(channel: C, payload: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const dispatch = createDispatcher(committeeHandlers(() => chair) as BridgeHandlers, () => undefined);
    const result = await dispatch(channel, payload);
    if (!result.ok) throw result.error;
    return result.value as ChannelOutput<C>;
  };

  beforeAll(async () => {
    dir = await tempDir('anchor-committee-bridge-');
    running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
    for (const [username, roles] of [
      ['admin1', ['admin']],
      ['chair1', ['chair']],
      ['assessor1', ['assessor']],
    ] as const) {
      await createUser(running.hub, { username, password: PASSWORD, roles: [...roles] }, null);
    }
    chair = new HubClient(new MemoryTokenStore());
    await chair.signIn(running.url, 'chair1', PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('decides, is refused a release naming the undecided packet, releases, and downloads the report', async () => {
    const admin = new HubClient(new MemoryTokenStore());
    await admin.signIn(running.url, 'admin1', PASSWORD);
    const assessor = new HubClient(new MemoryTokenStore());
    await assessor.signIn(running.url, 'assessor1', PASSWORD);
    const now = Date.now();
    const window = await admin.ok('createWindow', {
      json: {
        name: 'Autumn',
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 14 * 86400_000).toISOString(),
        decisionsDueAt: new Date(now + 35 * 86400_000).toISOString(),
      },
    });
    const { users } = await admin.ok('listUsers', {});
    const assessorId = users.find((u) => u.username === 'assessor1')!.id;
    const files = await defaultFiles();
    const packets: string[] = [];
    for (const name of ['a', 'b']) {
      const packetId = randomUUID();
      const file = await writePacket(dir, `${name}.anchor`, { files, manifest: manifestFor(files, packetId) });
      await admin.ok('uploadPacket', { file });
      await admin.ok('createAssignment', { json: { windowId: window.id, packetId, assessorId } });
      expect((await assessor.putScore(scoreRecord(packetId, 'assessor1'), 0)).kind).toBe('stored');
      packets.push(packetId);
    }
    const [decided, undecided] = packets as [string, string];
    const view = await call('committee.decisionView', { windowId: window.id, packetId: decided });
    expect(view.suggestedFeedback.suggested.overall).toBe('Clear, well-aligned checks.');
    const posted = await call('committee.postThread', { windowId: window.id, packetId: decided, body: 'Clear earn.' });
    expect(posted.authorUsername).toBe('chair1');
    const decision = await call('committee.decide', {
      windowId: window.id,
      packetId: decided,
      decisionTypeId: 'earned',
      candidateFeedback: view.suggestedFeedback.suggested,
      reason: 'Above the cut.',
    });
    expect(decision.revision).toBe(1);
    const refused = await call('committee.release', { windowId: window.id, packetIds: [decided, undecided] });
    expect(refused).toMatchObject({ kind: 'refused', refused: [{ packetId: undecided, reason: 'not-decided' }] });
    await expect(call('committee.candidateReport', { windowId: window.id, packetId: decided })).rejects.toThrow(
      /before the decision is released/,
    );
    const released = await call('committee.release', { windowId: window.id, packetIds: [decided] });
    expect(released).toMatchObject({ kind: 'released', release: { packetIds: [decided] } });
    const report = await call('committee.candidateReport', { windowId: window.id, packetId: decided });
    expect(Buffer.from(report.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
