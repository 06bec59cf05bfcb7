import { describe, expect, it } from 'vitest';
import type { NormingReport } from '../../../shared/contract/norming';
import { qualificationRows, recordedQualifications } from './qualification';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const S = '00000000-0000-4000-8000-000000000005';
const thresholds = { minExact: 0.7, minAdjacent: 0.95, unscorableFails: true, validDays: 365 };

function assessor(userId: string, username: string, qualified: boolean, shortfalls: string[] = []) {
  return {
    userId,
    username,
    compared: 3,
    exact: qualified ? 1 : 0.33,
    adjacent: 1,
    quadraticWeightedKappa: null,
    meanSignedDifference: 0,
    anchorsScored: 3,
    unscorableOnScorable: 0,
    qualified,
    shortfalls,
  };
}

const report = {
  assessors: [assessor(U1, 'ann', true), assessor(U2, 'bob', false, ['exact agreement 33.3 % is below 70 %'])],
} as unknown as NormingReport;
const closedSession = {
  id: S,
  status: 'closed' as const,
  mode: 'qualification' as const,
  closedAt: '2026-12-03T08:00:00.000Z',
  credentialId: 'cfu',
  thresholds,
};

describe('qualification results', () => {
  it('says qualified, or the shortfalls in words', () => {
    expect(qualificationRows(report, undefined).map((r) => [r.username, r.result, r.recordedAt])).toEqual([
      ['ann', 'Qualified', null],
      ['bob', 'Not yet: exact agreement 33.3 % is below 70 %', null],
    ]);
  });

  it('shows what a closed qualification session recorded, with its expiry, when the board opens later', () => {
    const recorded = recordedQualifications(closedSession, report, undefined)!;
    expect(recorded.map((q) => [q.userId, q.qualified, q.recordedAt, q.expiresAt])).toEqual([
      [U1, true, '2026-12-03T08:00:00.000Z', '2027-12-03T08:00:00.000Z'],
      [U2, false, '2026-12-03T08:00:00.000Z', '2027-12-03T08:00:00.000Z'],
    ]);
    expect(qualificationRows(report, recorded)[0]!.expiresAt).toBe('2027-12-03T08:00:00.000Z');
  });

  it('records nothing for a calibration session or one still open', () => {
    expect(recordedQualifications({ ...closedSession, mode: 'calibration' }, report, undefined)).toBeUndefined();
    expect(recordedQualifications({ ...closedSession, status: 'revealed' }, report, undefined)).toBeUndefined();
  });
});
