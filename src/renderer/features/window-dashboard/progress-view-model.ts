import type { WindowProgress } from '../../../shared/contract/window-progress';
import { DAY_MS, dayIndex, utcDay } from '../../../shared/domain/days';
import { dayLabel, labelledDays, yOfValue, type ChartFrame } from '../../charts/axes';

// Pure helpers of the dashboard's progress charts: the sentence above them and where the lines,
// markers and bars are drawn. Days are the hub's UTC days, labelled in the viewer's words.

/** A projection far past the due date still draws, but the axis stops this many days after it. */
const PROJECTION_REACH_DAYS = 14;

const dayNumber = (day: string) => dayIndex(Date.parse(`${day}T00:00:00Z`));
const dayOf = (number: number) => utcDay(number * DAY_MS);
const utcDayOf = (iso: string) => utcDay(Date.parse(iso));
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** "2 days after the due date", "3 days before the due date", "on the due date". */
function againstDue(daysLate: number): string {
  if (daysLate === 0) return 'on the due date';
  return `${days(Math.abs(daysLate))} ${daysLate > 0 ? 'after' : 'before'} the due date`;
}

/** The one sentence above the chart: will the window's decisions land by the due date? */
export function projectionSentence(progress: WindowProgress): string {
  const { projection } = progress;
  const due = dayLabel(utcDayOf(progress.window.decisionsDueAt));
  const decided = progress.days.at(-1)?.decided ?? 0;
  switch (projection.kind) {
    case 'done': {
      const late = dayNumber(projection.lastDecisionDay) - dayNumber(utcDayOf(progress.window.decisionsDueAt));
      const all = progress.packets === 1 ? 'The one packet is' : `All ${progress.packets} packets are`;
      return `${all} decided; the last on ${dayLabel(projection.lastDecisionDay)}, ${againstDue(late)} (${due}).`;
    }
    case 'projected':
      return (
        `At this pace (${projection.perDay} ${projection.perDay === 1 ? 'decision' : 'decisions'} a day over the last ${days(projection.basisDays)}) the last ` +
        `decision lands on ${dayLabel(projection.landsOn)}, ${againstDue(projection.daysLate)} (${due}).`
      );
    case 'not-enough-data':
      switch (projection.reason) {
        case 'no-packets':
          return 'No packets in this window yet: nothing to project.';
        case 'too-early':
          return `Not enough data to project the last decision yet: the window is ${days(progress.days.length)} old. ${decided} of ${progress.packets} decided.`;
        case 'no-recent-decisions':
          return `Not enough data to project the last decision: nothing was decided in the last ${days(Math.min(7, progress.days.length))}. ${decided} of ${progress.packets} decided.`;
      }
  }
}

export type ProgressSeriesKey = 'scored' | 'decided' | 'released';
export const PROGRESS_SERIES: { key: ProgressSeriesKey; label: string; colour: string; dash: string }[] = [
  { key: 'scored', label: 'Fully scored', colour: '#1f5fbf', dash: '' },
  { key: 'decided', label: 'Decided', colour: '#1e7a3c', dash: '6 3' },
  { key: 'released', label: 'Released', colour: '#8a4fbf', dash: '2 3' },
];

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ProgressChartModel {
  /** The top of the y axis: the window's packets (at least 1). */
  max: number;
  yTicks: { value: number; y: number }[];
  xLabels: { day: string; x: number }[];
  series: { key: ProgressSeriesKey; label: string; colour: string; dash: string; points: string }[];
  /** Straight from nothing decided on the opening day to every packet decided on the decisions-due day. */
  ideal: Segment;
  /** Today's decided count carried at the recent pace to the projected day (cut at the axis' end). */
  projection: Segment | null;
  markers: { key: 'closes' | 'due' | 'today'; label: string; x: number }[];
}

/**
 * The progress chart's geometry: a day per x from the first day with counts to the later of today,
 * the window's close, the decisions-due day and the projected last decision (at most
 * PROJECTION_REACH_DAYS past the due day); y from 0 to the window's packets.
 */
