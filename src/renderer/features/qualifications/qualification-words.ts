import type { QualificationRecord } from '../../../shared/contract/norming';
import { DAY_MS } from '../../../shared/domain/days';

/** A current qualification this close to its date is flagged: recalibration takes a session to arrange. */
export const EXPIRING_DAYS = 30;

/** Where a qualification stands, in words a person acts on; `warn` when it needs doing something about. */
export function qualificationStanding(
  q: Pick<QualificationRecord, 'status' | 'expiresAt'>,
  now: number,
  formatDate: (date: Date) => string,
): { text: string; warn: boolean } {
  const expires = new Date(q.expiresAt);
  if (q.status === 'not-qualified') return { text: 'Not qualified: calibrate again', warn: true };
  if (q.status === 'expired') return { text: `Expired on ${formatDate(expires)}: recalibrate`, warn: true };
  const daysLeft = Math.ceil((expires.getTime() - now) / DAY_MS);
  if (daysLeft <= EXPIRING_DAYS)
    return {
      text: `Current, expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${formatDate(expires)})`,
      warn: true,
    };
  return { text: `Current until ${formatDate(expires)}`, warn: false };
}

/** 0.833 → "83 %"; null (not measured) → "—". */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}
