import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from './hub-client';
import { uploadPacket } from './admin';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anchor-admin-upload-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A client that fails the test if anything is sent to the hub. */
const neverCalled = {
  ok: () => {
    throw new Error('the file was sent to the hub');
  },
} as unknown as HubClient;

describe('uploading a packet from the admin screen', () => {
  it('exfiltration: a file that is not an Anchor packet never leaves the computer', async () => {
    const secret = join(dir, 'id_rsa');
    await writeFile(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\nnot for the hub\n');
    const outcome = await uploadPacket(neverCalled, { path: secret, fileName: 'packet.anchor' });
    expect(outcome).toMatchObject({
      kind: 'refused',
      message: 'Not sent: the file is not a valid Anchor packet.',
      problems: [{ path: '(packet)', message: expect.stringMatching(/not an Anchor packet/) }],
    });
  });
});
