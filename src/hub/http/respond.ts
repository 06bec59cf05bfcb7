import type { ServerResponse } from 'node:http';
import type { Problem } from '../../shared/problems';

/**
 * Headers on every API answer. The API is JSON for programs, never a page: nothing may be cached
 * (it holds tokens and student evidence), sniffed, framed or run as a document.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'Referrer-Policy': 'no-referrer',
};

/** Sends a JSON answer; an undefined body sends none (204). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) {
    res.writeHead(status, { ...API_HEADERS, ...headers });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...API_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Sends `{ error: { code, message, problems? } }`, plus any extra top-level fields. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  options: { problems?: Problem[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
) {
  const error = options.problems ? { code, message, problems: options.problems } : { code, message };
  sendJson(res, status, { ...options.extra, error }, options.headers);
}
