import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../shared/contract/workspace';
import { AnchorDatabase } from './db';
import { shippedVersion3 } from './db-shipped-versions';
import { LEGACY_DATABASE, LOCAL_NAME_KEY, moveLegacyData } from './legacy';

const HUB = 'http://127.0.0.1:7000';
const IMPORTED = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const PULLED = '1c6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b11';
const local: Workspace = { id: 'local', kind: 'local', hubUrl: null, userId: null, username: null };
const hubUser = (username: string): Workspace => ({
  id: `hub-${username === 'assessor1' ? 'a' : 'b'}${'0'.repeat(23)}`,
  kind: 'hub',
  hubUrl: HUB,
  userId: `id-${username}`,
  username,
});

/** The single database the earlier version wrote for whoever used the profile (schema version 3). */
async function writeLegacy(): Promise<void> {
  const old = new AnchorDatabase(LEGACY_DATABASE);
  const packet = (packetId: string) => ({
    packetId,
    credentialId: 'cfu',
    credentialTitle: 'Checking for Understanding',
    pseudonym: `Candidate ${packetId.slice(0, 4)}`,
    attempt: 1,
    evidenceCount: 3,
    totalBytes: 1000,
    submittedAt: '2026-10-01T12:00:00Z',
    importedAt: '2026-11-01T12:00:00Z',
  });
  await old.packets.bulkPut([packet(IMPORTED), packet(PULLED)]);
  const at = '2026-11-02T12:00:00Z';
  await old.progress.bulkPut([
    { packetId: IMPORTED, status: 'in-progress', timeSpentMs: 5, updatedAt: at },
    { packetId: PULLED, status: 'in-progress', timeSpentMs: 7, updatedAt: at },
  ]);
  await old.drafts.bulkPut([
    { packetId: IMPORTED, note: 'local draft' } as never,
    { packetId: PULLED, note: 'private note about the pulled packet' } as never,
  ]);
  await old.history.bulkAdd([
    { packetId: IMPORTED, at, event: 'started', revision: 1 },
    { packetId: PULLED, at, event: 'started', revision: 1 },
  ]);
  await old.assignments.put({ assignmentId: 'a1', packetId: PULLED } as never);
  await old.settings.bulkPut([
    { key: 'hubStatus', value: { hubUrl: HUB, user: { id: 'id-assessor1', username: 'assessor1' } } },
    { key: 'assessorId', value: 'Dana' },
    { key: 'commentBank:r:c', value: ['Cite the exit ticket.'] },
  ]);
  old.close();
}

async function open(workspace: Workspace): Promise<AnchorDatabase> {
  const database = new AnchorDatabase(`anchor-${workspace.id}-${Math.random()}`);
  await database.open();
  await moveLegacyData(database, workspace);
  return database;
}

describe('moving the earlier single database into workspaces', () => {
  it('gives the hub user their packets, the local workspace the imported ones, and nobody else anything', async () => {
    await writeLegacy();
    const stranger = await open(hubUser('assessor2'));
    expect(await stranger.packets.count()).toBe(0);
    expect(await stranger.drafts.count()).toBe(0);

    const mine = await open(local);
    expect((await mine.packets.toArray()).map((p) => p.packetId)).toEqual([IMPORTED]);
    expect((await mine.drafts.toArray()).map((d) => d.packetId)).toEqual([IMPORTED]);
    expect(await mine.assignments.count()).toBe(0);
    expect((await mine.settings.get(LOCAL_NAME_KEY))?.value).toBe('Dana');
    expect((await mine.settings.get('commentBank:r:c'))?.value).toEqual(['Cite the exit ticket.']);
    expect(await mine.settings.get('hubStatus')).toBeUndefined();
    expect(await Dexie.exists(LEGACY_DATABASE)).toBe(true); // the hub user's part still waits

    const owner = await open(hubUser('assessor1'));
    expect((await owner.packets.toArray()).map((p) => p.packetId)).toEqual([PULLED]);
    expect(await owner.drafts.get(PULLED)).toMatchObject({ note: 'private note about the pulled packet' });
    expect((await owner.history.toArray()).map((h) => h.packetId)).toEqual([PULLED]);
    expect(await owner.assignments.count()).toBe(1);
    expect(await owner.settings.get(LOCAL_NAME_KEY)).toBeUndefined();
    // Both parts moved: the old database is gone, and opening again moves nothing twice.
    expect(await Dexie.exists(LEGACY_DATABASE)).toBe(false);
    await moveLegacyData(owner, hubUser('assessor1'));
    expect(await owner.history.count()).toBe(1);
  });
});

describe('an earlier version\'s "exported" status', () => {
  it('arrives in the workspace as submitted with the exported flag (the old database is upgraded on open)', async () => {
    await Dexie.delete(LEGACY_DATABASE);
    const old = shippedVersion3(LEGACY_DATABASE);
    await old.table('packets').put({ packetId: IMPORTED, credentialTitle: 'c', importedAt: 'x' });
    await old.table('progress').put({
      packetId: IMPORTED,
      status: 'exported',
      timeSpentMs: 9,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    old.close();

    const mine = await open(local);
    expect(await mine.progress.get(IMPORTED)).toMatchObject({
      status: 'submitted',
      exportedAt: '2026-11-20T10:00:00.000Z',
    });
    mine.close();
  });
});
