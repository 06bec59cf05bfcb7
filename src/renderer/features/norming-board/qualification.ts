import type { CloseNormingResponse, NormingReport, NormingSessionView } from '../../../shared/contract/norming';
import type { z } from 'zod';
import { DAY_MS } from '../../../shared/domain/days';

type Qualification = z.infer<typeof CloseNormingResponse>['qualifications'][number];

export interface QualificationRow {
  userId: string;
  username: string;
  qualified: boolean;
  /** "Qualified", or the shortfalls in words. */
  result: string;
  recordedAt: string | null;
  expiresAt: string | null;
}

/**
 * Each participant's result against the thresholds, with the qualification the hub recorded at
 * closing when there is one (a calibration session records none: it is practice).
 */
export function qualificationRows(
  report: NormingReport,
  recorded: readonly Qualification[] | undefined,
): QualificationRow[] {
  return report.assessors.map((a) => {
    const q = recorded?.find((r) => r.userId === a.userId);
    return {
      userId: a.userId,
      username: a.username,
      qualified: a.qualified,
      result: a.qualified ? 'Qualified' : `Not yet: ${a.shortfalls.join('; ') || 'no scores compared'}`,
      recordedAt: q?.recordedAt ?? null,
      expiresAt: q?.expiresAt ?? null,
    };
  });
}

/**
 * The qualifications a closed session recorded: as the close answered when this board closed it,
 * else (the board opened later; the hub lists none) as the hub records them: at closing, current
 * for the thresholds' validDays. Calibration sessions record none.
 */
export function recordedQualifications(
  session: Pick<NormingSessionView, 'id' | 'status' | 'mode' | 'closedAt' | 'credentialId' | 'thresholds'>,
  report: NormingReport,
  answered: readonly Qualification[] | undefined,
): Qualification[] | undefined {
  if (answered) return [...answered];
  if (session.status !== 'closed' || session.mode !== 'qualification' || !session.closedAt) return undefined;
  const recordedAt = session.closedAt;
  const expiresAt = new Date(Date.parse(recordedAt) + session.thresholds.validDays * DAY_MS).toISOString();
  return report.assessors.map((a) => ({
    userId: a.userId,
    credentialId: session.credentialId,
    sessionId: session.id,
    qualified: a.qualified,
    recordedAt,
    expiresAt,
  }));
}
