import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { problemsFromZod } from '../../shared/problems';
import { ApiError } from './errors';

/** JSON request bodies are small: a score record with long feedback is a few tens of kilobytes. */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * Reads, parses and validates a JSON body; every failure is a 4xx with a readable message. A body
 * that sends nothing for `idleMs` is refused (408).
 */
export async function readJson<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  idleMs: number,
): Promise<z.output<S>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported-media-type', 'Send the request body as application/json.');
  }
  const raw = await readLimited(req, MAX_JSON_BYTES, idleMs);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid-json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error, 'body');
    throw new ApiError(400, 'invalid-body', `The request body is not valid: ${describe(problems)}`, { problems });
  }
  return parsed.data;
}

/**
 * Streams a request body to a new file in `dir`, refusing it once it passes `limit` bytes or
 * sends nothing for `idleMs`.
 */
export async function saveBody(req: IncomingMessage, dir: string, limit: number, idleMs: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const file = join(dir, `${randomUUID()}.upload`);
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      idle.refresh();
      received += chunk.length;
      done(received > limit ? tooLarge(limit) : null, chunk);
    },
  });
  const idle = setTimeout(() => meter.destroy(stalled(idleMs)), idleMs);
  try {
    await pipeline(req, meter, createWriteStream(file, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 }));
    return file;
  } catch (error) {
    await rm(file, { force: true });
    throw error instanceof ApiError ? error : new ApiError(400, 'upload-failed', 'The upload did not complete.');
  } finally {
    clearTimeout(idle);
  }
}

async function readLimited(req: IncomingMessage, limit: number, idleMs: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      clearTimeout(idle);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) {
        // The rest of the body is not wanted; the connection closes after the error answer.
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      idle.refresh();
      size += chunk.length;
      if (size > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    const idle = setTimeout(() => finish(stalled(idleMs)), idleMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function stalled(idleMs: number): ApiError {
  return new ApiError(
    408,
    'request-timeout',
    `The request body sent nothing for ${idleMs / 1000} s; send it again.`,
    // Unread bytes may still be on their way: the connection cannot carry another request.
    { headers: { Connection: 'close' } },
  );
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'too-large', `The request body is larger than the ${limit} bytes this route accepts.`, {
    headers: { Connection: 'close' },
  });
}

function describe(problems: { path: string; message: string }[]): string {
  const shown = problems.slice(0, 3).map((p) => `${p.path} ${p.message}`);
  return shown.join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
}
