import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** sha256 of bytes in memory, as lowercase hex. */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of a file as lowercase hex, streamed in 1 MiB chunks. */
export async function sha256File(file: string): Promise<string> {
  return (await sha256Of(file)).digest('hex');
}

/** The sha256 state after a file's bytes, to be continued with more (a download resuming after them). */
export async function sha256Of(file: string): Promise<Hash> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash;
}

/** Whether a file on disk is exactly the one a manifest describes (size first: it is free). */
export async function fileMatches(file: string, expected: { bytes: number; sha256: string }): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return !!info?.isFile() && info.size === expected.bytes && (await sha256File(file)) === expected.sha256;
}
