import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../src/main/hub/hub-client';
import { HubError } from '../../src/main/hub/hub-error';
import { pullPacket } from '../../src/main/hub/pull';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { answerEvidenceRequest } from '../../src/main/services/evidence-http';
import { PacketStore } from '../../src/main/services/packet-store';
import { defaultFiles, sha256, tempDir } from '../support/packets';
import {
  staffHub,
  assign,
  PASSWORD,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';
import { startStandInHub } from './support/stand-in-hub';

let hub: TestHub;
let admin: TestUser;
let assessor: TestUser;
let dir: string;
let windowId: string;

beforeAll(async () => {
  hub = await startTestHub();
  ({ admin, assessor, windowId } = await staffHub(hub));
  dir = await tempDir('anchor-pull-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

async function signedInClient(username = 'assessor1'): Promise<{ client: HubClient; tokens: MemoryTokenStore }> {
  const tokens = new MemoryTokenStore();
  const client = new HubClient(tokens);
  await client.signIn(hub.running.url, username, PASSWORD);
  return { client, tokens };
}

async function assignedPacket(): Promise<string> {
  const packetId = await uploadPacket(hub, admin);
  await assign(hub, admin, windowId, packetId, assessor);
  return packetId;
}

describe('desktop hub client against a real hub (PGlite)', () => {
  it('signs in, lists assignments and pulls a packet that then works offline', async () => {
    const packetId = await assignedPacket();
    const { client } = await signedInClient();
    expect((await client.assignments()).map((a) => a.packetId)).toContain(packetId);

    const store = await new PacketStore(join(dir, 'data-1')).open();
    const progress: number[] = [];
    const outcome = await pullPacket(client, store, packetId, (p) => progress.push(p.receivedBytes / p.totalBytes));
    expect(outcome).toMatchObject({ ok: true, alreadyImported: false });
    expect(progress.at(-1)).toBe(1);
    expect(await store.cache.verify(packetId)).toEqual([]);
    const pdf = (await defaultFiles())[0]!;
    const answer = await answerEvidenceRequest(store.cache, 'GET', `${packetId}/${pdf.path}`, 'bytes=0-9');
    expect(answer.status).toBe(206);
    expect((await pullPacket(client, store, packetId)).ok).toBe(true);
  });

  it('resumes a partial download with Range and rejects a wrong hash, which can then be fetched again', async () => {
    const packetId = await assignedPacket();
    const { client } = await signedInClient();
    const { manifest } = await client.packet(packetId);
    const item = manifest.evidence[0]!;
    const target = join(dir, 'resume', item.path);
    await mkdir(join(target, '..'), { recursive: true });
    const whole = (await defaultFiles()).find((f) => f.path === item.path)!.data;
    await writeFile(`${target}.partial`, whole.subarray(0, 300));
    await client.downloadEvidence(packetId, item.id, target, item);
    // The hub's audit log records the range it served: only the missing part was sent.
    const reads = await hub.running.hub.db.query<{ detail: { evidenceId: string; range: string } }>(
      `select detail from audit_log where action = 'evidence.read' and subject = $1 order by id`,
      [`packet:${packetId}`],
    );
    expect(reads.map((row) => row.detail)).toEqual([{ evidenceId: item.id, range: `300-${item.bytes - 1}` }]);
    expect(sha256(await readFile(target))).toBe(item.sha256);

    const bad = join(dir, 'resume', 'bad.bin');
    await expect(
      client.downloadEvidence(packetId, item.id, bad, { ...item, sha256: 'f'.repeat(64) }),
    ).rejects.toMatchObject({
      code: 'hash-mismatch',
    });
    await expect(readFile(`${bad}.partial`)).rejects.toThrow();
    await client.downloadEvidence(packetId, item.id, bad, item);
    expect(sha256(await readFile(bad))).toBe(item.sha256);
  });

  it('hashes the bytes already on disk when resuming: a corrupt partial file is caught and discarded', async () => {
    const packetId = await assignedPacket();
    const { client } = await signedInClient();
    const { manifest } = await client.packet(packetId);
    const item = manifest.evidence[0]!;
    const target = join(dir, 'corrupt-partial', item.path);
    await mkdir(join(target, '..'), { recursive: true });
    const whole = (await defaultFiles()).find((f) => f.path === item.path)!.data;
    // A partial of plausible length holding the wrong bytes: only the digest can tell.
    await writeFile(`${target}.partial`, Buffer.alloc(300, 0x20));
    const progress: number[] = [];
    await expect(
      client.downloadEvidence(packetId, item.id, target, item, (bytes) => progress.push(bytes)),
    ).rejects.toMatchObject({ code: 'hash-mismatch' });
    expect(progress[0]).toBe(300);
    expect(progress.at(-1)).toBe(whole.length);
    await expect(readFile(`${target}.partial`)).rejects.toThrow();
    await expect(readFile(target)).rejects.toThrow();

    await client.downloadEvidence(packetId, item.id, target, item);
    expect(sha256(await readFile(target))).toBe(item.sha256);
  });

  it('cannot pull a packet assigned to someone else', async () => {
    const packetId = await assignedPacket();
    const { client } = await signedInClient('assessor2');
    await expect(client.packet(packetId)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('uploads a score exactly once, and reports a conflict instead of overwriting', async () => {
    const packetId = await assignedPacket();
    const { client } = await signedInClient();
    const record = scoreRecord(packetId, 'assessor1');
    const first = await client.putScore(record, 0);
    const again = await client.putScore(record, 0);
    expect(first.kind).toBe('stored');
    expect(again).toEqual(first);
    const stale = scoreRecord(packetId, 'assessor1', { revision: 2 });
    const conflict = await client.putScore({ ...stale, id: crypto.randomUUID() }, 0);
    expect(conflict).toMatchObject({ kind: 'conflict', server: { record: { id: record.id } } });
  });

  it('refreshes an expired access token without asking the assessor again', async () => {
    const { client, tokens } = await signedInClient();
    const before = (await tokens.load())!.accessToken;
    hub.advance(16 * 60 * 1000);
    await client.assignments();
    expect((await tokens.load())!.accessToken).not.toBe(before);
  });

  it('shares one refresh among parallel calls (refresh tokens are single-use)', async () => {
    const { client, tokens } = await signedInClient();
    hub.advance(16 * 60 * 1000);
    const results = await Promise.all([client.assignments(), client.assignments(), client.assignments()]);
    expect(results).toHaveLength(3);
    expect(await tokens.load()).toBeDefined();
    await client.assignments();
  });

  it('says the hub is unreachable (work is kept) rather than failing obscurely', async () => {
    const tokens = new MemoryTokenStore();
    const client = new HubClient(tokens);
    const error = await client.signIn('http://127.0.0.1:9', 'assessor1', PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ code: 'unreachable' });
  });

  it('gives up on a hub that accepts calls and never answers, so the upload is retried later', async () => {
    // Accepts the connection and the request, then says nothing.
    const silent = await startStandInHub(() => undefined);
    try {
      const client = new HubClient(silent.tokens, { callTimeoutMs: 300 });
      const started = performance.now();
      const error = await client.putScore(scoreRecord(randomUUID(), 'assessor1'), 0).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HubError);
      expect(error).toMatchObject({ code: 'unreachable', message: expect.stringContaining('cannot be reached') });
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });
});
