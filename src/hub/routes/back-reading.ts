import { Uuid } from '../../shared/domain/common';
import { ApiError } from '../http/errors';
import { implementRoute } from '../http/route';
import { addBackReadNote, backReadingList, backReadingPacket, sendToAdjudication } from '../services/back-reading';

export const getBackReadingList = implementRoute('listBackReading', async ({ hub, principal, params, query }) => {
  const assessorId = query.get('assessorId') || undefined;
  if (assessorId !== undefined && !Uuid.safeParse(assessorId).success)
    throw new ApiError(400, 'invalid-query', `assessorId must be a user id (a UUID), not "${assessorId}".`);
  return { status: 200, body: await backReadingList(hub, params.windowId, principal, { assessorId }) };
});

export const getBackReading = implementRoute('getBackReading', async ({ hub, principal, params }) => {
  return { status: 200, body: await backReadingPacket(hub, params.windowId, params.packetId, principal) };
});

export const postBackReadNote = implementRoute('postBackReadNote', async ({ hub, principal, params, body }) => {
  const note = await addBackReadNote(hub, params.windowId, params.packetId, principal, await body());
  return { status: 201, body: note };
});

export const postBackReadAdjudication = implementRoute(
  'postBackReadAdjudication',
  async ({ hub, principal, params, body }) => {
    const opened = await sendToAdjudication(hub, params.windowId, params.packetId, principal, await body());
    return { status: 201, body: opened };
  },
);
