import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UPLOAD_CHANNELS } from '../shared/contract/bridge';
import { APP_SECURITY_HEADERS } from '../shared/http/security-headers';
import { openBackend, type Backend } from '../main/backend';
import { MemoryTokenStore } from '../main/hub/token-store';
import type { BridgeLog } from '../main/bridge/dispatch';
import type { LocalHubFactory } from '../main/hub/local-hub';
import type { PacketLimits } from '../node/packet/limits';
import { DEFAULT_PACKET_LIMITS } from '../node/packet/limits';
import { lockDataFolder } from '../node/files/data-lock';
import { ensurePrivateFolder } from '../node/files/private-folder';
import { answerEvidenceRequest } from '../main/services/evidence-http';
import { serveStatic } from './static-files';

export interface HostOptions {
  dataDir: string;
  /** The built renderer (out/web). */
  webRoot: string;
  port?: number;
  token?: string;
  version?: string;
  log?: BridgeLog;
  limits?: Partial<PacketLimits>;
  /** Offer to start a local demo hub when no hub is configured (`npm run web -- --demo`). */
  demoHub?: LocalHubFactory;
}

export interface RunningHost {
  /** The URL to open: its fragment carries this run's secrets to the page (never to a server). */
  launchUrl: string;
  origin: string;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

/** Request header carrying the per-run bridge token (a header, never a cookie: cookies reach every port). */
export const TOKEN_HEADER = 'x-anchor-token';
const MAX_JSON_BYTES = 1024 * 1024;
/** How often an idle event stream carries a comment line (well under any idle timeout on the way). */
const EVENT_HEARTBEAT_MS = 20_000;
const STATUS_BY_CODE = {
  'bad-request': 400,
  forbidden: 403,
  'not-found': 404,
  unavailable: 503,
  internal: 500,
} as const;

/**
 * Browser mode: one Node process serving the built renderer and carrying the bridge contract
 * over HTTP to the same services the Electron main process uses. Bound to 127.0.0.1 only, with
 * a Host check (DNS rebinding). Two per-run secrets travel in the launch link's fragment (never
 * sent to a server, kept by the page in sessionStorage, which is per origin including the port):
 * the bridge token, required as a header on every call and upload, and the evidence key,
 * required as a query parameter on evidence URLs (media elements cannot send headers). No
 * cookies: browsers send cookies to every port of 127.0.0.1, i.e. to any other local server.
 * Security-critical, do not change without review.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const evidenceKey = randomBytes(24).toString('base64url');
  const log = options.log ?? ((message, details) => console.error(message, details ?? ''));
  // Refused when others could change it; tightened when an earlier version left it readable.
  await ensurePrivateFolder(options.dataDir);
  const release = await lockDataFolder(options.dataDir);
  const backend = await openBackend({
    dataDir: options.dataDir,
    version: options.version ?? '0.0.0',
    transport: 'http',
    log,
    limits: options.limits,
    // Browser mode keeps hub tokens in this process only: never in the page or on disk.
    tokens: new MemoryTokenStore(),
    demoHub: options.demoHub,
  });
  const uploadDir = join(options.dataDir, 'uploads');
  await rm(uploadDir, { recursive: true, force: true });
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  const maxUploadBytes = options.limits?.maxTotalBytes ?? DEFAULT_PACKET_LIMITS.maxTotalBytes;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('host: request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal error');
    });
  });
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (error) {
    // Nothing was served: give the data folder back so the next attempt (another --port) can start.
    await backend.close();
    await release();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return text(res, 421, 'Unknown host');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return text(res, 400, 'Malformed request target');
    }

    const isEvents = url.pathname === '/events';
    if (url.pathname.startsWith('/bridge/') || url.pathname.startsWith('/upload/') || isEvents) {
      const requestOrigin = req.headers.origin;
      if (req.method !== (isEvents ? 'GET' : 'POST')) {
        const allowed = isEvents ? 'GET' : 'POST';
        return json(res, 405, { ok: false, error: { message: `Use ${allowed}.`, code: 'bad-request' } });
      }
      if (requestOrigin !== undefined && !allowedHosts.has(requestOrigin.replace(/^http:\/\//, ''))) {
        log('host: rejected cross-origin call', { origin: requestOrigin });
        return json(res, 403, { ok: false, error: { message: 'Cross-origin calls are refused.', code: 'forbidden' } });
      }
      if (!sameSecret(String(req.headers[TOKEN_HEADER] ?? ''), token)) {
        return json(res, 401, {
          ok: false,
          error: {
            message: 'Open Anchor with the link printed by "npm run web"; it carries this run\'s access token.',
            code: 'forbidden',
          },
        });
      }
      if (isEvents) return eventStream(req, res);
      const isBridge = url.pathname.startsWith('/bridge/');
      const name = safeDecode(url.pathname.slice(isBridge ? '/bridge/'.length : '/upload/'.length));
      if (name === undefined)
        return json(res, 400, { ok: false, error: { message: 'Malformed channel name.', code: 'bad-request' } });
      return isBridge ? bridgeCall(req, res, name) : upload(req, res, name, url.searchParams);
    }
    if (url.pathname.startsWith('/evidence/')) {
      const site = req.headers['sec-fetch-site'];
      if (
        !sameSecret(url.searchParams.get('k') ?? '', evidenceKey) ||
        (site !== undefined && site !== 'same-origin' && site !== 'none')
      ) {
        return text(res, 403, 'Evidence is only served to this run of Anchor.');
      }
      const answer = await answerEvidenceRequest(
        await backend.evidence(),
        req.method ?? 'GET',
        url.pathname.slice('/evidence/'.length),
        req.headers.range,
      );
      res.writeHead(answer.status, { ...answer.headers, 'Cross-Origin-Resource-Policy': 'same-origin' });
      if (!answer.body) return void res.end();
      await pipeline(answer.body, res).catch(() => undefined); // the player may cancel mid-range
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Method not allowed');
    return serveStatic(options.webRoot, url.pathname, res);
  }

  async function bridgeCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return json(res, 415, { ok: false, error: { message: 'Bridge calls must be JSON.', code: 'bad-request' } });
    }
    let payload: unknown;
    try {
      payload = JSON.parse((await readBody(req, MAX_JSON_BYTES)).toString('utf8'));
    } catch (error) {
      log('host: rejected unreadable payload', { channel, error: String(error) });
      return json(res, 400, {
        ok: false,
        error: { message: 'The request body is not valid JSON.', code: 'bad-request' },
      });
    }
    // Upload channels take a server-side path: only the upload route may supply one.
    if (isUploadChannel(channel)) {
      return json(res, 400, { ok: false, error: { message: 'Send files through /upload.', code: 'bad-request' } });
    }
    return reply(res, await backend.dispatch(channel, payload));
  }

  /**
   * The push half of the bridge: server-sent events, behind the same token, Host and Origin
   * checks as every call (the page reads it with fetch, which can send the token header). A
   * comment line now and then keeps idle proxies and the page's reader from giving up.
   */
  function eventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...APP_SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': anchor events\n\n');
    const unsubscribe = backend.events.subscribe(({ event, payload }) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), EVENT_HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  async function upload(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
    query: URLSearchParams,
  ): Promise<void> {
    if (!isUploadChannel(channel) || req.headers['content-type'] !== 'application/octet-stream') {
      return json(res, 400, { ok: false, error: { message: 'Unsupported upload.', code: 'bad-request' } });
    }
    const fileName = safeFileName(req.headers['x-anchor-file-name']);
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxUploadBytes) {
      return json(res, 413, {
        ok: false,
        error: { message: 'The file is larger than Anchor accepts.', code: 'bad-request' },
      });
    }
    const temp = join(uploadDir, `${randomUUID()}.anchor`);
    try {
      let received = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          done(received > maxUploadBytes ? new UploadTooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(req, limit, createWriteStream(temp, { highWaterMark: 1024 * 1024 }));
      } catch (error) {
        if (!(error instanceof UploadTooLarge)) throw error;
        req.resume(); // discard the rest; the client still gets a clear answer
        return json(res, 413, {
          ok: false,
          error: { message: 'The file is larger than Anchor accepts.', code: 'bad-request' },
        });
      }
      // An admin's upload to the hub carries the packet's school and district (conflict checks);
      // the channel's schema refuses them anywhere else, so an import cannot be given extra fields.
      const labels =
        channel === 'admin.uploadPacket'
          ? { school: query.get('school') ?? undefined, district: query.get('district') ?? undefined }
          : {};
      return reply(res, await backend.dispatch(channel, { path: temp, fileName, ...labels }));
    } finally {
      await rm(temp, { force: true });
    }
  }

  return {
    launchUrl: `${origin}/#anchor-token=${token}&anchor-evidence=${evidenceKey}`,
    origin,
    token,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
        .then(() => backend.close())
        .then(release),
  };
}

function reply(res: ServerResponse, result: Awaited<ReturnType<Backend['dispatch']>>): void {
  if (result.ok) return json(res, 200, { ok: true, value: result.value });
  return json(res, STATUS_BY_CODE[result.error.code], {
    ok: false,
    error: { message: result.error.message, code: result.error.code },
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...APP_SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...APP_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

class UploadTooLarge extends Error {}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function safeFileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  try {
    return (
      decodeURIComponent(raw ?? 'packet.anchor')
        // eslint-disable-next-line no-control-regex -- strip control characters from a client-supplied name
        .replace(/[\\/\u0000-\u001f]/g, '_')
        .slice(0, 200)
    );
  } catch {
    return 'packet.anchor';
  }
}

/** Whether a channel takes a file the page sent (its path is the host's own temporary copy). */
function isUploadChannel(channel: string): channel is (typeof UPLOAD_CHANNELS)[number] {
  return (UPLOAD_CHANNELS as readonly string[]).includes(channel);
}
