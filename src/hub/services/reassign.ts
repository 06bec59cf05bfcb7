import type { AssignmentRecord } from '../../shared/contract/hub-api';
import type { HubContext } from '../context';
import { isUniqueViolation } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import { deleteAssignment, insertAssignment, lockAssignmentPair } from '../store/assignments';
import { isConflicted } from '../store/conflicts';
import { findWindow } from '../store/windows';
import { requireEligibleAssessor } from './eligibility';
import { scoreRevisions } from './scores';

/**
 * Moves an assignment to another assessor in one transaction: the old one is removed and a new one
 * created in the same window, or nothing changes. Refused (409 already-scored) once the current
 * assessor has uploaded a score for the packet: their score must keep the assignment explaining it,
 * and a chair moving scored work would silently discard a scoring. The new assessor must be
 * eligible exactly as for a manual assignment. The current assessor's rows stay locked as during an
 * unassign, so a score upload racing the move either lands first (and blocks it) or gets 404.
 */
export async function reassign(
  hub: HubContext,
  assignmentId: string,
  assessorId: string,
  actor: string | null,
): Promise<{ removed: AssignmentRecord; created: AssignmentRecord }> {
  const now = hub.now();
  const moved = await hub.db.transaction(async (tx) => {
    const locked = await lockAssignmentPair(tx, assignmentId);
    if (!locked) throw notFound('The assignment');
    const { target } = locked;
    // A person with a declared conflict never acts on the packet: the same 404 as for no assignment.
    if (actor && (await isConflicted(tx, actor, target.packetId))) throw notFound('The assignment');
    const window = await findWindow(tx, target.windowId, now);
    if (!window) throw notFound('The review window');
    if (window.status === 'closed') throw new ApiError(409, 'window-closed', `The window "${window.name}" is closed.`);
    const scores = await scoreRevisions(tx, target.packetId, target.assessorId);
    if (scores.count > 0) {
      throw new ApiError(
        409,
        'already-scored',
        `${target.assessorUsername} has already uploaded a score for this packet (revision ${scores.latest}); ` +
          'it stays with them. Add another assessor instead.',
      );
    }
    // Checked before eligibility: moving work to the person who has it is no move at all.
    if (assessorId === target.assessorId) {
      throw new ApiError(
        409,
        'already-assigned',
        `${target.assessorUsername} is already on this packet in this window.`,
      );
    }
    const assessor = await requireEligibleAssessor(tx, { assessorId, packetId: target.packetId, window, now });
    await deleteAssignment(tx, target.id);
    let created: AssignmentRecord;
    try {
      created = await insertAssignment(
        tx,
        {
          windowId: target.windowId,
          packetId: target.packetId,
          assessorId: assessor.id,
          assessorUsername: assessor.username,
          assignedBy: actor,
        },
        now,
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ApiError(409, 'already-assigned', `${assessor.username} is already on this packet in this window.`);
    }
    await appendAudit(
      tx,
      {
        actor,
        action: 'assignment.reassign',
        subject: `packet:${target.packetId}`,
        detail: {
          windowId: target.windowId,
          from: { assignmentId: target.id, assessorId: target.assessorId },
          to: { assignmentId: created.id, assessorId: created.assessorId },
        },
      },
      now,
    );
    return { removed: target, created };
  });
  for (const [type, record] of [
    ['assignment.removed', moved.removed],
    ['assignment.created', moved.created],
  ] as const) {
    hub.events.publish({
      type,
      assignmentId: record.id,
      windowId: record.windowId,
      packetId: record.packetId,
      assessorId: record.assessorId,
    });
  }
  return moved;
}
