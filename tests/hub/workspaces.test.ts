import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../src/main/hub/hub-client';
import { HubService } from '../../src/main/hub/hub-service';
import { pullPacket } from '../../src/main/hub/pull';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { PacketStore } from '../../src/main/services/packet-store';
import { legacyOwner, moveLegacyLayout } from '../../src/main/workspaces/legacy-layout';
import { Workspaces } from '../../src/main/workspaces/workspaces';
import { tempDir } from '../support/packets';
import {
  addUser,
  assign,
  openWindow,
  packetFile,
  PASSWORD,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

/**
 * One computer, two assessors (a scoring centre's lab): everything local belongs to one
 * (hub origin, hub user). Threat: assessor2 signing in after assessor1 sees assessor1's pulled
 * packet, or uploads under assessor1's session, which breaks blind double scoring.
 */
let hub: TestHub;
let admin: TestUser;
let first: TestUser;
let second: TestUser;
let windowId: string;
let dir: string;
const log = () => undefined;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await addUser(hub, 'admin1', ['admin']);
  first = await addUser(hub, 'assessor1', ['assessor']);
  second = await addUser(hub, 'assessor2', ['assessor']);
  windowId = await openWindow(hub, admin);
  dir = await tempDir('anchor-workspaces-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

async function service(dataDir: string, tokens = new MemoryTokenStore()): Promise<HubService> {
  return new HubService({ dataDir, workspaces: new Workspaces(dataDir), tokens, log }).open();
}

async function listed(hubs: HubService): Promise<string[]> {
  return (await hubs.currentWorkspace()).store.list().map((p) => p.packetId);
}

/** A packet assigned to both assessors (blind double scoring). */
async function doubleScored(): Promise<string> {
  const packetId = await uploadPacket(hub, admin);
  await assign(hub, admin, windowId, packetId, first);
  await assign(hub, admin, windowId, packetId, second);
  return packetId;
}

describe('workspaces: two people on one computer', () => {
  it("assessor2 never sees assessor1's pulled packet, and each gets it back on signing in again", async () => {
    const hubs = await service(join(dir, 'shared-computer'));
    const packetId = await doubleScored();

    const one = await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    await hubs.pull([packetId]);
    await (await hubs.pulls()).idle();
    expect(await listed(hubs)).toEqual([packetId]);

    await hubs.signOut();
    expect((await hubs.status()).workspace).toMatchObject({ kind: 'local', id: 'local' });
    expect(await listed(hubs)).toEqual([]);

    const two = await hubs.signIn(hub.running.url, 'assessor2', PASSWORD);
    expect(two.workspace.id).not.toBe(one.workspace.id);
    expect(await listed(hubs)).toEqual([]);
    expect((await hubs.pulls()).list()).toEqual([]);
    // The evidence the screens are served comes from assessor2's workspace only.
    expect(await (await hubs.currentWorkspace()).store.cache.manifest(packetId)).toBeUndefined();
    await hubs.pull([packetId]);
    await (await hubs.pulls()).idle();
    expect(await listed(hubs)).toEqual([packetId]);

    await hubs.signOut();
    const again = await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    expect(again.workspace.id).toBe(one.workspace.id);
    expect(await listed(hubs)).toEqual([packetId]);
    await hubs.close();
  });

  it("uploads a review only under its own assessor's session", async () => {
    const hubs = await service(join(dir, 'uploads'));
    const packetId = await doubleScored();
    const one = await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    await hubs.signOut();
    await hubs.signIn(hub.running.url, 'assessor2', PASSWORD);
    // assessor1's outbox entry, offered while assessor2 is signed in, waits instead of going.
    const record = scoreRecord(packetId, 'assessor1');
    const outcome = await hubs.uploadScore(record, 0, one.workspace.id);
    expect(outcome).toMatchObject({ kind: 'signed-out' });
    const onHub = await fetch(`${hub.running.url}/api/v1/scores/${record.id}`, {
      headers: { Authorization: `Bearer ${admin.token}` },
    });
    expect(onHub.status).toBe(404);
    await hubs.close();
  });

  it("signing in to another hub deletes nothing of the first hub's workspace", async () => {
    const other = await startTestHub();
    try {
      const otherAdmin = await addUser(other, 'admin1', ['admin']);
      await addUser(other, 'assessor1', ['assessor']);
      const hubs = await service(join(dir, 'two-hubs'));
      const packetId = await doubleScored();
      await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
      await hubs.pull([packetId]);
      await (await hubs.pulls()).idle();

      await hubs.signIn(other.running.url, 'assessor1', PASSWORD);
      expect(await listed(hubs)).toEqual([]);
      expect((await hubs.assignments()).purged).toEqual([]);
      await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
      expect(await listed(hubs)).toEqual([packetId]);
      expect(otherAdmin.username).toBe('admin1');
      await hubs.close();
    } finally {
      await other.close();
    }
  });
});

describe('workspaces: the library an earlier version wrote', () => {
  it('moves imported packets to the local workspace and pulled ones to the user who pulled them', async () => {
    const dataDir = join(dir, 'legacy');
    // Written exactly as the earlier version wrote it: one PacketStore straight under <data>.
    const old = await new PacketStore(dataDir).open();
    const importedId = randomUUID();
    expect(await old.import((await packetFile(dir, importedId)).file)).toMatchObject({
      ok: true,
    });
    const pulledId = await doubleScored();
    const tokens = new MemoryTokenStore();
    const client = new HubClient(tokens);
    await client.signIn(hub.running.url, 'assessor1', PASSWORD);
    expect(await pullPacket(client, old, pulledId)).toMatchObject({ ok: true });
    await tokens.clear();
    // A pull stopped half-way, and a packet from a hub nobody can name an owner on.
    await mkdir(join(dataDir, 'downloads', randomUUID()), { recursive: true });
    const strangerId = randomUUID();
    const stranger = await old.import((await packetFile(dir, strangerId)).file);
    expect(stranger.ok).toBe(true);
    await writeFile(
      join(dataDir, 'packets', strangerId, '.anchor-import.json'),
      JSON.stringify({
        importedAt: new Date().toISOString(),
        manifestSha256: 'x',
        sourceName: 'pulled from http://127.0.0.1:1',
      }),
    );
    await writeFile(
      join(dataDir, 'hub.json'),
      JSON.stringify({ lastHubUrl: hub.running.url, lastUsername: 'assessor1' }),
    );

    const workspaces = new Workspaces(dataDir);
    await moveLegacyLayout(dataDir, workspaces.root, await legacyOwner(dataDir, tokens), log);
    expect((await readdir(dataDir)).sort()).toEqual(['hub.json', 'workspaces']);
    const hubs = await new HubService({ dataDir, workspaces, tokens, log }).open();
    expect(await listed(hubs)).toEqual([importedId]);

    await hubs.signIn(hub.running.url, 'assessor2', PASSWORD);
    expect(await listed(hubs)).toEqual([]);
    await hubs.signOut();
    await hubs.signIn(hub.running.url, 'assessor1', PASSWORD);
    expect(await listed(hubs)).toEqual([pulledId]);
    await expect(stat(join(workspaces.root, 'claims'))).resolves.toBeDefined();
    expect(await readdir(join(workspaces.root, 'claims'))).toEqual([]);
    // Running the move again (a crash before it finished) changes nothing.
    await moveLegacyLayout(dataDir, workspaces.root, await legacyOwner(dataDir, tokens), log);
    await hubs.close();
  });
});
