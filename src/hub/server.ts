import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubContext } from './context';
import { sendError } from './http/respond';
import { Router } from './http/router';
import { isLoopbackHost } from './loopback';
import { openHub, type HubStorageOptions } from './open';
import { ROUTES } from './routes';

export interface HubOptions extends HubStorageOptions {
  /** Interface to listen on; loopback unless the operator asks for more. */
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Runs after storage is ready and before the port opens (the demo seed), so no client sees a half-filled hub. */
  beforeListen?: (hub: HubContext) => Promise<void>;
}

/** How long close() lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 5_000;

export interface RunningHub {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  host: string;
  port: number;
  hub: HubContext;
  close(): Promise<void>;
}

/**
 * Starts the hub: storage opened and migrated, then REST under /api/v1 on host:port.
 * Bound to 127.0.0.1 by default. While bound to loopback, requests must name a loopback Host:
 * otherwise a web page could reach the hub through DNS rebinding, and with the well-known demo
 * passwords that would be enough to read evidence.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const host = options.host ?? '127.0.0.1';
  const opened = await openHub(options);
  const { hub } = opened;
  const router = new Router(ROUTES, hub);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      hub.log('hub: request failed', { method: req.method, url: req.url, error: String(error) });
      if (!res.headersSent) sendError(res, 500, 'internal', 'The hub failed to answer; the error is in its log.');
      else res.destroy();
    });
  });
  // Uploads of large packets over slow links may take longer than Node's 5-minute default;
  // the headers must still arrive promptly.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  try {
    await options.beforeListen?.(hub);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, resolve);
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const loopback = isLoopbackHost(host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${urlHost}:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (loopback && !allowedHosts.has(hostHeader)) {
      return sendError(res, 421, 'wrong-host', 'This hub only answers requests addressed to this machine.');
    }
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    if (!(await router.dispatch(req, res, url))) sendError(res, 404, 'not-found', `No route ${url.pathname}.`);
  }

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    hub,
    close: async () => {
      // Stop accepting, end the event streams (they never end on their own) and idle keep-alive
      // connections, and let requests in flight finish: a score batch commits in milliseconds,
      // and closing the database under it would turn acknowledged work into errors. Whatever
      // still runs after the grace period is cut; clients retry, and uploads are idempotent.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      hub.events.closing();
      // A connection whose last request just finished is idle and kept alive: close those as
      // they appear rather than wait out the keep-alive timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 20);
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearInterval(sweep);
      clearTimeout(cut);
      await opened.close();
    },
  };
}
