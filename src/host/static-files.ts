import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { APP_SECURITY_HEADERS } from '../shared/http/security-headers';
import { resolveContained } from '../node/files/containment';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** Serves the built renderer from webRoot, contained, with the app's security headers. */
export async function serveStatic(webRoot: string, pathname: string, res: ServerResponse): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    decoded = '';
  }
  const file = decoded ? await resolveContained(webRoot, decoded) : undefined;
  const type = file ? CONTENT_TYPES[extname(file)] : undefined;
  if (!file || !type || !(await stat(file)).isFile()) {
    res.writeHead(404, { ...APP_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, { ...APP_SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' });
  // A file that vanishes or cannot be read mid-rebuild ends this response, never the process.
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}
