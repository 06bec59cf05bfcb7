import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { AdminPacketView, ErrorBody, PacketView, UploadPacketResponse } from '../../shared/contract/hub-api';
import { DEFAULT_PACKET_LIMITS } from '../../node/packet/limits';
import { hasRole } from '../auth/principal';
import { saveBody } from '../http/body';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/route';
import { ingestPacket } from '../services/ingest-packet';
import { readerView } from '../store/packets';
import { readablePacket } from './access';
import { PARAMS } from './params';

const TAG = 'Packets';
const UPLOAD_TYPES = new Set(['application/octet-stream', 'application/zip']);
/** Zip headers and the manifest come on top of the evidence bytes the packet limits count. */
const ZIP_OVERHEAD_BYTES = 64 * 1024 * 1024;

export const postPacket = defineRoute({
  method: 'POST',
  path: '/api/v1/packets',
  operationId: 'uploadPacket',
  summary: 'Upload an .anchor evidence packet (admin)',
  description:
    'The body is the .anchor file itself. It is validated exactly as the desktop import validates it; ' +
    "a packet with problems is refused with 422 and the validator's list. school and district are kept " +
    'for conflict-of-interest checks only and are never sent to assessors.',
  tag: TAG,
  access: ['admin'],
  rawBody: { mediaType: 'application/octet-stream', description: 'The .anchor (zip) file' },
  queryDocs: {
    school: { description: "The candidate's school, for conflict-of-interest checks" },
    district: { description: "The candidate's district, for conflict-of-interest checks" },
  },
  responses: {
    201: { description: 'Uploaded', schema: UploadPacketResponse },
    200: { description: 'This exact packet was already on the hub', schema: UploadPacketResponse },
    409: { description: 'A different packet with the same id is on the hub', schema: ErrorBody },
    413: { description: 'Larger than the packet limits allow', schema: ErrorBody },
    415: { description: 'Not sent as application/octet-stream', schema: ErrorBody },
    422: { description: "The packet is invalid; error.problems lists the validator's findings", schema: ErrorBody },
  },
  async handle({ hub, principal, req, query }) {
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
  },
});

export const getPacket = defineRoute({
  method: 'GET',
  path: '/api/v1/packets/{packetId}',
  operationId: 'getPacket',
  summary: 'A packet: manifest, rubric, prompts and evidence list',
  description:
    'Assessors get packets assigned to them in an open window, and 404 for any other. Chairs and admins get any ' +
    'packet; only admins also get school and district. The manifest names the candidate by pseudonym only.',
  tag: TAG,
  access: ['assessor', 'chair', 'admin'],
  params: { packetId: PARAMS.packetId },
  responses: {
    200: {
      description: 'The packet; admins get AdminPacketView, everyone else PacketView',
      schema: z.union([PacketView, AdminPacketView]),
    },
    404: { description: 'No such packet, or not assigned to you', schema: ErrorBody },
  },
  async handle({ hub, principal, params }) {
    const packet = await readablePacket(hub, principal, params.packetId);
    const body = hasRole(principal, 'admin') ? AdminPacketView.parse(packet.view) : readerView(packet.view);
    return { status: 200, body };
  },
});

/** Optional free-text label from the query string; empty means absent. */
function label(value: string | null, name: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > 200) throw new ApiError(400, 'invalid-query', `${name} must be at most 200 characters.`);
  return trimmed === '' ? null : trimmed;
}
