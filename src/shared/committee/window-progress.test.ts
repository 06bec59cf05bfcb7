import { describe, expect, it } from 'vitest';
import {
  progressDays,
  projectLastDecision,
  turnaround,
  windowProgress,
  WAITING_RISK_DAYS,
  type PacketTimeline,
} from './window-progress';

const at = (iso: string) => Date.parse(iso);
const packet = (
  assignedAt: string,
  scoredAt: string | null = null,
  decidedAt: string | null = null,
  releasedAt: string | null = null,
): PacketTimeline => ({
  assignedAt: at(assignedAt),
  scoredAt: scoredAt === null ? null : at(scoredAt),
  decidedAt: decidedAt === null ? null : at(decidedAt),
  releasedAt: releasedAt === null ? null : at(releasedAt),
});

describe('progressDays', () => {
  it('counts cumulatively per UTC day, every day from the opening to today, days with nothing included', () => {
    const days = progressDays(
      [
        packet('2026-08-01T09:00:00Z', '2026-08-02T23:59:59Z', '2026-08-04T00:00:00Z', '2026-08-04T12:00:00Z'),
        packet('2026-08-01T10:00:00Z', '2026-08-03T00:00:00Z'),
        packet('2026-08-02T10:00:00Z'),
      ],
      at('2026-08-01T08:00:00Z'),
      at('2026-08-05T06:00:00Z'),
    );
    expect(days).toEqual([
      { day: '2026-08-01', assigned: 2, scored: 0, decided: 0, released: 0 },
      { day: '2026-08-02', assigned: 3, scored: 1, decided: 0, released: 0 },
      { day: '2026-08-03', assigned: 3, scored: 2, decided: 0, released: 0 },
      { day: '2026-08-04', assigned: 3, scored: 2, decided: 1, released: 1 },
      // Nothing happened today: the day is there, its counts carried over.
      { day: '2026-08-05', assigned: 3, scored: 2, decided: 1, released: 1 },
    ]);
  });

  it('buckets by UTC day whatever the offset the instant was written in', () => {
    // 23:30 in New York on 1 Aug is 03:30 UTC on 2 Aug: the UTC day counts.
    const days = progressDays(
      [packet('2026-08-01T23:30:00-04:00')],
      at('2026-08-01T00:00:00Z'),
      at('2026-08-02T12:00:00Z'),
    );
    expect(days.map((d) => [d.day, d.assigned])).toEqual([
      ['2026-08-01', 0],
      ['2026-08-02', 1],
    ]);
  });

  it('counts a packet first scored before the chart begins (in another window) from the first day', () => {
    const days = progressDays(
      [packet('2026-08-03T09:00:00Z', '2026-07-20T10:00:00Z')],
      at('2026-08-03T08:00:00Z'),
      at('2026-08-04T06:00:00Z'),
    );
    expect(days.map((d) => [d.day, d.assigned, d.scored])).toEqual([
      ['2026-08-03', 1, 1],
      ['2026-08-04', 1, 1],
    ]);
  });

  it('starts at an assignment made before the window opened; a window not yet open has no days', () => {
    const days = progressDays([packet('2026-07-30T10:00:00Z')], at('2026-08-01T08:00:00Z'), at('2026-08-01T09:00:00Z'));
    expect(days.map((d) => d.day)).toEqual(['2026-07-30', '2026-07-31', '2026-08-01']);
    expect(progressDays([], at('2026-08-10T00:00:00Z'), at('2026-08-01T09:00:00Z'))).toEqual([]);
  });

  it('counts a decided packet as scored by its decision, even if an assessor was added afterwards', () => {
    const days = progressDays(
      [packet('2026-08-01T09:00:00Z', null, '2026-08-02T09:00:00Z')],
      at('2026-08-01T00:00:00Z'),
      at('2026-08-02T12:00:00Z'),
    );
    expect(days.at(-1)).toMatchObject({ scored: 1, decided: 1 });
  });
});

describe('turnaround', () => {
  const now = at('2026-08-10T12:00:00Z');

  it.each([
    [
      'decided the day it was scored',
      packet('2026-08-01T00:00:00Z', '2026-08-03T08:00:00Z', '2026-08-03T20:00:00Z'),
      0,
      'decided',
    ],
    [
      'decided across midnight UTC',
      packet('2026-08-01T00:00:00Z', '2026-08-03T23:00:00Z', '2026-08-04T01:00:00Z'),
      1,
      'decided',
    ],
    [
      'decided four days on',
      packet('2026-08-01T00:00:00Z', '2026-08-03T08:00:00Z', '2026-08-07T08:00:00Z'),
      4,
      'decided',
    ],
    ['scored today, waiting', packet('2026-08-01T00:00:00Z', '2026-08-10T01:00:00Z'), 0, 'waiting'],
    ['scored on 2 Aug, still waiting', packet('2026-08-01T00:00:00Z', '2026-08-02T08:00:00Z'), 8, 'waiting'],
  ] as const)('%s → %d days, %s', (_, input, days, kind) => {
    const { bars, stillScoring } = turnaround([input], now);
    expect(stillScoring).toBe(0);
    expect(bars).toHaveLength(days + 1);
    expect(bars[days]).toEqual({ days, decided: kind === 'decided' ? 1 : 0, waiting: kind === 'waiting' ? 1 : 0 });
    // Every shorter day is there as a zero bar.
    expect(bars.slice(0, days).every((bar) => bar.decided + bar.waiting === 0)).toBe(true);
  });

  it('leaves packets still being scored out of the bars and counts them apart; nothing scored: no bars', () => {
    expect(turnaround([packet('2026-08-01T00:00:00Z'), packet('2026-08-02T00:00:00Z')], now)).toEqual({
      bars: [],
      stillScoring: 2,
    });
  });

  it('puts decided and waiting packets of the same length on one bar', () => {
    const { bars } = turnaround(
      [
        packet('2026-08-01T00:00:00Z', '2026-08-02T08:00:00Z', '2026-08-03T08:00:00Z'),
        packet('2026-08-01T00:00:00Z', '2026-08-09T08:00:00Z'),
        packet('2026-08-01T00:00:00Z', '2026-08-09T09:00:00Z'),
      ],
      now,
    );
    expect(bars).toEqual([
      { days: 0, decided: 0, waiting: 0 },
      { days: 1, decided: 1, waiting: 2 },
    ]);
  });
});

