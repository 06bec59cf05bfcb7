import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoHub } from '../../src/main/hub/demo-hub';
import { HubService } from '../../src/main/hub/hub-service';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { PacketStore } from '../../src/main/services/packet-store';
import { BridgeError } from '../../src/shared/contract/bridge';
import { tempDir } from '../support/packets';
import {
  addUser,
  assign,
  openWindow,
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
  admin = await addUser(hub, 'admin1', ['admin']);
  assessor = await addUser(hub, 'assessor1', ['assessor']);
  windowId = await openWindow(hub, admin);
  dir = await tempDir('anchor-hub-service-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

async function service(name: string, options: { demo?: boolean } = {}): Promise<HubService> {
  const dataDir = join(dir, name);
  const store = await new PacketStore(dataDir).open();
  return new HubService({
    dataDir,
    store,
    tokens: new MemoryTokenStore(),
    log,
    demoHub: options.demo ? new DemoHub(dataDir, log) : undefined,
  }).open();
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
    await hubs.pulls.idle();
    const states = hubs.pulls.list();
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

  it('declares and lists conflicts of interest', async () => {
    const hubs = await service('conflicts');
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    await expect(hubs.conflicts()).resolves.toEqual([]);
    const declared = await hubs.declareConflict({ school: 'Lakeside High', district: '' });
    expect(declared).toMatchObject({ school: 'Lakeside High', district: null });
    expect((await hubs.conflicts()).map((c) => c.id)).toEqual([declared.id]);
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
