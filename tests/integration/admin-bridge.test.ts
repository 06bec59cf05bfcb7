import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/bridge/dispatch';
import { adminHandlers } from '../../src/main/hub/admin';
import { HubClient } from '../../src/main/hub/hub-client';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { type RunningHub } from '../../src/hub/server';
import { startHubFromTemplate } from '../support/hub-start';
import { createUser } from '../../src/hub/services/users';
import {
  BridgeError,
  type BridgeHandlers,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
} from '../../src/shared/contract/bridge';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../support/packets';

// The admin's channels: every payload checked at the one choke-point before the hub is asked;
// then the same channels against a real hub, whose refusals (last admin, packet problems,
// already assigned) come back in its own words.

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const PASSWORD = 'correct horse battery';
const WINDOW = {
  name: 'Spring',
  opensAt: '2026-03-01T08:00:00.000Z',
  closesAt: '2026-03-15T08:00:00.000Z',
  decisionsDueAt: '2026-04-05T08:00:00.000Z',
};

function recording() {
  const seen: [string, unknown][] = [];
  const handlers = new Proxy({} as BridgeHandlers, {
    get: (_target, channel: string) => async (input: unknown) => {
      seen.push([channel, input]);
      return {};
    },
  });
  return { seen, dispatch: createDispatcher(handlers, () => undefined) };
}

