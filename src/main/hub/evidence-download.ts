import type { Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Received bytes are written to disk in batches of about this size. */
const WRITE_BATCH = 1024 * 1024;

/** A download that receives nothing for this long is dropped, to be resumed by the next attempt. */
export const STALL_MS = 30_000;

/**
 * A GET with node:http(s) that resolves once the response headers are in; the caller reads (or
 * discards) the body. Evidence downloads use this rather than fetch: on a fast link a download
 * is CPU-bound, and undici's web streams cost noticeably more CPU per byte than Node's own
 * streams (bench/hub-download.bench.ts). Rejects only when no answer arrives.
 *
 * A connection on which nothing arrives for `stallMs` (a hub that hangs, a network that silently
 * went away) is destroyed, before or during the body: otherwise the pull queue would wait on it
 * forever instead of resuming later.
 */
export function getStream(url: string, headers: Record<string, string>, stallMs = STALL_MS): Promise<IncomingMessage> {
  const request = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, resolve);
    req.setTimeout(stallMs, () => req.destroy(new Error(`nothing arrived for ${stallMs / 1000} s`)));
    req.on('error', reject).end();
  });
}

/**
 * Writes `body` to `file` (appending when resuming, replacing otherwise) and feeds every chunk to
 * `hash` as it arrives, so the file is never read back to verify it.
 * Chunks are gathered into ~1 MB writes with one write in flight while the next batch arrives:
 * the socket's 64 KB chunks one write each would be thousands of trips to the file system thread.
 * Rejects when the body stops early (the connection dropped) or the disk refuses.
 */
export async function saveHashed(
  body: AsyncIterable<Buffer>,
  file: string,
  options: { append: boolean; hash: Hash; onChunk: (bytes: number) => void },
): Promise<void> {
  const handle = await open(file, options.append ? 'a' : 'w');
  let writing: Promise<void> = Promise.resolve();
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let stopped: unknown;
  try {
    try {
      for await (const chunk of body) {
        options.hash.update(chunk);
        options.onChunk(chunk.length);
        batch.push(chunk);
        if ((batchBytes += chunk.length) >= WRITE_BATCH) {
          await writing;
          writing = writeAll(handle, batch);
          // A failed write is reported by the next await; until then it must not count as unhandled.
          writing.catch(() => undefined);
          batch = [];
          batchBytes = 0;
        }
      }
    } catch (error) {
      // The stream stopped: what did arrive is still written below, so the next attempt resumes after it.
      stopped = error;
    }
    await writing;
    await writeAll(handle, batch);
  } finally {
    await handle.close();
  }
  if (stopped) throw stopped;
}

/** writev until every byte is on disk (a short write resumes where it stopped). */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length) {
    let { bytesWritten } = await handle.writev(rest);
    const next: Buffer[] = [];
    for (const buffer of rest) {
      if (bytesWritten >= buffer.length) bytesWritten -= buffer.length;
      else {
        next.push(bytesWritten ? buffer.subarray(bytesWritten) : buffer);
        bytesWritten = 0;
      }
    }
    rest = next;
  }
}
