import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryTokenStore, SealedFileTokenStore, type HubTokens, type Sealer } from './token-store';
import { tempDir } from '../../../tests/support/packets';

/** A real AES-256-GCM sealer standing in for the OS key store (safeStorage needs Electron). */
function aesSealer(key = randomBytes(32)): Sealer {
  return {
    backend: 'test-aes-gcm',
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const tokens: HubTokens = {
  hubUrl: 'https://hub.example.org',
  accessToken: 'access-secret-123',
  refreshToken: 'refresh-secret-456',
  user: { id: 'u1', username: 'assessor1', roles: ['assessor'] },
};

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('token stores (tokens stay out of the renderer)', () => {
  it('keeps browser-mode tokens in memory only', async () => {
    const store = new MemoryTokenStore();
    await store.save(tokens);
    expect(await store.load()).toEqual(tokens);
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });

  it('never writes a token in clear text to disk', async () => {
    const file = join(dir, 'hub-session.bin');
    const store = new SealedFileTokenStore(file, aesSealer());
    await store.save(tokens);
    const raw = await readFile(file);
    expect(raw.includes(Buffer.from('access-secret-123'))).toBe(false);
    expect(raw.includes(Buffer.from('refresh-secret-456'))).toBe(false);
    expect(await store.load()).toEqual(tokens);
    expect(store.protection).toContain('test-aes-gcm');
  });

  it('discards a sealed file it cannot open (another key) and asks for sign-in again', async () => {
    const file = join(dir, 'hub-session.bin');
    await new SealedFileTokenStore(file, aesSealer()).save(tokens);
    const other = new SealedFileTokenStore(file, aesSealer());
    expect(await other.load()).toBeUndefined();
    await expect(readFile(file)).rejects.toThrow();
  });

  it('discards a damaged file', async () => {
    const file = join(dir, 'hub-session.bin');
    await writeFile(file, 'garbage');
    expect(await new SealedFileTokenStore(file, aesSealer()).load()).toBeUndefined();
  });
});
