import { describe, expect, it } from 'vitest';
import type { Rubric } from '../domain/rubric';
import type { ScoreRecord } from '../domain/score';
import { discrepancies, distanceFromCut, ScoringPolicy, secondScoringReasons, shareDraw } from './policy';

const levels = [
  { id: 'beginning', label: 'Beginning', score: 1, descriptor: 'b' },
  { id: 'developing', label: 'Developing', score: 2, descriptor: 'd' },
  { id: 'proficient', label: 'Proficient', score: 3, descriptor: 'p' },
  { id: 'exemplary', label: 'Exemplary', score: 4, descriptor: 'e' },
];
const rubric = (rule: Rubric['decisionRule']): Rubric => ({
  id: 'r',
  version: '1',
  title: 'Rubric',
  criteria: ['plan', 'elicit', 'adjust'].map((id) => ({ id, title: id, lookFors: [], levels })),
  decisionRule: rule,
});
const allAtLeast3 = rubric({ kind: 'all-at-least', minLevelScore: 3 });
const totalAtLeast9 = rubric({ kind: 'total-at-least', minTotal: 9 });

function scoring(
  levelIds: [string, string, string],
  decision: ScoreRecord['decision'] = { kind: 'earned' },
): ScoreRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    packetId: '00000000-0000-4000-8000-000000000002',
    rubricId: 'r',
    rubricVersion: '1',
    assessorId: 'a',
    revision: 1,
    criteria:
      decision.kind === 'unscorable'
        ? []
        : ['plan', 'elicit', 'adjust'].map((criterionId, i) => ({ criterionId, levelId: levelIds[i]!, rationale: '' })),
    comments: [],
    decision,
    candidateFeedback: { overall: '', byCriterion: [] },
    privateNotes: '',
    createdAt: '2026-12-01T10:00:00.000Z',
  };
}

const UNSCORABLE = { kind: 'unscorable', conditionCode: 'missing-evidence', explanation: 'No video.' } as const;
const policy = (changes: object = {}) => ScoringPolicy.parse(changes);

describe('distance from the cut', () => {
  it.each([
    [
      'all-at-least, all exemplary',
      allAtLeast3,
      ['exemplary', 'exemplary', 'exemplary'],
      { side: 'earned', points: 1 },
    ],
    [
      'all-at-least, one exactly at the cut',
      allAtLeast3,
      ['exemplary', 'proficient', 'exemplary'],
      { side: 'earned', points: 0 },
    ],
    [
      'all-at-least, one a point below',
      allAtLeast3,
      ['exemplary', 'developing', 'exemplary'],
      { side: 'not-yet', points: 1 },
    ],
    [
      'all-at-least, two below (1 + 2 points)',
      allAtLeast3,
      ['developing', 'beginning', 'exemplary'],
      { side: 'not-yet', points: 3 },
    ],
    [
      'total-at-least, total 10',
      totalAtLeast9,
      ['exemplary', 'proficient', 'proficient'],
      { side: 'earned', points: 1 },
    ],
    [
      'total-at-least, total 8',
      totalAtLeast9,
      ['proficient', 'proficient', 'developing'],
      { side: 'not-yet', points: 1 },
    ],
  ] as const)('%s', (_name, r, ids, expected) => {
    expect(distanceFromCut(r, scoring([...ids]))).toEqual(expected);
  });

  it('is undefined for an unscorable decision', () => {
    expect(distanceFromCut(allAtLeast3, scoring(['exemplary', 'exemplary', 'exemplary'], UNSCORABLE))).toBeUndefined();
  });
});