describe('projectLastDecision', () => {
  const due = at('2026-08-14T17:00:00Z');
  /** A window opened on 1 Aug with `total` packets, decided[i] of them decided by the end of day i. */
  const history = (total: number, decided: number[]) => {
    const days = decided.map((n, i) => ({
      day: `2026-08-${String(i + 1).padStart(2, '0')}`,
      assigned: total,
      scored: total,
      decided: n,
      released: 0,
    }));
    const packets = Array.from({ length: total }, (_, i) =>
      packet('2026-08-01T00:00:00Z', '2026-08-01T00:00:00Z', i < decided.at(-1)! ? '2026-08-01T12:00:00Z' : null),
    );
    return { days, packets };
  };

  it('projects from the last 7 days, today included: 14 decided in 7 days, 6 left → 3 more days', () => {
    const { days, packets } = history(20, [0, 0, 0, 2, 4, 6, 8, 10, 12, 14]);
    // Day 10 (10 Aug): 14 decided, 0 on 3 Aug (seven days before): 2 a day, 6 left → 13 Aug, a day early.
    expect(projectLastDecision(days, packets, due)).toEqual({
      kind: 'projected',
      perDay: 2,
      basisDays: 7,
      landsOn: '2026-08-13',
      daysLate: -1,
    });
  });

  it('late when the pace is slow; on the due day says 0', () => {
    const slow = history(20, [0, 0, 1, 1, 2, 3, 3]);
    // 3 decided in 7 days (nothing before the first day), 17 left at 3/7 a day → 40 days after 7 Aug.
    expect(projectLastDecision(slow.days, slow.packets, due)).toMatchObject({
      perDay: 0.43,
      landsOn: '2026-09-16',
      daysLate: 33,
    });
    const onTime = history(11, [1, 2, 3, 4]);
    // 4 in 4 days, 7 left → 11 Aug; due 11 Aug.
    expect(projectLastDecision(onTime.days, onTime.packets, at('2026-08-11T09:00:00Z'))).toMatchObject({
      landsOn: '2026-08-11',
      daysLate: 0,
    });
  });

  it('says honestly when it cannot project', () => {
    const young = history(5, [1, 2]);
    expect(projectLastDecision(young.days, young.packets, due)).toEqual({
      kind: 'not-enough-data',
      reason: 'too-early',
    });
    const stalled = history(5, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(projectLastDecision(stalled.days, stalled.packets, due)).toEqual({
      kind: 'not-enough-data',
      reason: 'no-recent-decisions',
    });
    expect(projectLastDecision([], [], due)).toEqual({ kind: 'not-enough-data', reason: 'no-packets' });
  });

  it('a window with every packet decided is done, on the day of the last decision', () => {
    const packets = [
      packet('2026-08-01T00:00:00Z', '2026-08-02T00:00:00Z', '2026-08-03T10:00:00Z'),
      packet('2026-08-01T00:00:00Z', '2026-08-02T00:00:00Z', '2026-08-05T10:00:00Z'),
    ];
    expect(projectLastDecision([], packets, due)).toEqual({ kind: 'done', lastDecisionDay: '2026-08-05' });
  });
});

describe('windowProgress', () => {
  it('a window still open: days to today, waiting and scoring packets, the risk threshold', () => {
    const progress = windowProgress(
      [packet('2026-08-01T09:00:00Z', '2026-08-02T09:00:00Z'), packet('2026-08-01T09:00:00Z')],
      { opensAt: at('2026-08-01T08:00:00Z'), decisionsDueAt: at('2026-08-20T00:00:00Z') },
      at('2026-08-03T10:00:00Z'),
    );
    expect(progress).toEqual({
      today: '2026-08-03',
      packets: 2,
      days: [
        { day: '2026-08-01', assigned: 2, scored: 0, decided: 0, released: 0 },
        { day: '2026-08-02', assigned: 2, scored: 1, decided: 0, released: 0 },
        { day: '2026-08-03', assigned: 2, scored: 1, decided: 0, released: 0 },
      ],
      turnaround: [
        { days: 0, decided: 0, waiting: 0 },
        { days: 1, decided: 0, waiting: 1 },
      ],
      stillScoring: 1,
      waitingRiskDays: WAITING_RISK_DAYS,
      projection: { kind: 'not-enough-data', reason: 'no-recent-decisions' },
    });
  });
});
