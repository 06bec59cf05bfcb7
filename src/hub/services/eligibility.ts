import type { AdminUserView } from '../../shared/contract/hub-api';
import type { Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { conflictedAssessors } from '../store/conflicts';
import { holdsQualification } from '../store/norming';
import { findAdminUser } from '../store/users';
import { pausedAssessors } from '../store/validity';

/**
 * The one rule for who may be given a packet by hand (a manual assignment or a reassignment):
 * an existing account (404) with the assessor role (400 not-an-assessor), qualified where the
 * window requires it (409 not-qualified), enabled (409 account-disabled), not paused in the window by a chair (409 assessor-paused), and without a declared
 * conflict with the packet's school or district (409 conflict-of-interest). Automatic assignment
 * and second-scoring routing pick only among eligible assessors instead of refusing one.
 */
export async function requireEligibleAssessor(
  tx: Queryable,
  input: {
    assessorId: string;
    packetId: string;
    window: { id: string; name: string; requiredQualification: string | null };
    now: number;
  },
): Promise<AdminUserView> {
  const { window, now } = input;
  const assessor = await findAdminUser(tx, input.assessorId);
  if (!assessor) throw notFound('The assessor');
  if (!assessor.roles.includes('assessor')) {
    throw new ApiError(400, 'not-an-assessor', `${assessor.username} does not hold the assessor role.`);
  }
  if (window.requiredQualification && !(await holdsQualification(tx, assessor.id, window.requiredQualification, now))) {
    throw new ApiError(
      409,
      'not-qualified',
      `The window "${window.name}" requires a current qualification in ${window.requiredQualification}, and ` +
        `${assessor.username} holds none: they must pass a qualification session for it first.`,
    );
  }
  if (assessor.disabled) throw new ApiError(409, 'account-disabled', `${assessor.username}'s account is disabled.`);
  if ((await pausedAssessors(tx, window.id, now)).has(assessor.id)) {
    throw new ApiError(
      409,
      'assessor-paused',
      `${assessor.username} is paused in "${window.name}": a chair must resume them before they get new packets.`,
    );
  }
  if ((await conflictedAssessors(tx, [input.packetId])).get(input.packetId)?.has(assessor.id)) {
    throw new ApiError(
      409,
      'conflict-of-interest',
      `${assessor.username} declared a conflict of interest with this packet's school or district.`,
    );
  }
  return assessor;
}
