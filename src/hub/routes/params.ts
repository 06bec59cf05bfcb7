import { LocalId, Uuid } from '../../shared/domain/common';

/** Path parameters by meaning; a malformed value names nothing, so the router answers 404. */
export const PARAMS = {
  packetId: Uuid,
  scoreId: Uuid,
  evidenceId: LocalId,
  windowId: Uuid,
  assignmentId: Uuid,
  userId: Uuid,
} as const;
