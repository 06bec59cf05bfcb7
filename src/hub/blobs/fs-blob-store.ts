import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
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
    await mkdir(this.tmp, { recursive: true, mode: 0o700 });
    return this;
  }

  async putFile(file: string, expectedSha256: string): Promise<BlobInfo> {
    const staged = join(this.tmp, randomUUID());
    try {
      await moveFile(file, staged);
      const { sha256, bytes } = await digestFile(staged);
      if (sha256 !== expectedSha256) throw new BlobDigestMismatch(expectedSha256, sha256);
      const target = this.pathOf(sha256);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      // The packet's row commits durably after this; its evidence must be on disk before it.
      await syncPath(staged);
      // Renaming over an existing blob is harmless: same name, same bytes.
      await rename(staged, target);
      await syncPath(dirname(target));
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

  /**
   * Reads into a few buffers it reuses, each only once the socket has taken the bytes it held
   * (the write callback). A fresh buffer per read, as a read stream does, made the hub run a full
   * garbage collection every ~50 ms while it served a video, which every other request felt.
   */
  async send(sha256: string, start: number, end: number, destination: Writable): Promise<void> {
    const handle = await open(this.pathOf(sha256), 'r');
    try {
      const slots: { buffer?: Buffer; flushed: Promise<void> }[] = Array.from({ length: SEND_BUFFERS }, () => ({
        flushed: Promise.resolve(),
      }));
      let position = start;
      for (let i = 0; position <= end; i++) {
        const slot = slots[i % SEND_BUFFERS]!;
        await slot.flushed;
        slot.buffer ??= Buffer.allocUnsafeSlow(Math.min(SEND_CHUNK, end - start + 1));
        const { bytesRead } = await handle.read(
          slot.buffer,
          0,
          Math.min(slot.buffer.length, end - position + 1),
          position,
        );
        if (bytesRead === 0) throw new Error(`blob ${sha256} is shorter than asked`);
        position += bytesRead;
        slot.flushed = flushed(destination, slot.buffer.subarray(0, bytesRead));
      }
      await Promise.all(slots.map((slot) => slot.flushed));
    } finally {
      await handle.close();
    }
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

/** fsync(2) of a file, or of a folder (which makes the names in it durable). */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
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

/** How much one read takes, and how many reads may be on their way to the socket at once. */
const SEND_CHUNK = 1024 * 1024;
const SEND_BUFFERS = 3;

/** Resolves once `destination` has taken `chunk` (so its buffer may be reused); rejects if it fails first. */
function flushed(destination: Writable, chunk: Buffer): Promise<void> {
  const written = new Promise<void>((resolve, reject) => {
    destination.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
  // Awaited later (before the buffer is reused, or at the end); a failure meanwhile is not unhandled.
  written.catch(() => undefined);
  return written;
}
