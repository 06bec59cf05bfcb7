import type { QualificationNotice } from '../../shared/contract/assignments';
import type { Queryable } from '../db/db';
import { latestQualification } from '../store/norming';
import { listWindows } from '../store/windows';

/**
 * The open windows an assessor cannot be assigned in because they require a current
 * qualification the assessor does not hold, each with what to do about it: the queue would
 * otherwise just stay empty, with no word of why.
 */
export async function qualificationNotices(q: Queryable, userId: string, now: number): Promise<QualificationNotice[]> {
  const notices: QualificationNotice[] = [];
  for (const window of await listWindows(q, now)) {
    const credentialId = window.requiredQualification;
    if (!credentialId || window.status === 'closed' || Date.parse(window.closesAt) <= now) continue;
    const latest = await latestQualification(q, userId, credentialId);
    if (latest?.qualified && Date.parse(latest.expiresAt) > now) continue;
    const expired = latest?.qualified ? latest.expiresAt : null;
    const why = expired
      ? `your qualification in it expired on ${expired.slice(0, 10)}`
      : latest
        ? 'your last qualification session for it did not meet the thresholds'
        : 'you have not qualified in it';
    notices.push({
      kind: 'qualification',
      windowId: window.id,
      windowName: window.name,
      credentialId,
      expiredAt: expired,
      message:
        `“${window.name}” assigns only assessors with a current qualification in ${credentialId}, and ${why}. ` +
        'Take part in a qualification session for it (your norming facilitator adds you); once you pass, you can be assigned.',
    });
  }
  return notices;
}
