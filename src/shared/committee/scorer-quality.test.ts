import { describe, expect, it } from 'vitest';
import { ScoringPolicy } from './policy';
import {
  dailyTrend,
  qualityFlags,
  scorerStatistics,
  validityNeeded,
  type CriterionScale,
  type ScorerStats,
  type ScoringFacts,
} from './scorer-quality';

const LEVELS = ['l1', 'l2', 'l3', 'l4'];
const scale: CriterionScale[] = [
  { criterionId: 'plan', levelIds: LEVELS },
  { criterionId: 'adjust', levelIds: LEVELS },
];
const T0 = Date.parse('2026-10-01T09:00:00Z');

function scoring(
  assessorId: string,
  packetId: string,
  plan: string,
  adjust: string,
  extra: Partial<ScoringFacts> = {},
): ScoringFacts {
  return {
    assessorId,
    packetId,
    levels: { plan, adjust },
    receivedAt: T0,
    minutes: null,
    validity: false,
    ...extra,
  };
}

describe('scorerStatistics', () => {
  it('compares validity scorings with the masters: exact, adjacent, severity in levels', () => {
    const [stats] = scorerStatistics({
      scales: new Map([
        ['v1', scale],
        ['v2', scale],
      ]),
      masters: new Map([
        ['v1', { plan: 'l3', adjust: 'l3' }],
        ['v2', { plan: 'l2', adjust: 'l4' }],
      ]),
      scorings: [
        scoring('a', 'v1', 'l3', 'l2', { validity: true }), // exact, one below
        scoring('a', 'v2', 'l1', 'l4', { validity: true }), // one below, exact
      ],
    });
    expect(stats!.validity).toMatchObject({ packets: 2, n: 4, exact: 0.5, adjacent: 1, severity: -0.5 });
    expect(stats!.scored).toBe(0); // validity scorings are not live work
    expect(stats!.secondScoring.packets).toBe(0);
  });

  it('compares double-scored live packets with the other scorer, never validity scorings with each other', () => {
    const stats = scorerStatistics({
      scales: new Map([
        ['p1', scale],
        ['p2', scale],
        ['v1', scale],
      ]),
      masters: new Map([['v1', { plan: 'l3', adjust: 'l3' }]]),
      scorings: [
        scoring('a', 'p1', 'l3', 'l3'),
        scoring('b', 'p1', 'l3', 'l2'),
        scoring('a', 'p2', 'l4', 'l4'),
        scoring('b', 'p2', 'l2', 'l4'),
        scoring('a', 'v1', 'l1', 'l1', { validity: true }),
        scoring('b', 'v1', 'l1', 'l1', { validity: true }),
      ],
    });
    const [a, b] = stats;
    expect(a!.secondScoring).toMatchObject({ packets: 2, n: 4, exact: 0.5, adjacent: 0.75, severity: 0.75 });
    expect(b!.secondScoring).toMatchObject({ packets: 2, n: 4, exact: 0.5, severity: -0.75 });
    expect(a!.secondScoring.ac1).not.toBeNull();
    expect(a!.secondScoring.quadraticWeightedKappa).not.toBeNull();
    expect(a!.validity).toMatchObject({ packets: 1, exact: 0, severity: -2 });
    expect(a!.scored).toBe(2);
  });

  it('counts the use of each scale position and takes the median minutes', () => {
    const [stats] = scorerStatistics({
      scales: new Map([
        ['p1', scale],
        ['p2', scale],
        ['p3', scale],
      ]),
      masters: new Map(),
      scorings: [
        scoring('a', 'p1', 'l1', 'l2', { minutes: 10 }),
        scoring('a', 'p2', 'l2', 'l2', { minutes: 30 }),
        scoring('a', 'p3', 'l4', 'l2', { minutes: null }),
      ],
    });
    expect(stats!.scaleUse).toEqual([1, 4, 0, 1]);
    expect(stats!.medianMinutes).toBe(20);
  });
});

