import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPacket } from '../../src/node/packet/read-packet';
import { defaultFiles, manifestFor, writePacket } from '../support/packets';
import { forEachBackend } from './support/backends';
import {
  addUser,
  assign,
  openWindow,
  packetFile,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let assessor: TestUser;
  let other: TestUser;
  let packetId: string;
  let pdf: Buffer;

  const upload = (body: Buffer, query = '', token = admin.token) =>
    hub.api('POST', `/api/v1/packets${query}`, {
      token,
      body,
      headers: { 'Content-Type': 'application/octet-stream' },
    });

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
    chair = await addUser(hub, 'chair1', ['chair']);
    assessor = await addUser(hub, 'assessor1', ['assessor']);
    other = await addUser(hub, 'assessor2', ['assessor']);
    packetId = await uploadPacket(hub, admin, '?school=Riverside%20Elementary&district=North%20Valley%20USD');
    await assign(hub, admin, await openWindow(hub, admin), packetId, assessor);
    pdf = (await defaultFiles())[0]!.data;
  });
  afterAll(() => hub.close());

  describe('packet upload', () => {
    it('stores a valid packet and answers the same upload again with 200 alreadyUploaded', async () => {
      const { bytes, packetId: id } = await packetFile(hub.dir);
      const first = await upload(bytes, '?school=Lakeside%20High');
      expect(first.status).toBe(201);
      expect(first.json()).toMatchObject({
        alreadyUploaded: false,
        packet: { packetId: id, school: 'Lakeside High', district: null },
      });
      const again = await upload(bytes);
      expect(again.status).toBe(200);
      expect(again.json()).toMatchObject({ alreadyUploaded: true, packet: { packetId: id } });
      const rows = await hub.running.hub.db.query('select 1 from packets where id = $1', [id]);
      expect(rows).toHaveLength(1);
    });

    it('stores a packet uploaded twice at once exactly once: one 201, one 200 alreadyUploaded', async () => {
      const { bytes, packetId: id } = await packetFile(hub.dir);
      const answers = await Promise.all([upload(bytes), upload(bytes)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
      expect(answers.map((a) => a.json().alreadyUploaded).sort()).toEqual([false, true]);
      expect(await hub.running.hub.db.query('select 1 from packets where id = $1', [id])).toHaveLength(1);
      expect(await hub.running.hub.db.query('select 1 from evidence where packet_id = $1', [id])).toHaveLength(3);
    });

    it('refuses a different packet under a known id (409) and keeps the original', async () => {
      const files = await defaultFiles();
      const manifest = manifestFor(files, packetId);
      manifest.candidate = { pseudonym: 'Someone else' };
      const file = await writePacket(hub.dir, 'impostor.anchor', { files, manifest });
      const answer = await upload(await readFile(file));
      expect(answer.status).toBe(409);
      expect(answer.json().error.code).toBe('packet-id-taken');
    });

    it("rejects an invalid packet with 422 and exactly the validator's problems", async () => {
      const files = await defaultFiles();
      const manifest = manifestFor(files, randomUUID());
      manifest.evidence[0]!.sha256 = 'a'.repeat(64);
      manifest.evidence[1]!.mediaType = 'image/gif';
      const file = await writePacket(hub.dir, 'tampered.anchor', { files, manifest });
      const answer = await upload(await readFile(file));
      expect(answer.status).toBe(422);
      const body = answer.json();
      expect(body.error.code).toBe('invalid-packet');
      const expected = await readPacket(file);
      expect(expected.problems.length).toBe(2);
      expect(body.error.problems).toEqual(expected.problems);
      // Nothing of a refused packet is kept.
      expect(await hub.running.hub.db.query('select 1 from packets where id = $1', [manifest.packetId])).toEqual([]);
    });

    it('rejects something that is not a zip, and a body that is not sent as a file', async () => {
      const junk = await upload(Buffer.from('not a zip at all'));
      expect(junk.status).toBe(422);
      expect(junk.json().error.problems[0]).toMatchObject({ path: '(packet)' });
      const asJson = await hub.api('POST', '/api/v1/packets', { token: admin.token, json: {} });
      expect(asJson.status).toBe(415);
    });

    it('rejects a manifest that names the candidate (the schema allows a pseudonym only)', async () => {
      const files = await defaultFiles();
      const manifest = manifestFor(files, randomUUID()) as unknown as { candidate: Record<string, string> };
      manifest.candidate = { pseudonym: 'Candidate T-0009', name: 'Jane Example' };
      const file = await writePacket(hub.dir, 'named.anchor', { files, manifest });
      const answer = await upload(await readFile(file));
      expect(answer.status).toBe(422);
      expect(answer.json().error.problems).toEqual([
        { path: 'manifest.candidate', message: 'has unexpected field(s) "name"' },
      ]);
    });
  });

  describe('packet reads', () => {
    it('an assessor gets the assigned packet without school or district; an admin gets both', async () => {
      const mine = await hub.api('GET', `/api/v1/packets/${packetId}`, { token: assessor.token });
      expect(mine.status).toBe(200);
      expect(Object.keys(mine.json()).sort()).toEqual(['manifest', 'packetId', 'uploadedAt']);
      const text = mine.body.toString();
      expect(text).not.toContain('Riverside');
      expect(text).not.toContain('North Valley');
      expect(mine.json().manifest.candidate).toEqual({ pseudonym: 'Candidate T-0001' });
      const queue = await hub.api('GET', '/api/v1/assignments', { token: assessor.token });
      expect(queue.body.toString()).not.toContain('Riverside');

      const chairView = await hub.api('GET', `/api/v1/packets/${packetId}`, { token: chair.token });
      expect(chairView.status).toBe(200);
      expect(chairView.body.toString()).not.toContain('Riverside');
      const adminView = await hub.api('GET', `/api/v1/packets/${packetId}`, { token: admin.token });
      expect(adminView.json()).toMatchObject({ school: 'Riverside Elementary', district: 'North Valley USD' });
    });

    it('another assessor, an unknown id and a malformed id all get the same 404', async () => {
      const notMine = await hub.api('GET', `/api/v1/packets/${packetId}`, { token: other.token });
      const unknown = await hub.api('GET', `/api/v1/packets/${randomUUID()}`, { token: other.token });
      const malformed = await hub.api('GET', '/api/v1/packets/..%2F..%2Fetc', { token: other.token });
      expect([notMine.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
      expect(notMine.json()).toEqual(unknown.json());
    });
  });

  describe('evidence', () => {
    const evidencePath = () => `/api/v1/packets/${packetId}/evidence/item-1`;

    it('serves the whole file with its sha256 as ETag and Repr-Digest', async () => {
      const answer = await hub.api('GET', evidencePath(), { token: assessor.token });
      expect(answer.status).toBe(200);
      expect(answer.body.equals(pdf)).toBe(true);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('accept-ranges')).toBe('bytes');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
      expect(answer.headers.get('repr-digest')).toMatch(/^sha-256=:[A-Za-z0-9+/]+=*:$/);
    });

    it('answers Range with 206 and the exact bytes, a suffix range, and 416 past the end', async () => {
      const part = await hub.api('GET', evidencePath(), { token: assessor.token, headers: { Range: 'bytes=10-19' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 10-19/${pdf.length}`);
      expect(part.body.equals(pdf.subarray(10, 20))).toBe(true);

      const tail = await hub.api('GET', evidencePath(), { token: assessor.token, headers: { Range: 'bytes=-5' } });
      expect(tail.status).toBe(206);
      expect(tail.body.equals(pdf.subarray(pdf.length - 5))).toBe(true);

      const past = await hub.api('GET', evidencePath(), {
        token: assessor.token,
        headers: { Range: `bytes=${pdf.length}-` },
      });
      expect(past.status).toBe(416);
      expect(past.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
    });

    it('resumes only against the same file: a stale If-Range gets the whole file', async () => {
      const etag = (await hub.api('HEAD', evidencePath(), { token: assessor.token })).headers.get('etag')!;
      const same = await hub.api('GET', evidencePath(), {
        token: assessor.token,
        headers: { Range: 'bytes=0-3', 'If-Range': etag },
      });
      expect(same.status).toBe(206);
      const stale = await hub.api('GET', evidencePath(), {
        token: assessor.token,
        headers: { Range: 'bytes=0-3', 'If-Range': `"${'0'.repeat(64)}"` },
      });
      expect(stale.status).toBe(200);
      expect(stale.body.length).toBe(pdf.length);
    });

    it('is 404 for other assessors and for ids the packet does not have', async () => {
      expect((await hub.api('GET', evidencePath(), { token: other.token })).status).toBe(404);
      expect(
        (await hub.api('GET', `/api/v1/packets/${packetId}/evidence/item-9`, { token: assessor.token })).status,
      ).toBe(404);
      expect((await hub.api('GET', `/api/v1/packets/${packetId}/evidence/..`, { token: assessor.token })).status).toBe(
        404,
      );
    });

    it('writes every read to the audit log, and nothing for HEAD', async () => {
      const audit = () =>
        hub.running.hub.db.query<{ actor: string; detail: { evidenceId: string; range: string } }>(
          `select actor, detail from audit_log where action = 'evidence.read' and subject = $1 order by id`,
          [`packet:${packetId}`],
        );
      const before = (await audit()).length;
      await hub.api('GET', evidencePath(), { token: assessor.token, headers: { Range: 'bytes=0-0' } });
      await hub.api('HEAD', evidencePath(), { token: assessor.token });
      const rows = await audit();
      expect(rows.length).toBe(before + 1);
      expect(rows.at(-1)).toEqual({ actor: assessor.id, detail: { evidenceId: 'item-1', range: '0-0' } });
    });

    it('records the upload in the audit log with the uploader', async () => {
      const rows = await hub.running.hub.db.query<{ actor: string }>(
        `select actor from audit_log where action = 'packet.upload' and subject = $1`,
        [`packet:${packetId}`],
      );
      expect(rows).toEqual([{ actor: admin.id }]);
    });

    it('stores each distinct evidence file once, under its sha256', async () => {
      const rows = await hub.running.hub.db.query<{ n: number; distinct_blobs: number }>(
        'select count(*)::int as n, count(distinct sha256)::int as distinct_blobs from evidence',
      );
      // Every uploaded test packet carries the same three files.
      expect(rows[0]!.distinct_blobs).toBe(3);
      expect(rows[0]!.n).toBeGreaterThan(3);
      const [first] = await hub.running.hub.db.query<{ sha256: string; bytes: number }>(
        'select sha256, bytes from evidence limit 1',
      );
      expect(await hub.running.hub.blobs.stat(first!.sha256)).toEqual({
        sha256: first!.sha256,
        bytes: Number(first!.bytes),
      });
    });
  });
});