describe('second scoring: which rule selects a packet', () => {
  const off = { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 0 } };
  it.each([
    ['nothing applies', off, 1, ['exemplary', 'exemplary', 'exemplary'], []],
    [
      'every packet at a share of 1',
      { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } },
      1,
      ['exemplary', 'exemplary', 'exemplary'],
      ['random-share'],
    ],
    [
      'a resubmission',
      { secondScoring: { randomShare: 0, resubmissions: true, nearCutMargin: 0 } },
      2,
      ['exemplary', 'exemplary', 'exemplary'],
      ['resubmission'],
    ],
    [
      'a first attempt is no resubmission',
      { secondScoring: { randomShare: 0, resubmissions: true, nearCutMargin: 0 } },
      1,
      ['exemplary', 'exemplary', 'exemplary'],
      [],
    ],
    [
      'earned with a criterion at the cut (margin 1)',
      { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 1 } },
      1,
      ['exemplary', 'proficient', 'exemplary'],
      ['near-cut'],
    ],
    [
      'earned a point clear of the cut (margin 1)',
      { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 1 } },
      1,
      ['exemplary', 'exemplary', 'exemplary'],
      [],
    ],
    [
      'not yet by one point (margin 1)',
      { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 1 } },
      1,
      ['exemplary', 'developing', 'exemplary'],
      ['near-cut'],
    ],
    [
      'not yet by three points (margin 1)',
      { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 1 } },
      1,
      ['developing', 'beginning', 'exemplary'],
      [],
    ],
    [
      'all three at once',
      { secondScoring: { randomShare: 1, resubmissions: true, nearCutMargin: 1 } },
      3,
      ['proficient', 'proficient', 'proficient'],
      ['random-share', 'resubmission', 'near-cut'],
    ],
  ] as const)('%s', (_name, rules, attempt, ids, expected) => {
    const reasons = secondScoringReasons(policy(rules), {
      windowId: 'w',
      packetId: 'p',
      attempt,
      rubric: allAtLeast3,
      first: scoring([...ids]),
    });
    expect(reasons).toEqual(expected);
  });

  it('the random share is a fixed draw per window and packet, and close to the share over many packets', () => {
    expect(shareDraw('w1', 'p1')).toBe(shareDraw('w1', 'p1'));
    expect(shareDraw('w1', 'p1')).not.toBe(shareDraw('w2', 'p1'));
    const drawn = Array.from({ length: 10_000 }, (_, i) => shareDraw('window', `packet-${i}`)).filter(
      (d) => d < 0.1,
    ).length;
    expect(drawn / 10_000).toBeGreaterThan(0.09);
    expect(drawn / 10_000).toBeLessThan(0.11);
  });
});

describe('discrepancies: when two scorings go to an adjudicator', () => {
  it.each([
    [
      'identical',
      {},
      ['proficient', 'proficient', 'exemplary'],
      { kind: 'earned' },
      ['proficient', 'proficient', 'exemplary'],
      { kind: 'earned' },
      [],
    ],
    [
      'one level apart is not a discrepancy',
      {},
      ['proficient', 'proficient', 'exemplary'],
      { kind: 'earned' },
      ['exemplary', 'proficient', 'exemplary'],
      { kind: 'earned' },
      [],
    ],
    [
      'two levels apart on a criterion',
      {},
      ['developing', 'proficient', 'exemplary'],
      { kind: 'not-yet' },
      ['exemplary', 'proficient', 'exemplary'],
      { kind: 'not-yet' },
      [{ kind: 'criterion', criterionId: 'plan', gap: 2 }],
    ],
    [
      'decisions differ',
      {},
      ['proficient', 'proficient', 'proficient'],
      { kind: 'earned' },
      ['proficient', 'developing', 'proficient'],
      { kind: 'not-yet' },
      [{ kind: 'decision', first: 'earned', second: 'not-yet' }],
    ],
    [
      'decisions differ, rule off',
      { discrepancy: { decisionDiffers: false } },
      ['proficient', 'proficient', 'proficient'],
      { kind: 'earned' },
      ['proficient', 'developing', 'proficient'],
      { kind: 'not-yet' },
      [],
    ],
    [
      'totals differ by more than 2',
      { discrepancy: { totalGap: 2 } },
      ['proficient', 'proficient', 'proficient'],
      { kind: 'earned' },
      ['exemplary', 'exemplary', 'exemplary'],
      { kind: 'earned' },
      [{ kind: 'total', gap: 3 }],
    ],
    [
      'totals differ by exactly 2',
      { discrepancy: { totalGap: 2 } },
      ['proficient', 'proficient', 'proficient'],
      { kind: 'earned' },
      ['exemplary', 'exemplary', 'proficient'],
      { kind: 'earned' },
      [],
    ],
    [
      'one scorer found it unscorable',
      {},
      ['proficient', 'proficient', 'proficient'],
      { kind: 'earned' },
      ['proficient', 'proficient', 'proficient'],
      UNSCORABLE,
      [{ kind: 'decision', first: 'earned', second: 'unscorable' }],
    ],
  ] as const)('%s', (_name, rules, aIds, aDecision, bIds, bDecision, expected) => {
    const found = discrepancies(
      policy(rules),
      allAtLeast3,
      scoring([...aIds], aDecision),
      scoring([...bIds], bDecision),
    );
    expect(found).toEqual(expected);
  });
});
