import type { CloseNormingResponse, NormingReport } from '../../../shared/contract/norming';
import type { z } from 'zod';

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
