import { describe, expect, it } from 'vitest';
import type { WindowProgress } from '../../../shared/contract/window-progress';
import { dayLabel } from '../../charts/axes';
import { progressChart, projectionSentence, turnaroundColumns, turnaroundSummary } from './progress-view-model';

const FRAME = { width: 120, height: 120, left: 10, right: 10, top: 10, bottom: 10 };

/** A window opened 1 Aug, closing 5 Aug, decisions due 8 Aug, read on 3 Aug with 4 packets. */
function progress(overrides: Partial<WindowProgress> = {}): WindowProgress {
  return {
    window: {
      id: '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32',
      opensAt: '2026-08-01T08:00:00.000Z',
      closesAt: '2026-08-05T08:00:00.000Z',
      decisionsDueAt: '2026-08-08T17:00:00.000Z',
    },
    asOf: '2026-08-03T12:00:00.000Z',
    today: '2026-08-03',
    packets: 4,
    days: [
      { day: '2026-08-01', assigned: 4, scored: 0, decided: 0, released: 0 },
      { day: '2026-08-02', assigned: 4, scored: 2, decided: 1, released: 0 },
      { day: '2026-08-03', assigned: 4, scored: 4, decided: 2, released: 1 },
    ],
    turnaround: [
      { days: 0, decided: 1, waiting: 1 },
      { days: 1, decided: 1, waiting: 0 },
    ],
    stillScoring: 0,
    waitingRiskDays: 1,
    projection: { kind: 'projected', perDay: 0.67, basisDays: 3, landsOn: '2026-08-06', daysLate: -2 },
    ...overrides,
  };
}

describe('the progress sentence', () => {
  it.each([
    [
      { kind: 'projected', perDay: 0.67, basisDays: 3, landsOn: '2026-08-10', daysLate: 2 },
      `At this pace (0.67 decisions a day over the last 3 days) the last decision lands on ${dayLabel('2026-08-10')}, 2 days after the due date (${dayLabel('2026-08-08')}).`,
    ],
    [
      { kind: 'projected', perDay: 1, basisDays: 7, landsOn: '2026-08-07', daysLate: -1 },
      `At this pace (1 decision a day over the last 7 days) the last decision lands on ${dayLabel('2026-08-07')}, 1 day before the due date (${dayLabel('2026-08-08')}).`,
    ],
    [
      { kind: 'projected', perDay: 2, basisDays: 7, landsOn: '2026-08-08', daysLate: 0 },
      `At this pace (2 decisions a day over the last 7 days) the last decision lands on ${dayLabel('2026-08-08')}, on the due date (${dayLabel('2026-08-08')}).`,
    ],
    [
      { kind: 'done', lastDecisionDay: '2026-08-09' },
      `All 4 packets are decided; the last on ${dayLabel('2026-08-09')}, 1 day after the due date (${dayLabel('2026-08-08')}).`,
    ],
    [
      { kind: 'not-enough-data', reason: 'too-early' },
      'Not enough data to project the last decision yet: the window is 3 days old. 2 of 4 decided.',
    ],
    [
      { kind: 'not-enough-data', reason: 'no-recent-decisions' },
      'Not enough data to project the last decision: nothing was decided in the last 3 days. 2 of 4 decided.',
    ],
    [{ kind: 'not-enough-data', reason: 'no-packets' }, 'No packets in this window yet: nothing to project.'],
  ] as const)('%o', (projection, sentence) => {
    expect(projectionSentence(progress({ projection }))).toBe(sentence);
  });

  it('speaks of one packet in the singular', () => {
    expect(
      projectionSentence(progress({ packets: 1, projection: { kind: 'done', lastDecisionDay: '2026-08-08' } })),
    ).toBe(
      `The one packet is decided; the last on ${dayLabel('2026-08-08')}, on the due date (${dayLabel('2026-08-08')}).`,
    );
  });
});

describe('the progress chart', () => {
  it('spans the opening to the due date, packets up the y axis, the ideal line corner to corner', () => {
    const chart = progressChart(progress(), FRAME);
    // 1 Aug … 8 Aug: 7 steps over 100 px, every other day labelled, the last always.
    expect(chart.xLabels.map((l) => l.day)).toEqual(['2026-08-01', '2026-08-03', '2026-08-05', '2026-08-08']);
    expect(chart.ideal).toEqual({ x1: 10, y1: 110, x2: 110, y2: 10 });
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    const x = (day: number) => 10 + (day / 7) * 100;
    expect(chart.series.find((s) => s.key === 'decided')!.points).toBe(`10,110 ${x(1)},85 ${x(2)},60`);
    expect(chart.markers.map((m) => [m.key, m.x])).toEqual([
      ['closes', x(4)],
      ['due', 110],
      ['today', x(2)],
    ]);
    // From today's 2 decided to all 4 on 6 Aug.
    expect(chart.projection).toEqual({ x1: x(2), y1: 60, x2: x(5), y2: 10 });
  });

  it('ticks whole packets up to the total, none crowding it', () => {
    const ticks = (packets: number) => progressChart(progress({ packets }), FRAME).yTicks.map((t) => t.value);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(5)).toEqual([0, 2, 5]);
    expect(ticks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(5000)).toEqual([0, 1250, 2500, 3750, 5000]);
  });

  it('stops a projection far past the due date two weeks after it, at the height it reaches by then', () => {
    const chart = progressChart(
      progress({ projection: { kind: 'projected', perDay: 0.1, basisDays: 3, landsOn: '2026-08-23', daysLate: 15 } }),
      FRAME,
    );
    expect(chart.xLabels.at(-1)!.day).toBe('2026-08-22');
    // 19 of 20 days from 3 Aug to 23 Aug: 2 + 2 × 19/20 = 3.9 of 4 packets.
    expect(chart.projection!.x2).toBe(110);
    expect(chart.projection!.y2).toBeCloseTo(110 - (3.9 / 4) * 100);
  });
});

describe('the turnaround chart', () => {
  it('stacks waiting over decided, waiting at the threshold or past it at risk, and says it in words', () => {
    const view = progress({
      turnaround: [
        { days: 0, decided: 2, waiting: 1 },
        { days: 1, decided: 0, waiting: 0 },
        { days: 2, decided: 0, waiting: 1 },
      ],
      waitingRiskDays: 2,
      stillScoring: 3,
    });
    const { max, columns } = turnaroundColumns(view, FRAME);
    expect(max).toBe(3);
    // On a wide frame, three columns of at most 48 px from the left edge, each bar 70% of its slot.
    const wide = turnaroundColumns(view, { ...FRAME, width: 400 }).columns;
    expect(wide.map((c) => [c.x, c.width])).toEqual([
      [10 + 48 * 0.15, 48 * 0.7],
      [10 + 48 + 48 * 0.15, 48 * 0.7],
      [10 + 96 + 48 * 0.15, 48 * 0.7],
    ]);
    expect(columns.map((c) => [c.days, c.atRisk])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(columns[0]).toMatchObject({ bottom: 110, waitingTop: 10 });
    expect(columns[0]!.decidedTop).toBeCloseTo(110 - (2 / 3) * 100);
    expect(turnaroundSummary(view)).toBe(
      '2 decided, 2 waiting for a decision (1 of them for 2 days or more: at risk), 3 still being scored.',
    );
  });
});
