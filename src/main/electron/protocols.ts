import { net, protocol } from 'electron';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { APP_SECURITY_HEADERS } from '../../shared/http/security-headers';
import { APP_ORIGIN } from '../bridge/sender-check';
import { resolveContained } from '../../node/files/containment';
import type { EvidenceCache } from '../services/evidence-cache';
import { answerEvidenceRequest } from '../services/evidence-http';

/** Must run before app "ready": declares app:// and evidence:// as secure, fetchable schemes. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    {
      scheme: 'evidence',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    },
  ]);
}

/** app://anchor/… serves the built renderer, contained to its folder; never file://. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'anchor') return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = await resolveContained(rendererDir, relative);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(APP_SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

/** evidence://packet/<packetId>/<path> serves cached evidence with Range to the app origin only. */
export function handleEvidenceProtocol(cache: () => Promise<EvidenceCache>): void {
  protocol.handle('evidence', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'packet') return new Response(null, { status: 404 });
    if (request.method === 'OPTIONS') {
      // pdf.js asks for byte ranges with fetch(); a Range header may trigger a CORS preflight.
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': APP_ORIGIN,
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'Range',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    const answer = await answerEvidenceRequest(
      await cache(),
      request.method,
      url.pathname,
      request.headers.get('range'),
    );
    const headers = new Headers(answer.headers);
    headers.set('Access-Control-Allow-Origin', APP_ORIGIN);
    headers.set('Access-Control-Expose-Headers', 'Content-Range, Content-Length, Accept-Ranges');
    const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: answer.status, headers });
  });
}