export function progressChart(progress: WindowProgress, frame: ChartFrame): ProgressChartModel {
  const opening = dayNumber(utcDayOf(progress.window.opensAt));
  const closes = dayNumber(utcDayOf(progress.window.closesAt));
  const due = dayNumber(utcDayOf(progress.window.decisionsDueAt));
  const today = dayNumber(progress.today);
  const first = Math.min(opening, progress.days[0] ? dayNumber(progress.days[0].day) : opening);
  const landsOn = progress.projection.kind === 'projected' ? dayNumber(progress.projection.landsOn) : -Infinity;
  const last = Math.max(today, closes, due, Math.min(landsOn, due + PROJECTION_REACH_DAYS));
  const span = Math.max(1, last - first);
  const innerWidth = frame.width - frame.left - frame.right;
  const xOf = (day: number) => frame.left + ((day - first) / span) * innerWidth;
  const max = Math.max(1, progress.packets);
  const yOf = (value: number) => yOfValue(value, max, frame);

  const allDays = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  // About four ticks, whole packets, the top one the window's total; one too close below it would collide.
  const step = max <= 4 ? 1 : Math.ceil(max / 4);
  const yTicks = [];
  for (let value = 0; max - value > step / 2; value += step) yTicks.push({ value, y: yOf(value) });
  yTicks.push({ value: max, y: yOf(max) });

  let projection: Segment | null = null;
  if (progress.projection.kind === 'projected') {
    const decided = progress.days.at(-1)?.decided ?? 0;
    const end = Math.min(landsOn, last);
    // Cut at the axis' end: the line stops where the axis does, at the height it reaches by then.
    const reached = landsOn === today ? max : decided + ((max - decided) * (end - today)) / (landsOn - today);
    projection = { x1: xOf(today), y1: yOf(decided), x2: xOf(end), y2: yOf(reached) };
  }
  return {
    max,
    yTicks,
    xLabels: labelledDays(allDays).map((day) => ({ day: dayOf(day), x: xOf(day) })),
    series: PROGRESS_SERIES.map((s) => ({
      ...s,
      points: progress.days.map((d) => `${xOf(dayNumber(d.day))},${yOf(d[s.key])}`).join(' '),
    })),
    ideal: { x1: xOf(opening), y1: yOf(0), x2: xOf(due), y2: yOf(max) },
    projection,
    markers: [
      { key: 'closes', label: `closes ${dayLabel(dayOf(closes))}`, x: xOf(closes) },
      { key: 'due', label: `decisions due ${dayLabel(dayOf(due))}`, x: xOf(due) },
      { key: 'today', label: 'today', x: xOf(today) },
    ],
  };
}

const MAX_COLUMN = 48;

export interface TurnaroundColumn {
  days: number;
  decided: number;
  waiting: number;
  /** Waiting at least the risk threshold: drawn in the at-risk colour. */
  atRisk: boolean;
  x: number;
  width: number;
  decidedTop: number;
  waitingTop: number;
  bottom: number;
}

/** The turnaround chart's columns, one per whole day from 0 to the longest, decided stacked under waiting. */
export function turnaroundColumns(
  progress: WindowProgress,
  frame: ChartFrame,
): { max: number; columns: TurnaroundColumn[] } {
  const bars = progress.turnaround;
  const max = Math.max(1, ...bars.map((b) => b.decided + b.waiting));
  const innerWidth = frame.width - frame.left - frame.right;
  // A column never wider than MAX_COLUMN: one bar alone should not read as a wall.
  const slot = Math.min(MAX_COLUMN, innerWidth / Math.max(1, bars.length));
  const bottom = frame.height - frame.bottom;
  return {
    max,
    columns: bars.map((bar, i) => ({
      ...bar,
      atRisk: bar.waiting > 0 && bar.days >= progress.waitingRiskDays,
      x: frame.left + i * slot + slot * 0.15,
      width: slot * 0.7,
      decidedTop: yOfValue(bar.decided, max, frame),
      waitingTop: yOfValue(bar.decided + bar.waiting, max, frame),
      bottom,
    })),
  };
}

/** The words under the turnaround chart: how many wait, how many too long, how many are still being scored. */
export function turnaroundSummary(progress: WindowProgress): string {
  const waiting = progress.turnaround.reduce((sum, b) => sum + b.waiting, 0);
  const late = progress.turnaround
    .filter((b) => b.days >= progress.waitingRiskDays)
    .reduce((sum, b) => sum + b.waiting, 0);
  const decided = progress.turnaround.reduce((sum, b) => sum + b.decided, 0);
  return (
    `${decided} decided, ${waiting} waiting for a decision (${late} of them for ${days(progress.waitingRiskDays)} or more: at risk), ` +
    `${progress.stillScoring} still being scored.`
  );
}
