import { z } from 'zod';
import { Uuid } from '../domain/common';
import { WindowView } from './hub-admin';

/** What the hub's event stream (GET /api/v1/events) carries, one server-sent event each. */
export const HubEvent = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('assignment.created'),
    assignmentId: Uuid,
    windowId: Uuid,
    packetId: Uuid,
    assessorId: Uuid,
  }),
  z.strictObject({
    type: z.literal('score.received'),
    scoreId: Uuid,
    packetId: Uuid,
    assessorId: Uuid,
    revision: z.number().int(),
  }),
  /** An admin removed an assignment: the assessor no longer sees the packet or its evidence. */
  z.strictObject({
    type: z.literal('assignment.removed'),
    assignmentId: Uuid,
    windowId: Uuid,
    packetId: Uuid,
    assessorId: Uuid,
  }),
  /** An admin changed a review window (renamed, dates moved, opened or closed): refresh queues. */
  z.strictObject({ type: z.literal('window.updated'), window: WindowView }),
  /** To facilitators: a participant submitted a norming score. Never the level: only who and which anchor. */
  z.strictObject({
    type: z.literal('norming.scoreReceived'),
    sessionId: Uuid,
    packetId: Uuid,
    participantId: Uuid,
    late: z.boolean(),
  }),
  /** To participants and facilitators: a session was created, revealed, reopened, closed, or a consensus recorded (masters may have changed). */
  z.strictObject({
    type: z.literal('norming.sessionChanged'),
    sessionId: Uuid,
    status: z.enum(['open', 'revealed', 'closed']),
  }),
  /** To chairs and admins: a window's decisions were released (the platform reads them with GET /releases). */
  z.strictObject({
    type: z.literal('release.published'),
    releaseId: Uuid,
    windowId: Uuid,
    packetCount: z.number().int(),
  }),
  /**
   * To chairs and admins: someone posted in a packet's committee thread. Only the window is named,
   * so a chair conflicted with the packet learns nothing about it; open decision screens read again.
   */
  z.strictObject({ type: z.literal('thread.posted'), windowId: Uuid }),
  /** To chairs and admins: a packet went to adjudication (two scorings disagreed, or a back-reader sent it). */
  z.strictObject({ type: z.literal('adjudication.opened'), adjudicationId: Uuid, windowId: Uuid, packetId: Uuid }),
]);
export type HubEvent = z.infer<typeof HubEvent>;
