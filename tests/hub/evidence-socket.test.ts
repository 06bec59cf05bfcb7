import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { RequestListener, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvidence } from '../../src/main/hub/evidence-download';
import { tempDir } from '../support/packets';
import { startStandInHub } from './support/stand-in-hub';

/**
 * The evidence download's own HTTP/1.1 client (a socket reading into reused buffers) against real
 * servers answering the ways a hub or a proxy in front of one may: chunked, delimited by the
 * close, over TLS, garbled, and to a disk slower than the network.
 */
let dir: string;
beforeAll(async () => {
  dir = await tempDir('anchor-evidence-socket-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A self-signed certificate for localhost and 127.0.0.1, valid until 2126: for these tests only. */
const TLS_DIR = join(import.meta.dirname, '../fixtures/tls');

const DATA = randomBytes(3 * 1024 * 1024 + 99);
const SHA = createHash('sha256').update(DATA).digest('hex');

/** Saves the answer from `url` and returns what was hashed and written. */
async function save(url: string, options: Parameters<typeof getEvidence>[2] = {}) {
  const response = await getEvidence(url, {}, options);
  const hash = createHash('sha256');
  let bytes = 0;
  const file = join(dir, `${Math.random().toString(36).slice(2)}.bin`);
  await response.save(file, { append: false, hash, onChunk: (count) => (bytes += count) });
  return { status: response.status, sha256: hash.digest('hex'), bytes, written: await readFile(file) };
}

async function serve(server: Server | ReturnType<typeof createTcpServer>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(r)) };
}

async function withHttp<T>(handler: RequestListener, fn: (url: string) => Promise<T>): Promise<T> {
  const standIn = await startStandInHub(handler);
  try {
    return await fn(`${standIn.url}/evidence`);
  } finally {
    await standIn.close();
  }
}

/** A TCP server that writes `answer` to every connection once the request head is in, then closes. */
async function withRawAnswer<T>(answer: Buffer | string, fn: (url: string) => Promise<T>): Promise<T> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => socket.end(answer));
    socket.on('error', () => undefined);
  });
  const { port, close } = await serve(server);
  try {
    return await fn(`http://127.0.0.1:${port}/evidence`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await close();
  }
}

