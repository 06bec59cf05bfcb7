import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoHub } from '../../src/demo/demo-hub';
import { HubService } from '../../src/main/hub/hub-service';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import type { PacketStore } from '../../src/main/services/packet-store';
import { Workspaces } from '../../src/main/workspaces/workspaces';
import { BridgeError } from '../../src/shared/contract/bridge';
import { tempDir } from '../support/packets';
import {
  addUser,
  staffHub,
  assign,
  packetFile,
  PASSWORD,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

let hub: TestHub;
let admin: TestUser;
let assessor: TestUser;
let windowId: string;
let dir: string;
const log = () => undefined;

beforeAll(async () => {
  hub = await startTestHub();
  ({ admin, assessor, windowId } = await staffHub(hub));
  dir = await tempDir('anchor-hub-service-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

/** A HubService on its own data folder, with the packet store behind it. */
async function service(name: string, options: { demo?: boolean; now?: () => number } = {}): Promise<HubService> {
  const dataDir = join(dir, name);
  const hubs = await new HubService({
    dataDir,
    workspaces: new Workspaces(dataDir),
    tokens: new MemoryTokenStore(),
    log,
    demoHub: options.demo ? new DemoHub(dataDir, log) : undefined,
    now: options.now,
  }).open();
  return hubs;
}

/** The signed-in person's packet store (the local workspace's when nobody is). */
async function storeOf(hubs: HubService): Promise<PacketStore> {
  return (await hubs.currentWorkspace()).store;
}

async function assignedPacket(): Promise<string> {
  const packetId = await uploadPacket(hub, admin);
  await assign(hub, admin, windowId, packetId, assessor);
  return packetId;
}

describe('HubService (what the bridge channels call)', () => {
  it('signs in, remembers the hub address and user name (never the password), and signs out', async () => {
    const hubs = await service('sign-in');
    expect(await hubs.status()).toMatchObject({ user: null, hubUrl: null, demoHub: { available: false } });
    await expect(hubs.signIn(hub.running.url, 'assessor1', 'wrong password')).rejects.toThrow(
      /user ?name or password is not right/,
    );
    const status = await hubs.signIn(`${hub.running.url}/some/path`, 'assessor1', PASSWORD);
    expect(status).toMatchObject({
      user: { username: 'assessor1', roles: ['assessor'] },
      hubUrl: hub.running.url,
      tokenProtection: 'in process memory only',
    });
    const signedOut = await hubs.signOut();
    expect(signedOut).toMatchObject({ user: null, hubUrl: hub.running.url, lastUsername: 'assessor1' });
  });

  it('refuses to pull before sign-in, and an unreachable hub is a clear, retryable error', async () => {
    const hubs = await service('unreachable');
    await expect(hubs.pull([crypto.randomUUID()])).rejects.toBeInstanceOf(BridgeError);
    await expect(hubs.signIn('http://127.0.0.1:9', 'assessor1', PASSWORD)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/cannot be reached/),
    });
  });

  it('pulls queued packets with per-packet progress; one that is not assigned fails with a reason', async () => {
    const hubs = await service('pull');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    const mine = [await assignedPacket(), await assignedPacket()];
    const notMine = await uploadPacket(hub, admin);
    const queued = await hubs.pull([...mine, notMine]);
    expect(queued.map((p) => p.packetId)).toEqual([...mine, notMine]);
    expect(await hubs.pull(mine)).toHaveLength(3); // already queued: not queued twice
    await (await hubs.pulls()).idle();
    const states = (await hubs.pulls()).list();
    for (const packetId of mine) {
      const state = states.find((s) => s.packetId === packetId)!;
      expect(state).toMatchObject({ state: 'done' });
      expect(state.receivedBytes).toBe(state.totalBytes);
      expect(state.totalBytes).toBeGreaterThan(0);
    }
    expect(states.find((s) => s.packetId === notMine)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/not assigned|not found|does not exist/i),
    });
    const { assignments } = await hubs.assignments();
    expect(assignments.map((a) => a.packetId)).toEqual(expect.arrayContaining(mine));
  });

  it('resumes the pulls Anchor was closed in, and deletes unfinished downloads of packets no longer assigned', async () => {
    const packetId = await assignedPacket();
    const hubs = await service('resume-after-restart');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    // What a pull stopped mid-file leaves behind: the first bytes of a file in a .partial.
    const item = (await hubs.client.packet(packetId)).manifest.evidence[0]!;
    const head = await fetch(`${hub.running.url}/api/v1/packets/${packetId}/evidence/${item.id}`, {
      headers: { Authorization: `Bearer ${assessor.token}`, Range: 'bytes=0-99' },
    });
    expect(head.status).toBe(206);
    const partial = join((await storeOf(hubs)).downloadsDir, packetId, ...item.path.split('/')) + '.partial';
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, Buffer.from(await head.arrayBuffer()));
    // And one of a packet the hub no longer lists for this assessor.
    const unassigned = join((await storeOf(hubs)).downloadsDir, randomUUID());
    await mkdir(unassigned);
    await writeFile(join(unassigned, 'lesson.webm.partial'), 'a candidate’s evidence');

    const { resumed } = await hubs.assignments();
    expect(resumed).toEqual([packetId]);
    await expect(stat(unassigned)).rejects.toThrow();
    await (await hubs.pulls()).idle();
    expect((await hubs.pulls()).list()).toEqual([expect.objectContaining({ packetId, state: 'done' })]);
    expect((await storeOf(hubs)).list().map((p) => p.packetId)).toContain(packetId);
    // Listed again: nothing left to resume.
    expect((await hubs.assignments()).resumed).toEqual([]);
  });

  it('turns every upload ending into an outbox decision: stored, replayed, conflict, retry, signed-out', async () => {
    const hubs = await service('upload');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    const packetId = await assignedPacket();
    const record = scoreRecord(packetId, 'assessor1');
    const stored = await hubs.uploadScore(record, 0);
    expect(stored).toMatchObject({ kind: 'stored', receipt: { scoreId: record.id, revision: 1 } });
    expect(await hubs.uploadScore(record, 0)).toEqual(stored);

    const other = scoreRecord(packetId, 'assessor1', { decision: { kind: 'not-yet' } });
    expect(await hubs.uploadScore(other, 0)).toMatchObject({
      kind: 'conflict',
      server: { record: { id: record.id } },
      reason: expect.stringMatching(/revision 1/),
    });

    const wrongAssessor = scoreRecord(packetId, 'somebody-else', { revision: 2 });
    expect(await hubs.uploadScore(wrongAssessor, 1)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/signed in as "assessor1"/),
    });

    await hubs.signOut();
    expect(await hubs.uploadScore(record, 0)).toMatchObject({ kind: 'signed-out' });
  });

  it('asks for a retry while the hub is down', async () => {
    const down = await startTestHub();
    await addUser(down, 'assessor1', ['assessor']);
    const hubs = await service('down');
    await hubs.signIn(down.running.url, 'assessor1', PASSWORD);
    await down.close();
    const outcome = await hubs.uploadScore(scoreRecord(crypto.randomUUID(), 'assessor1'), 0);
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/cannot be reached/) });
  });

  it('listens to the hub while signed in: a new assignment moves the version the screens watch', async () => {
    const hubs = await service('live');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    await expect.poll(async () => (await hubs.status()).live, { timeout: 10_000 }).toBe(true);
    const before = (await hubs.status()).assignmentsVersion;
    await assignedPacket();
    await expect
      .poll(async () => (await hubs.status()).assignmentsVersion, { timeout: 10_000 })
      .toBeGreaterThan(before);
    await hubs.signOut();
    expect(await hubs.status()).toMatchObject({ live: false });
    await hubs.close();
  });

  it('declares and lists conflicts of interest', async () => {
    const hubs = await service('conflicts');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    await expect(hubs.conflicts()).resolves.toEqual([]);
    const declared = await hubs.declareConflict({ school: 'Lakeside High', district: '' });
    expect(declared).toMatchObject({ school: 'Lakeside High', district: null });
    expect((await hubs.conflicts()).map((c) => c.id)).toEqual([declared.id]);
  });
});