describe('dailyTrend', () => {
  const at = (iso: string) => Date.parse(iso);
  const span = (opens: string, closes: string) => ({ opensAt: at(opens), closesAt: at(closes) });
  const scored = (iso: string, exact: number, n: number) => ({ at: at(iso), exact, n });
  it.each([
    {
      name: 'every day of the window, a day without scorings a gap (null), never 0',
      window: span('2026-03-01T09:00:00Z', '2026-03-04T09:00:00Z'),
      compared: [scored('2026-03-02T10:00:00Z', 1, 2)],
      days: [
        ['2026-03-01', null, 0],
        ['2026-03-02', 0.5, 2],
        ['2026-03-03', null, 0],
        ['2026-03-04', null, 0],
      ],
    },
    {
      name: 'a window closing at midnight UTC ends the day before (closesAt is exclusive)',
      window: span('2026-03-01T22:00:00Z', '2026-03-03T00:00:00Z'),
      compared: [],
      days: [
        ['2026-03-01', null, 0],
        ['2026-03-02', null, 0],
      ],
    },
    {
      name: 'days are UTC days: a second either side of midnight UTC falls on two days',
      window: span('2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'),
      compared: [scored('2026-03-01T23:59:59Z', 1, 1), scored('2026-03-02T00:00:01Z', 0, 1)],
      days: [
        ['2026-03-01', 1, 1],
        ['2026-03-02', 0, 1],
      ],
    },
    {
      name: 'a day pools its compared levels, not its scorings’ shares',
      window: span('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'),
      compared: [scored('2026-03-01T08:00:00Z', 0, 1), scored('2026-03-01T15:00:00Z', 3, 3)],
      days: [['2026-03-01', 0.75, 4]],
    },
    {
      name: 'a scoring after the window closed widens the days to it',
      window: span('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'),
      compared: [scored('2026-03-03T12:00:00Z', 2, 2)],
      days: [
        ['2026-03-01', null, 0],
        ['2026-03-02', null, 0],
        ['2026-03-03', 1, 2],
      ],
    },
    {
      name: 'without a window, the days from the first scoring to the last',
      window: undefined,
      compared: [scored('2026-03-05T12:00:00Z', 1, 1), scored('2026-03-03T12:00:00Z', 0, 1)],
      days: [
        ['2026-03-03', 0, 1],
        ['2026-03-04', null, 0],
        ['2026-03-05', 1, 1],
      ],
    },
    { name: 'nothing at all without a window or scorings', window: undefined, compared: [], days: [] },
  ])('$name', ({ window, compared, days }) => {
    expect(dailyTrend(compared, window)).toEqual(days.map(([day, exact, n]) => ({ day, exact, n })));
  });

  it('scorerStatistics gives each assessor the window’s days', () => {
    const [stats] = scorerStatistics({
      scales: new Map([['v1', scale]]),
      masters: new Map([['v1', { plan: 'l3', adjust: 'l3' }]]),
      scorings: [scoring('a', 'v1', 'l3', 'l1', { validity: true, receivedAt: at('2026-03-02T12:00:00Z') })],
      window: span('2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'),
    });
    expect(stats!.daily).toEqual([
      { day: '2026-03-01', exact: null, n: 0 },
      { day: '2026-03-02', exact: 0.5, n: 2 },
    ]);
  });
});

describe('qualityFlags', () => {
  const limits = ScoringPolicy.parse({}).quality;
  const stats = (
    validity: [packets: number, exact: number | null, severity: number | null],
    second: [packets: number, exact: number | null, severity: number | null],
  ): Pick<ScorerStats, 'validity' | 'secondScoring'> => ({
    validity: {
      packets: validity[0],
      n: validity[0],
      exact: validity[1],
      adjacent: null,
      quadraticWeightedKappa: null,
      severity: validity[2],
    },
    secondScoring: {
      packets: second[0],
      n: second[0],
      exact: second[1],
      adjacent: null,
      quadraticWeightedKappa: null,
      ac1: null,
      severity: second[2],
    },
  });

  it.each([
    ['too few comparisons of either kind', stats([4, 0.1, -2], [4, 0.1, -2]), []],
    ['agreeing with the masters', stats([5, 0.8, 0.1], [0, null, null]), []],
    ['low exact agreement with the masters', stats([5, 0.4, 0], [0, null, null]), [['low-agreement', 'validity']]],
    ['exactly at the limit is not below it', stats([5, 0.6, 0.5], [0, null, null]), []],
    ['severe against the masters', stats([6, 0.7, -0.6], [0, null, null]), [['severe', 'validity']]],
    [
      'lenient and disagreeing',
      stats([6, 0.2, 0.9], [0, null, null]),
      [
        ['low-agreement', 'validity'],
        ['lenient', 'validity'],
      ],
    ],
    ['second scorers when validity is too thin', stats([2, 0, -3], [5, 0.5, 0]), [['low-agreement', 'second-scoring']]],
    ['masters outrank second scorers', stats([5, 0.9, 0], [9, 0.1, -2]), []],
  ] as const)('%s', (_, input, expected) => {
    expect(qualityFlags(limits, input).map((f) => [f.kind, f.basis])).toEqual(expected);
  });

  it('says what crossed which limit', () => {
    const [flag] = qualityFlags(limits, stats([5, 0.4, 0], [0, null, null]));
    expect(flag!.message).toBe("Exact agreement with the validity masters is 40%, below the policy's 60%.");
  });
});

describe('validityNeeded', () => {
  it.each([
    [0, 10, 0, 0],
    [0.2, 0, 0, 0],
    [0.2, 4, 0, 1], // 1 of 5
    [0.2, 3, 0, 0], // 0.75: never more than the share
    [0.25, 9, 1, 2], // 3 of 12, one already there
    [0.25, 3, 2, 0], // already over: none taken away, none added
    [0.5, 4, 0, 4],
  ])('rate %d, %d live, %d validity → %d more', (rate, live, validity, expected) => {
    expect(validityNeeded(rate, live, validity)).toBe(expected);
  });
});
