import type { QualificationList, QualificationStatus } from '../../shared/contract/norming';
import { hasRole, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { ApiError } from '../http/errors';
import { latestQualifications } from '../store/norming';

/** Who reads everyone's qualifications: the people who run calibration, assign and oversee scoring. */
const STAFF = ['facilitator', 'chair', 'admin', 'lead'] as const;

/**
 * Each person's latest qualification per credential (recorded when a qualification session
 * closes), with where it stands today. Staff read everyone's; an assessor only their own — the
 * hub enforces it, whatever the page asks.
 */
export async function listQualifications(
  hub: HubContext,
  principal: Principal,
  filter: { userId?: string; credentialId?: string },
): Promise<QualificationList> {
  const staff = hasRole(principal, ...STAFF);
  if (!staff && filter.userId !== undefined && filter.userId !== principal.userId) {
    throw new ApiError(403, 'forbidden', 'You can read your own qualifications only.');
  }
  const userId = staff ? filter.userId : principal.userId;
  const now = hub.now();
  const rows = await latestQualifications(hub.db, { userId, credentialId: filter.credentialId });
  return {
    qualifications: rows.map(({ qualified, ...row }) => ({
      userId: row.userId,
      username: row.username,
      credentialId: row.credentialId,
      status: statusOf(qualified, row.expiresAt, now),
      exact: row.exact,
      adjacent: row.adjacent,
      sessionId: row.sessionId,
      sessionTitle: row.sessionTitle,
      recordedAt: row.recordedAt,
      expiresAt: row.expiresAt,
    })),
  };
}

function statusOf(qualified: boolean, expiresAt: string, now: number): QualificationStatus {
  if (!qualified) return 'not-qualified';
  return Date.parse(expiresAt) > now ? 'current' : 'expired';
}