describe('evidence retention (pulled evidence leaves when it is no longer needed)', () => {
  it('purges a pulled packet the hub stops listing, never an imported one', async () => {
    const hubs = await service('retention-unassigned');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    const packetId = await uploadPacket(hub, admin);
    const assignment = await assign(hub, admin, windowId, packetId, assessor);
    await hubs.pull([packetId]);
    await (await hubs.pulls()).idle();
    const { file, packetId: importedId } = await packetFile(dir);
    expect(await (await storeOf(hubs)).import(file)).toMatchObject({ ok: true });
    expect((await hubs.assignments()).purged).toEqual([]);

    const removed = await hub.api('DELETE', `/api/v1/assignments/${assignment.id}`, { token: admin.token });
    expect(removed.status).toBe(204);
    const { purged } = await hubs.assignments();
    expect(purged).toEqual([{ packetId, pseudonym: 'Candidate T-0001', reason: 'unassigned' }]);
    // Its finished pull is forgotten too, so no screen calls it downloaded any more.
    expect((await hubs.pulls()).list().map((p) => p.packetId)).not.toContain(packetId);
    expect((await storeOf(hubs)).list().map((p) => p.packetId)).toEqual([importedId]);
  });

  it('purges pulled evidence once its review window has closed, also without reaching the hub', async () => {
    const hubs = await service('retention-closed');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    const packetId = await assignedPacket();
    await hubs.pull([packetId]);
    await (await hubs.pulls()).idle();
    expect((await hubs.assignments()).purged).toEqual([]);

    // The app starts again a month later, offline: the window (two weeks) has closed.
    const later = await service('retention-closed', { now: () => Date.now() + 30 * 86_400_000 });
    expect((await storeOf(hubs)).list().map((p) => p.packetId)).toContain(packetId);
    expect((await storeOf(later)).list().map((p) => p.packetId)).not.toContain(packetId);
  });
});

describe('first-run demo hub', () => {
  it('starts a seeded local hub, keeps its port across restarts, and the demo accounts can pull', async () => {
    const first = await service('demo', { demo: true });
    expect((await first.status()).demoHub).toEqual({ available: true, url: null });
    const status = await first.startDemo();
    const url = status.demoHub.url!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status).toMatchObject({ hubUrl: url, lastUsername: 'assessor1' });
    await first.signIn(url, 'assessor1', 'anchor-demo');
    const { assignments } = await first.assignments();
    expect(assignments.length).toBeGreaterThan(0);
    await first.close();

    // The next start brings the demo hub back on the same address by itself.
    const second = await service('demo', { demo: true });
    await expect.poll(async () => (await second.status()).demoHub.url, { timeout: 30_000 }).toBe(url);
    await second.signIn(url, 'assessor2', 'anchor-demo');
    expect((await second.assignments()).assignments.length).toBeGreaterThan(0);
    await second.close();
  }, 120_000);
});
