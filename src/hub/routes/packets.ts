import { rm } from 'node:fs/promises';
import { AdminPacketView } from '../../shared/contract/hub-api';
import { DEFAULT_PACKET_LIMITS } from '../../node/packet/limits';
import { hasRole } from '../auth/principal';
import { saveBody } from '../http/body';
import { ApiError } from '../http/errors';
import { implementRoute } from '../http/route';
import { ingestPacket } from '../services/ingest-packet';
import { packetList } from '../services/packet-list';
import { readerView } from '../store/packets';
import { readablePacket } from './access';

const UPLOAD_TYPES = new Set(['application/octet-stream', 'application/zip']);
/** Zip headers and the manifest come on top of the evidence bytes the packet limits count. */
const ZIP_OVERHEAD_BYTES = 64 * 1024 * 1024;

export const postPacket = implementRoute('uploadPacket', async ({ hub, principal, req, query }) => {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!UPLOAD_TYPES.has(type)) {
    throw new ApiError(415, 'unsupported-media-type', 'Send the .anchor file as application/octet-stream.');
  }
  const meta = { school: label(query.get('school'), 'school'), district: label(query.get('district'), 'district') };
  const limit = (hub.packetLimits.maxTotalBytes ?? DEFAULT_PACKET_LIMITS.maxTotalBytes) + ZIP_OVERHEAD_BYTES;
  const file = await saveBody(req, hub.uploadDir, limit, hub.bodyIdleMs);
  try {
    const outcome = await ingestPacket(hub, file, { uploadedBy: principal.userId, ...meta });
    if (!outcome.ok) {
      throw new ApiError(422, 'invalid-packet', `The packet is not valid: ${outcome.problems.length} problem(s).`, {
        problems: outcome.problems,
      });
    }
    return {
      status: outcome.alreadyUploaded ? 200 : 201,
      body: { packet: outcome.packet, alreadyUploaded: outcome.alreadyUploaded },
    };
  } finally {
    await rm(file, { force: true });
  }
});

export const getPacket = implementRoute('getPacket', async ({ hub, principal, params }) => {
  const packet = await readablePacket(hub, principal, params.packetId);
  const body = hasRole(principal, 'admin') ? AdminPacketView.parse(packet.view) : readerView(packet.view);
  return { status: 200, body };
});

/** Optional free-text label from the query string; empty means absent. */
function label(value: string | null, name: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > 200) throw new ApiError(400, 'invalid-query', `${name} must be at most 200 characters.`);
  return trimmed === '' ? null : trimmed;
}

export const getPackets = implementRoute('listPackets', async ({ hub, principal, query }) => {
  return { status: 200, body: await packetList(hub, principal, query) };
});
