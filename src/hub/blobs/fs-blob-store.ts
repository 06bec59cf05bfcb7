import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { Sha256Hex } from '../../shared/domain/common';
import { BlobDigestMismatch, type BlobInfo, type BlobStore } from './blob-store';

/**
 * Blobs on the local disk at `<root>/sha256/ab/cd/<digest>`: two levels of fan-out keep
 * directories small. A blob appears under its final name only by an atomic rename after its
 * digest has been checked, so a reader never sees a partial or wrong file.
 */
export class FsBlobStore implements BlobStore {
  private readonly tmp: string;

  constructor(private readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  /** Creates the folders and clears what an interrupted put left behind. */
  async open(): Promise<this> {
    await rm(this.tmp, { recursive: true, force: true });
    await mkdir(this.tmp, { recursive: true });
    return this;
  }

  async putFile(file: string, expectedSha256: string): Promise<BlobInfo> {
    const staged = join(this.tmp, randomUUID());
    try {
      await moveFile(file, staged);
      const { sha256, bytes } = await digestFile(staged);
      if (sha256 !== expectedSha256) throw new BlobDigestMismatch(expectedSha256, sha256);
      const target = this.pathOf(sha256);
      await mkdir(dirname(target), { recursive: true });
      // Renaming over an existing blob is harmless: same name, same bytes.
      await rename(staged, target);
      return { sha256, bytes };
    } finally {
      await rm(staged, { force: true });
      await rm(file, { force: true });
    }
  }

  async stat(sha256: string): Promise<BlobInfo | undefined> {
    if (!Sha256Hex.safeParse(sha256).success) return undefined;
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile() ? { sha256, bytes: info.size } : undefined;
    } catch {
      return undefined;
    }
  }

  read(sha256: string, start?: number, end?: number): Readable {
    return createReadStream(this.pathOf(sha256), { start, end, highWaterMark: 256 * 1024 });
  }

  /** The digest is validated before it becomes a path: it can never climb out of the store. */
  private pathOf(sha256: string): string {
    const digest = Sha256Hex.parse(sha256);
    return join(this.root, 'sha256', digest.slice(0, 2), digest.slice(2, 4), digest);
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // Across filesystems rename fails with EXDEV: copy instead (the caller removes the source).
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
  }
}

async function digestFile(file: string): Promise<BlobInfo> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
