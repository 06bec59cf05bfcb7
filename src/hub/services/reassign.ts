import type { AssignmentRecord } from '../../shared/contract/hub-api';
import type { HubContext } from '../context';
import { isUniqueViolation } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import { deleteAssignment, insertAssignment, lockAssignmentPair } from '../store/assignments';
import { conflictedAssessors, isConflicted } from '../store/conflicts';
import { holdsQualification } from '../store/norming';
import { findAdminUser } from '../store/users';
import { pausedAssessors } from '../store/validity';
import { findWindow } from '../store/windows';
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
    const assessor = await findAdminUser(tx, assessorId);
    if (!assessor) throw notFound('The assessor');
    if (assessor.id === target.assessorId) {
      throw new ApiError(409, 'already-assigned', `${assessor.username} is already on this packet in this window.`);
    }
    if (!assessor.roles.includes('assessor')) {
      throw new ApiError(400, 'not-an-assessor', `${assessor.username} does not hold the assessor role.`);
    }
    if (assessor.disabled) throw new ApiError(409, 'account-disabled', `${assessor.username}'s account is disabled.`);
    if (
      window.requiredQualification &&
      !(await holdsQualification(tx, assessor.id, window.requiredQualification, now))
    ) {
      throw new ApiError(
        409,
        'not-qualified',
        `The window "${window.name}" requires a current qualification in ${window.requiredQualification}, and ` +
          `${assessor.username} holds none.`,
      );
    }
    if ((await pausedAssessors(tx, window.id, now)).has(assessor.id)) {
      throw new ApiError(409, 'assessor-paused', `${assessor.username} is paused in "${window.name}".`);
    }
    if ((await conflictedAssessors(tx, [target.packetId])).get(target.packetId)?.has(assessor.id)) {
      throw new ApiError(
        409,
        'conflict-of-interest',
        `${assessor.username} declared a conflict of interest with this packet's school or district.`,
      );
    }
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
