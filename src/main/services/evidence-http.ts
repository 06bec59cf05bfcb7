import type { Readable } from 'node:stream';
import { parseEvidencePath } from '../../shared/http/evidence-path';
import { planRange } from '../../shared/http/range';
import { ALLOWED_MEDIA_TYPES } from '../../node/packet/sniff';
import type { EvidenceCache } from './evidence-cache';

export interface EvidenceResponse {
  status: 200 | 206 | 400 | 404 | 405 | 416;
  headers: Record<string, string>;
  body?: Readable;
}

const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Accept-Ranges': 'bytes',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

/**
 * Answers a request for an evidence file, for both the evidence:// protocol and browser mode:
 * path parsing and containment, the MIME allow-list, and Range (206/416) for video seeking
 * and lazy PDF loading. Security-critical, do not change without review.
 */
export async function answerEvidenceRequest(
  cache: EvidenceCache,
  method: string,
  pathname: string,
  rangeHeader: string | null | undefined,
): Promise<EvidenceResponse> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { ...BASE_HEADERS, Allow: 'GET, HEAD' } };
  const address = parseEvidencePath(pathname);
  if (!address.ok) return { status: 400, headers: BASE_HEADERS };
  const located = await cache.locate(address.packetId, address.path);
  if (!located || !ALLOWED_MEDIA_TYPES[located.item.mediaType]) return { status: 404, headers: BASE_HEADERS };

  const contentType = located.item.mediaType.startsWith('text/')
    ? `${located.item.mediaType}; charset=utf-8`
    : located.item.mediaType;
  const headers = { ...BASE_HEADERS, 'Content-Type': contentType };
  const plan = planRange(rangeHeader, located.size);
  if (plan.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${located.size}` } };
  }
  if (plan.kind === 'full') {
    const body = method === 'HEAD' || located.size === 0 ? undefined : cache.read(located);
    return { status: 200, headers: { ...headers, 'Content-Length': String(located.size) }, body };
  }
  const length = plan.end - plan.start + 1;
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(length),
      'Content-Range': `bytes ${plan.start}-${plan.end}/${located.size}`,
    },
    body: method === 'HEAD' ? undefined : cache.read(located, plan.start, plan.end),
  };
}
