import type { ADMIN_CHANNELS, UploadPacketOutcome } from '../../shared/contract/admin';
import type { BridgeHandlers } from '../../shared/contract/bridge';
import { readPacket } from '../../node/packet/read-packet';
import type { HubClient } from './hub-client';
import { HubError, toBridgeError } from './hub-error';

type AdminChannel = keyof typeof ADMIN_CHANNELS;
type AdminHandlers = Pick<BridgeHandlers, AdminChannel>;

/** Refusals of an upload that are about the packet itself: reported per file, not as a failed call. */
const PACKET_REFUSALS = new Set([409, 413, 415, 422]);

/**
 * Sends one picked .anchor file to the hub. A refused packet is an answer the admin reads beside
 * the file (with the validator's problems), so a batch goes on with the next file; only an
 * outage or a lost session fails the call.
 *
 * The file is validated here first, completely (structure, hashes, media types), and only a valid
 * Anchor packet leaves the computer: in Electron the page names the file's path, and a page that
 * was compromised must not be able to send any other local file to the hub.
 */
export async function uploadPacket(
  client: HubClient,
  input: { path: string; fileName: string; school?: string; district?: string },
): Promise<UploadPacketOutcome> {
  const local = await readPacket(input.path);
  if (local.problems.length > 0 || !local.manifest) {
    return {
      kind: 'refused',
      fileName: input.fileName,
      message: 'Not sent: the file is not a valid Anchor packet.',
      problems: local.problems.map(({ path, message }) => ({ path, message })),
    };
  }
  const query: Record<string, string> = {};
  if (input.school) query.school = input.school;
  if (input.district) query.district = input.district;
  try {
    const { packet, alreadyUploaded } = await client.ok('uploadPacket', { file: input.path, query });
    return { kind: alreadyUploaded ? 'already-uploaded' : 'created', fileName: input.fileName, packet };
  } catch (error) {
    if (error instanceof HubError && error.status !== undefined && PACKET_REFUSALS.has(error.status)) {
      return { kind: 'refused', fileName: input.fileName, message: error.message, problems: [...error.problems] };
    }
    return toBridgeError(error);
  }
}

/**
 * The admin's channels: each is one hub route, built and read by the route table. The client is
 * looked up at each call, so the table can be built before the hub service exists.
 */
export function adminHandlers(client: () => HubClient): AdminHandlers {
  return {
    'admin.windows': () => client().ok('listWindows', {}).catch(toBridgeError),
    'admin.createWindow': (window) => client().ok('createWindow', { json: window }).catch(toBridgeError),
    'admin.updateWindow': ({ windowId, change }) =>
      client().ok('updateWindow', { params: { windowId }, json: change }).catch(toBridgeError),
    'admin.uploadPacket': (input) => uploadPacket(client(), input),
    'admin.packets': (filter) =>
      client()
        .ok('listPackets', { query: definedOnly({ ...filter, limit: filter.limit?.toString() }) })
        .catch(toBridgeError),
    'admin.users': () => client().ok('listUsers', {}).catch(toBridgeError),
    'admin.createUser': (user) => client().ok('createUser', { json: user }).catch(toBridgeError),
    'admin.updateUser': ({ userId, change }) =>
      client().ok('updateUser', { params: { userId }, json: change }).catch(toBridgeError),
    'admin.assignments': (filter) =>
      client()
        .ok('listAllAssignments', { query: definedOnly(filter) })
        .catch(toBridgeError),
    'admin.assign': (assignment) => client().ok('createAssignment', { json: assignment }).catch(toBridgeError),
    'admin.autoAssign': (request) => client().ok('autoAssign', { json: request }).catch(toBridgeError),
    'admin.unassign': async ({ assignmentId }) => {
      await client().okEmpty('deleteAssignment', { params: { assignmentId } }).catch(toBridgeError);
      return { removed: true as const };
    },
  };
}

function definedOnly(filter: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
