import { readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerEvidenceRequest } from '../../src/main/services/evidence-http';
import { PacketStore } from '../../src/main/services/packet-store';
import { defaultFiles, manifestFor, sha256, tempDir, TEST_PACKET_ID, writePacket } from '../support/packets';

let dir: string;
let dataDir: string;
let store: PacketStore;

beforeEach(async () => {
  dir = await tempDir();
  dataDir = join(dir, 'data');
  store = await new PacketStore(dataDir).open();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('packet store: import → cache → range read', () => {
  it('imports a packet, lists it and serves byte ranges of its evidence', async () => {
    const files = await defaultFiles();
    const outcome = await store.import(await writePacket(dir, 'ok.anchor'));
    expect(outcome).toMatchObject({
      ok: true,
      alreadyImported: false,
      packet: { packetId: TEST_PACKET_ID, evidenceCount: 3 },
    });
    expect(store.list().map((p) => p.packetId)).toEqual([TEST_PACKET_ID]);

    const pdf = files[0]!;
    const partial = await answerEvidenceRequest(store.cache, 'GET', `${TEST_PACKET_ID}/${pdf.path}`, 'bytes=0-99');
    expect(partial.status).toBe(206);
    expect(partial.headers['Content-Range']).toBe(`bytes 0-99/${pdf.data.length}`);
    expect(partial.headers['Content-Type']).toBe('application/pdf');
    expect(partial.headers['Cache-Control']).toBe('no-store');
    expect(partial.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(await readAll(partial.body!)).toEqual(pdf.data.subarray(0, 100));

    const whole = await answerEvidenceRequest(store.cache, 'GET', `${TEST_PACKET_ID}/${pdf.path}`, undefined);
    expect(whole.status).toBe(200);
    expect(sha256(await readAll(whole.body!))).toBe(sha256(pdf.data));

    const beyond = await answerEvidenceRequest(store.cache, 'GET', `${TEST_PACKET_ID}/${pdf.path}`, 'bytes=999999-');
    expect(beyond.status).toBe(416);
    expect(beyond.headers['Content-Range']).toBe(`bytes */${pdf.data.length}`);
  });

  it('serves only files the manifest lists, and refuses traversal', async () => {
    await store.import(await writePacket(dir, 'ok.anchor'));
    for (const path of [
      'manifest.json',
      '.anchor-import.json',
      '%2e%2e/%2e%2e/etc/passwd',
      'docs/..%2F..%2Fmanifest.json',
    ]) {
      const answer = await answerEvidenceRequest(store.cache, 'GET', `${TEST_PACKET_ID}/${path}`, undefined);
      expect([400, 404], path).toContain(answer.status);
    }
  });

  it('treats re-importing the same packet as a no-op', async () => {
    const file = await writePacket(dir, 'ok.anchor');
    await store.import(file);
    expect(await store.import(file)).toMatchObject({ ok: true, alreadyImported: true });
    expect(store.list()).toHaveLength(1);
  });

  it('refuses a different packet that reuses an existing id, keeping the original', async () => {
    await store.import(await writePacket(dir, 'ok.anchor'));
    const files = await defaultFiles();
    const other = manifestFor(files);
    other.candidate.pseudonym = 'Candidate Z-9999';
    const outcome = await store.import(await writePacket(dir, 'other.anchor', { manifest: other }));
    expect(outcome).toMatchObject({ ok: false, problems: [{ path: 'manifest.packetId' }] });
    expect((await store.get(TEST_PACKET_ID))?.manifest.candidate.pseudonym).toBe('Candidate T-0001');
  });

  it('leaves nothing behind when an import fails late (bad hash after extraction began)', async () => {
    const files = await defaultFiles();
    const manifest = manifestFor(files);
    manifest.evidence[2]!.sha256 = 'c'.repeat(64);
    const outcome = await store.import(await writePacket(dir, 'bad.anchor', { manifest }));
    expect(outcome.ok).toBe(false);
    expect(await readdir(join(dataDir, 'packets'))).toEqual([]);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
    expect(store.list()).toEqual([]);
  });

  it('survives a restart, and clears what a killed import left in tmp', async () => {
    await store.import(await writePacket(dir, 'ok.anchor'));
    await mkdir(join(dataDir, 'tmp', 'import-killed', 'docs'), { recursive: true });
    await writeFile(join(dataDir, 'tmp', 'import-killed', 'docs', 'half.pdf'), 'half');
    const reopened = await new PacketStore(dataDir).open();
    expect(reopened.list().map((p) => p.packetId)).toEqual([TEST_PACKET_ID]);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('serves the new manifest after a packet is removed and a corrected one imported under its id', async () => {
    await store.import(await writePacket(dir, 'ok.anchor'));
    const reading = store.cache.manifest(TEST_PACKET_ID); // a read racing the removal
    await store.remove(TEST_PACKET_ID);
    await reading;
    const files = await defaultFiles();
    const corrected = manifestFor(files);
    corrected.credential.title = 'Corrected packet';
    expect((await store.import(await writePacket(dir, 'corrected.anchor', { manifest: corrected }))).ok).toBe(true);
    expect((await store.get(TEST_PACKET_ID))?.manifest.credential.title).toBe('Corrected packet');
  });

  it('re-checks integrity on demand and purges a packet', async () => {
    const files = await defaultFiles();
    await store.import(await writePacket(dir, 'ok.anchor'));
    expect(await store.cache.verify(TEST_PACKET_ID)).toEqual([]);
    await writeFile(join(dataDir, 'packets', TEST_PACKET_ID, ...files[1]!.path.split('/')), 'tampered');
    expect(await store.cache.verify(TEST_PACKET_ID)).toEqual([
      { path: files[1]!.path, message: expect.stringMatching(/sha256/) },
    ]);
    expect(await store.remove(TEST_PACKET_ID)).toBe(true);
    expect(await readdir(join(dataDir, 'packets'))).toEqual([]);
    expect(store.list()).toEqual([]);
  });
});