describe('admin channels: validation', () => {
  it.each([
    ['admin.updateWindow', { windowId: '../users', change: { name: 'x' } }],
    ['admin.updateWindow', { windowId: ID, change: {} }],
    ['admin.createWindow', { ...WINDOW, closesAt: WINDOW.opensAt }],
    ['admin.createWindow', { ...WINDOW, scoringPolicy: { secondScoring: { randomShare: 1.5 } } }],
    ['admin.createWindow', { ...WINDOW, owner: 'me' }],
    ['admin.createUser', { username: 'a1', password: 'short', roles: ['assessor'] }],
    ['admin.createUser', { username: 'a1', password: PASSWORD, roles: [] }],
    ['admin.createUser', { username: 'a1', password: PASSWORD, roles: ['root'] }],
    ['admin.updateUser', { userId: ID, change: {} }],
    ['admin.assign', { windowId: ID, packetId: 'p1', assessorId: ID }],
    ['admin.autoAssign', { windowId: ID, assessorsPerPacket: 0 }],
    ['admin.assignments', { windowId: 'all' }],
    ['admin.unassign', { assignmentId: '1 OR 1=1' }],
    ['admin.packets', { limit: 0 }],
    ['admin.packets', { kind: 'draft' }],
    ['admin.packets', { before: "' or 1=1 --" }],
    ['admin.uploadPacket', { path: '', fileName: 'x.anchor' }],
    ['admin.uploadPacket', { path: '/tmp/x', fileName: 'x.anchor', owner: 'me' }],
  ])('refuses %s %j before any hub call', async (channel, payload) => {
    const { seen, dispatch } = recording();
    const result = await dispatch(channel, payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bad-request');
    expect(seen).toEqual([]);
  });

  it('hands the handler the parsed input: blank labels dropped, policy defaults filled', async () => {
    const { seen, dispatch } = recording();
    await dispatch('admin.uploadPacket', { path: '/tmp/x', fileName: 'x.anchor', school: '  ', district: 'North ' });
    await dispatch('admin.createWindow', { ...WINDOW, scoringPolicy: {} });
    expect(seen[0]).toEqual(['admin.uploadPacket', { path: '/tmp/x', fileName: 'x.anchor', district: 'North' }]);
    expect(seen[1]![1]).toMatchObject({
      status: 'open',
      requiredQualification: null,
      scoringPolicy: {
        secondScoring: { randomShare: 0.1, resubmissions: true, nearCutMargin: 1 },
        discrepancy: { decisionDiffers: true, criterionLevelGap: 2, totalGap: null },
      },
    });
  });
});

describe('admin channels against a hub', () => {
  let running: RunningHub;
  let dir: string;
  let client: HubClient;
  const call = async <C extends Channel>(channel: C, payload: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const dispatch = createDispatcher(adminHandlers(() => client) as BridgeHandlers, () => undefined);
    const result = await dispatch(channel, payload);
    if (!result.ok) throw result.error;
    return result.value as ChannelOutput<C>;
  };

  beforeAll(async () => {
    dir = await tempDir('anchor-admin-bridge-');
    running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
    await createUser(running.hub, { username: 'admin1', password: PASSWORD, roles: ['admin'] }, null);
    client = new HubClient(new MemoryTokenStore());
    await client.signIn(running.url, 'admin1', PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs a window: create, upload, accounts, assign, auto-assign, unassign', async () => {
    const now = Date.now();
    const window = await call('admin.createWindow', {
      name: 'Spring',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 14 * 86400_000).toISOString(),
      decisionsDueAt: new Date(now + 35 * 86400_000).toISOString(),
      scoringPolicy: { secondScoring: { randomShare: 0.25 } },
    });
    expect(window).toMatchObject({ isOpen: true, scoringPolicy: { secondScoring: { randomShare: 0.25 } } });
    const closed = await call('admin.updateWindow', { windowId: window.id, change: { status: 'closed' } });
    expect(closed.isOpen).toBe(false);
    await call('admin.updateWindow', { windowId: window.id, change: { status: 'open' } });
    await expect(
      call('admin.updateWindow', { windowId: window.id, change: { closesAt: window.opensAt } }),
    ).rejects.toThrow(BridgeError);

    const files = await defaultFiles();
    const packetId = randomUUID();
    const file = await writePacket(dir, 'p.anchor', { files, manifest: manifestFor(files, packetId) });
    const first = await call('admin.uploadPacket', { path: file, fileName: 'p.anchor', school: 'Lincoln' });
    expect(first).toMatchObject({ kind: 'created', packet: { packetId, school: 'Lincoln', district: null } });
    expect((await call('admin.uploadPacket', { path: file, fileName: 'p.anchor' })).kind).toBe('already-uploaded');
    const bad = await writePacket(dir, 'bad.anchor', { files, manifest: { ...manifestFor(files), evidence: [] } });
    const refused = await call('admin.uploadPacket', { path: bad, fileName: 'bad.anchor' });
    expect(refused.kind).toBe('refused');
    expect(refused.kind === 'refused' && refused.problems.length).toBeGreaterThan(0);
    const junk = join(dir, 'junk.anchor');
    await writeFile(junk, 'not a zip');
    expect((await call('admin.uploadPacket', { path: junk, fileName: 'junk.anchor' })).kind).toBe('refused');

    const assessor = await call('admin.createUser', { username: 'assessor1', password: PASSWORD, roles: ['assessor'] });
    const { users } = await call('admin.users', {});
    expect(users.map((u) => u.username).sort()).toEqual(['admin1', 'assessor1']);
    const admin = users.find((u) => u.username === 'admin1')!;
    await expect(call('admin.updateUser', { userId: admin.id, change: { disabled: true } })).rejects.toThrow(/admin/i);

    const assignment = await call('admin.assign', { windowId: window.id, packetId, assessorId: assessor.id });
    expect(assignment.assessorUsername).toBe('assessor1');
    await expect(call('admin.assign', { windowId: window.id, packetId, assessorId: assessor.id })).rejects.toThrow(
      BridgeError,
    );
    const auto = await call('admin.autoAssign', { windowId: window.id, assessorsPerPacket: 2 });
    expect(auto.created).toEqual([]);
    expect(auto.shortfalls).toEqual([expect.objectContaining({ packetId, missing: 1 })]);
    const listed = await call('admin.assignments', { windowId: window.id, assessorId: assessor.id });
    expect(listed.assignments.map((a) => a.id)).toEqual([assignment.id]);
    // Once the assessor has uploaded a score, the hub keeps the assignment and says why.
    const assessorClient = new HubClient(new MemoryTokenStore());
    await assessorClient.signIn(running.url, 'assessor1', PASSWORD);
    const score = await assessorClient.putScore(scoreRecord(packetId, 'assessor1'), 0);
    expect(score.kind).toBe('stored');
    await expect(call('admin.unassign', { assignmentId: assignment.id })).rejects.toThrow(/score/i);
    const second = await writePacket(dir, 'q.anchor', { files, manifest: manifestFor(files, randomUUID()) });
    const uploaded = await call('admin.uploadPacket', { path: second, fileName: 'q.anchor' });
    if (uploaded.kind === 'refused') throw new Error(uploaded.message);
    // The hub's list: the packet assigned above is "some", the new upload still to assign, first.
    const toAssign = await call('admin.packets', { windowId: window.id, assigned: 'none', kind: 'live' });
    expect(toAssign.packets.map((p) => p.packetId)).toEqual([uploaded.packet.packetId]);
    const all = await call('admin.packets', { windowId: window.id, q: 'candidate', limit: 1 });
    expect(all).toMatchObject({ hasMore: true, packets: [{ packetId: uploaded.packet.packetId }] });
    const rest = await call('admin.packets', { windowId: window.id, q: 'candidate', before: all.nextBefore! });
    expect(rest.packets).toEqual([
      expect.objectContaining({ packetId, school: 'Lincoln', assignments: { inWindow: 1, total: 1 } }),
    ]);
    const unscored = await call('admin.assign', {
      windowId: window.id,
      packetId: uploaded.packet.packetId,
      assessorId: assessor.id,
    });
    expect(await call('admin.unassign', { assignmentId: unscored.id })).toEqual({ removed: true });
    expect((await call('admin.assignments', { windowId: window.id })).assignments.map((a) => a.id)).toEqual([
      assignment.id,
    ]);
    const disabled = await call('admin.updateUser', { userId: assessor.id, change: { disabled: true } });
    expect(disabled.disabled).toBe(true);
  });
});
