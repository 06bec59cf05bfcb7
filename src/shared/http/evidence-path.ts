import { Uuid } from '../domain/common';
import { packetPathProblem } from '../packet/manifest';

export type EvidenceAddress = { ok: true; packetId: string; path: string } | { ok: false; reason: string };

/**
 * Parses "<packetId>/<segment>/<segment>" from an evidence URL's path. Each segment is decoded
 * once, and a decoded segment may not smuggle in a separator, "..", "." or a control character:
 * "%2e%2e", "%2F" and "%5C" tricks are refused here, before the disk is touched.
 */
export function parseEvidencePath(pathname: string): EvidenceAddress {
  const segments = pathname.replace(/^\/+/, '').split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding' };
    }
    if (value.includes('/') || value.includes('\\')) return { ok: false, reason: 'encoded separator in path' };
    decoded.push(value);
  }
  const [packetId, ...rest] = decoded;
  if (!packetId || !Uuid.safeParse(packetId).success) return { ok: false, reason: 'not a packet id' };
  const path = rest.join('/');
  const problem = packetPathProblem(path);
  if (problem || path === '') return { ok: false, reason: `evidence path ${problem ?? 'is empty'}` };
  return { ok: true, packetId, path };
}
