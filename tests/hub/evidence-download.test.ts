import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../src/main/hub/hub-client';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { sha256, tempDir } from '../support/packets';
import {
  addUser,
  assign,
  openWindow,
  PASSWORD,
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

beforeAll(async () => {
  hub = await startTestHub();
  admin = await addUser(hub, 'admin1', ['admin']);
  assessor = await addUser(hub, 'assessor1', ['assessor']);
  dir = await tempDir('anchor-evidence-download-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

describe('evidence download (HubClient: resumable, sha256 while writing)', () => {
  it('refreshes an expired access token and downloads, reporting progress to the last byte', async () => {
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, await openWindow(hub, admin), packetId, assessor);
    const tokens = new MemoryTokenStore();
    const client = new HubClient(tokens);
    await client.signIn(hub.running.url, 'assessor1', PASSWORD);
    const item = (await client.packet(packetId)).manifest.evidence[0]!;
    const before = (await tokens.load())!.accessToken;
    hub.advance(16 * 60 * 1000);

    const target = join(dir, 'refreshed.bin');
    const progress: number[] = [];
    await client.downloadEvidence(packetId, item.id, target, item, (bytes) => progress.push(bytes));
    expect((await tokens.load())!.accessToken).not.toBe(before);
    expect(sha256(await readFile(target))).toBe(item.sha256);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(item.bytes);
    await expect(
      client.downloadEvidence(packetId, 'no-such-item', join(dir, 'missing.bin'), item),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('says the computer, not the hub, is at fault when the file cannot be written (no retry)', async () => {
    const data = Buffer.alloc(4096, 1);
    const standIn = await startStandInHub((_req, res) =>
      res.writeHead(200, { 'Content-Length': String(data.length) }).end(data),
    );
    const client = new HubClient(standIn.tokens);
    const expected = { bytes: data.length, sha256: sha256(data) };
    await expect(
      client
        .downloadEvidence('p1', 'e1', join(dir, 'no-such-folder', 'x.bin'), expected)
        .finally(() => standIn.close()),
    ).rejects.toMatchObject({
      code: 'rejected',
      message: expect.stringMatching(/^The evidence could not be saved on this computer \(ENOENT: .*download again\.$/),
    });
  });

  it('says "unreachable" when the stream stops, keeps the part it got, and resumes from there', async () => {
    // A file large enough to arrive in many chunks and batched writes.
    const data = Buffer.alloc(3 * 1024 * 1024 + 123);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
    const cut = 2 * 1024 * 1024 + 17;
    await expectResumedDownload({
      data,
      kept: cut,
      // The connection drops after `cut` bytes of the promised whole.
      interrupt: (res) => res.write(data.subarray(0, cut), () => res.destroy()),
    });
  });

  it('drops a download on which nothing arrives, keeping what came, so it resumes later', async () => {
    const data = Buffer.alloc(256 * 1024, 7);
    const half = data.length / 2;
    await expectResumedDownload({
      data,
      kept: half,
      // Half the file, then silence: the connection stays open and nothing more comes.
      interrupt: (res) => res.write(data.subarray(0, half)),
      stallMs: 300,
    });
  });
});

/**
 * Downloads `data` from a stand-in hub whose first answer (200, the whole length promised) is
 * left to `interrupt`, and expects: "unreachable" within seconds, exactly `kept` bytes kept in
 * the partial file, and a second attempt that asks for the rest with Range and ends with the file.
 */
async function expectResumedDownload(options: {
  data: Buffer;
  kept: number;
  interrupt: (res: ServerResponse) => void;
  stallMs?: number;
}): Promise<void> {
  const { data, kept } = options;
  const ranges: (string | undefined)[] = [];
  const standIn = await startStandInHub((req, res) => {
    ranges.push(req.headers.range);
    if (!req.headers.range) {
      res.writeHead(200, { 'Content-Length': String(data.length) });
      options.interrupt(res);
      return;
    }
    const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range)![1]);
    res.writeHead(206, {
      'Content-Length': String(data.length - start),
      'Content-Range': `bytes ${start}-${data.length - 1}/${data.length}`,
    });
    res.end(data.subarray(start));
  });
  try {
    const client = new HubClient(standIn.tokens, { evidenceStallMs: options.stallMs });
    const target = join(dir, `${randomUUID()}.bin`);
    const expected = { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };

    const started = performance.now();
    await expect(client.downloadEvidence('p1', 'e1', target, expected)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/^The download stopped: .*It will resume\.$/),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await stat(`${target}.partial`)).size).toBe(kept);

    await client.downloadEvidence('p1', 'e1', target, expected);
    expect(ranges).toEqual([undefined, `bytes=${kept}-`]);
    // Compared as bytes: toEqual walks a 3 MB buffer element by element (seconds).
    expect((await readFile(target)).equals(data)).toBe(true);
    await expect(stat(`${target}.partial`)).rejects.toThrow();
  } finally {
    await standIn.close();
  }
}