describe('evidence download socket', () => {
  it('sends one GET with the given headers, asking for the bytes as they are, and saves a plain answer', async () => {
    const seen: Record<string, string | undefined>[] = [];
    const result = await withHttp(
      (req, res) => {
        seen.push({ path: req.url, auth: req.headers.authorization, enc: req.headers['accept-encoding'] });
        res.writeHead(200, { 'Content-Length': String(DATA.length) }).end(DATA);
      },
      async (url) => {
        const response = await getEvidence(`${url}?x=1`, { Authorization: 'Bearer t' });
        expect(response.headers['content-length']).toBe(String(DATA.length));
        response.discard();
        return save(url);
      },
    );
    expect(seen[0]).toEqual({ path: '/evidence?x=1', auth: 'Bearer t', enc: 'identity' });
    expect(result).toMatchObject({ status: 200, sha256: SHA, bytes: DATA.length });
    expect(result.written.equals(DATA)).toBe(true);
  });

  it('decodes a chunked answer (a proxy may re-frame the body) to the exact bytes', async () => {
    const result = await withHttp((_req, res) => {
      // No Content-Length: node frames each write as a chunk, of odd sizes here.
      res.writeHead(200);
      for (let at = 0; at < DATA.length; at += 100_003) res.write(DATA.subarray(at, at + 100_003));
      res.end();
    }, save);
    expect(result).toMatchObject({ sha256: SHA, bytes: DATA.length });
    expect(result.written.equals(DATA)).toBe(true);
  });

  it('takes an answer delimited by the close (HTTP/1.0 style) whole', async () => {
    const answer = Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: video/webm\r\n\r\n'), DATA]);
    const result = await withRawAnswer(answer, save);
    expect(result).toMatchObject({ sha256: SHA, bytes: DATA.length });
  });

  it('reads an error answer as JSON, and says clearly when an answer is not HTTP at all', async () => {
    const error = await withHttp(
      (_req, res) => res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"message":"gone"}}'),
      async (url) => {
        const response = await getEvidence(url, {});
        return { status: response.status, body: await response.json() };
      },
    );
    expect(error).toEqual({ status: 404, body: { error: { message: 'gone' } } });
    await withRawAnswer('SSH-2.0-OpenSSH_9.2\r\n', (url) =>
      expect(getEvidence(url, {})).rejects.toThrow(/not HTTP\/1\.1 \(it begins "SSH-2\.0-OpenSSH_9\.2"\)/),
    );
    await withRawAnswer('HTTP/1.1 200 OK\r\nContent-Le', (url) =>
      expect(getEvidence(url, {})).rejects.toThrow('the hub closed the connection in the middle of its answer'),
    );
    await withRawAnswer('', (url) =>
      expect(getEvidence(url, {})).rejects.toThrow('the hub closed the connection without answering'),
    );
    await withRawAnswer('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n', (url) =>
      expect(save(url)).rejects.toThrow(/malformed chunk size/),
    );
    await expect(getEvidence('http://127.0.0.1:1/evidence', {})).rejects.toThrow(/ECONNREFUSED/);
    expect(() => getEvidence('http://127.0.0.1:1/', { Authorization: 'x\r\nX-Evil: 1' })).toThrow(
      'the request header "Authorization" holds a line break',
    );
  });

  it('gives up on a hub that accepts the connection and never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket));
    const { port, close } = await serve(silent);
    try {
      await expect(getEvidence(`http://127.0.0.1:${port}/`, {}, { stallMs: 200 })).rejects.toThrow(
        'nothing arrived for 0.2 s',
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await close();
    }
  });

  it('downloads over TLS from a hub whose certificate it trusts, and refuses one it does not', async () => {
    const [cert, key] = await Promise.all([readFile(join(TLS_DIR, 'hub.crt')), readFile(join(TLS_DIR, 'hub.key'))]);
    const server = createHttpsServer({ cert, key }, (_req, res) =>
      res.writeHead(200, { 'Content-Length': String(DATA.length) }).end(DATA),
    );
    const { port, close } = await serve(server);
    try {
      for (const host of ['localhost', '127.0.0.1']) {
        const result = await save(`https://${host}:${port}/evidence`, { tls: { ca: cert } });
        expect(result).toMatchObject({ sha256: SHA, bytes: DATA.length });
      }
      await expect(getEvidence(`https://localhost:${port}/evidence`, {})).rejects.toThrow(/self-signed certificate/);
    } finally {
      server.closeAllConnections();
      await close();
    }
  });

  it('stops reading while the disk is behind, so a slow disk holds memory to a few buffers', async () => {
    // A named pipe drained slowly plays the slow disk: every write waits for the reader.
    const fifo = join(dir, 'slow-disk');
    await promisify(execFile)('mkfifo', [fifo]);
    const big = randomBytes(32 * 1024 * 1024);
    let drainedWhenSent = -1;
    let drained = 0;
    const reader = (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of createReadStream(fifo, { highWaterMark: 256 * 1024 })) {
        chunks.push(chunk as Buffer);
        drained += (chunk as Buffer).length;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return Buffer.concat(chunks);
    })();
    await withHttp(
      (_req, res) => {
        res.writeHead(200, { 'Content-Length': String(big.length) });
        res.end(big, () => (drainedWhenSent = drained));
      },
      async (url) => {
        const response = await getEvidence(url, {});
        await response.save(fifo, { append: false, hash: createHash('sha256'), onChunk: () => undefined });
      },
    );
    expect((await reader).equals(big)).toBe(true);
    // Unpaused, the client would have swallowed all 32 MB at once. Paused, the hub can get ahead
    // of the disk only by the client's three buffers and the kernel's socket buffers (a few MB).
    expect(drainedWhenSent).toBeGreaterThan(16 * 1024 * 1024);
  });
});
