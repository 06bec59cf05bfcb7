import type { DecisionProjection, ProgressDay, TurnaroundBar, WindowProgress } from '../contract/window-progress';
import { DAY_MS, dayIndex, utcDay } from '../domain/days';

// The window's progress, pure so the hub computes it and unit tests pin it down: cumulative counts
// per UTC day, the turnaround distribution, and a projection of the last decision. Days are UTC
// calendar days, so the hub gives every viewer the same days whatever its own time zone.

/** The decision pace is measured over this many days, today included. */
export const PACE_DAYS = 7;
/** With fewer days of history than this, no pace is projected: one or two days say too little. */
export const MIN_PACE_DAYS = 3;
/** A scored packet waiting this many whole days or more for its decision is at risk. */
export const WAITING_RISK_DAYS = 7;

/** What the hub knows of one packet in the window (epoch ms; null when it has not happened). */
export interface PacketTimeline {
  /** Its first assignment in the window. */
  assignedAt: number;
  /** When the last of its assessors' first scores arrived; null while one is missing. */
  scoredAt: number | null;
  /** Its first decision. */
  decidedAt: number | null;
  releasedAt: number | null;
}

/**
 * When a packet counts as scored: the hub refuses a decision while scoring is incomplete, so a
 * decided packet was scored by its decision even if an assessor was added to it afterwards.
 */
function scoredAt(packet: PacketTimeline): number | null {
  if (packet.decidedAt === null) return packet.scoredAt;
  return Math.min(packet.scoredAt ?? packet.decidedAt, packet.decidedAt);
}

/**
 * Cumulative counts at the end of every UTC day from the opening day to today, widened to any
 * earlier assignment (packets are often assigned before a window opens). Empty before the first day.
 */
export function progressDays(packets: readonly PacketTimeline[], opensAt: number, now: number): ProgressDay[] {
  let first = dayIndex(opensAt);
  for (const packet of packets) first = Math.min(first, dayIndex(packet.assignedAt));
  const last = dayIndex(now);
  if (last < first) return [];
  const width = last - first + 1;
  const zeros = () => new Array<number>(width).fill(0);
  const [assigned, scored, decided, released] = [zeros(), zeros(), zeros(), zeros()];
  // Each event lands on its day, clamped to the chart: none is later than today (the hub's clock
  // stamps every event), and one earlier than the first day (a packet first scored in another
  // window, before its assignment here) is counted from the first day on.
  const mark = (counts: number[], at: number | null) => {
    if (at !== null) counts[Math.max(Math.min(dayIndex(at), last), first) - first]! += 1;
  };
  for (const packet of packets) {
    mark(assigned, packet.assignedAt);
    mark(scored, scoredAt(packet));
    mark(decided, packet.decidedAt);
    mark(released, packet.releasedAt);
  }
  const days: ProgressDay[] = [];
  const total = { assigned: 0, scored: 0, decided: 0, released: 0 };
  for (let i = 0; i < width; i++) {
    total.assigned += assigned[i]!;
    total.scored += scored[i]!;
    total.decided += decided[i]!;
    total.released += released[i]!;
    days.push({ day: utcDay((first + i) * DAY_MS), ...total });
  }
  return days;
}

/**
 * Whole UTC days from a packet's last score to its decision (decided the day it was scored: 0),
 * or, undecided, to today. Every day from 0 to the longest has a bar. Packets still waiting for a
 * score are counted apart: they are not waiting for the committee.
 */
export function turnaround(
  packets: readonly PacketTimeline[],
  now: number,
): { bars: TurnaroundBar[]; stillScoring: number } {
  const decided: number[] = [];
  const waiting: number[] = [];
  let stillScoring = 0;
  for (const packet of packets) {
    const scored = scoredAt(packet);
    if (scored === null) stillScoring += 1;
    else if (packet.decidedAt !== null) decided.push(dayIndex(packet.decidedAt) - dayIndex(scored));
    else waiting.push(Math.max(0, dayIndex(now) - dayIndex(scored)));
  }
  const longest = Math.max(-1, ...decided, ...waiting);
  const bars: TurnaroundBar[] = Array.from({ length: longest + 1 }, (_, days) => ({ days, decided: 0, waiting: 0 }));
  for (const days of decided) bars[days]!.decided += 1;
  for (const days of waiting) bars[days]!.waiting += 1;
  return { bars, stillScoring };
}

/**
 * Where the last decision lands if the committee keeps the pace of the last PACE_DAYS days (today
 * included; before the first day nothing was decided). Says so instead of guessing when there is
 * nothing to decide, the window is younger than MIN_PACE_DAYS days, or nothing was decided lately.
 */
export function projectLastDecision(
  days: readonly ProgressDay[],
  packets: readonly PacketTimeline[],
  decisionsDueAt: number,
): DecisionProjection {
  if (packets.length === 0) return { kind: 'not-enough-data', reason: 'no-packets' };
  const decidedAt = packets.map((p) => p.decidedAt);
  if (decidedAt.every((at) => at !== null)) {
    return { kind: 'done', lastDecisionDay: utcDay(Math.max(...(decidedAt as number[]))) };
  }
  if (days.length < MIN_PACE_DAYS) return { kind: 'not-enough-data', reason: 'too-early' };
  const today = days.length - 1;
  const basisDays = Math.min(PACE_DAYS, days.length);
  const before = today - basisDays >= 0 ? days[today - basisDays]!.decided : 0;
  const decidedNow = days[today]!.decided;
  const recent = decidedNow - before;
  if (recent <= 0) return { kind: 'not-enough-data', reason: 'no-recent-decisions' };
  const todayIndex = dayIndex(Date.parse(`${days[today]!.day}T00:00:00Z`));
  // Whole numbers until the last step: (left / (recent / basisDays)) in floating point can land a hair above 9.
  const landsOnIndex = todayIndex + Math.ceil(((packets.length - decidedNow) * basisDays) / recent);
  return {
    kind: 'projected',
    perDay: Math.round((recent / basisDays) * 100) / 100,
    basisDays,
    landsOn: utcDay(landsOnIndex * DAY_MS),
    daysLate: landsOnIndex - dayIndex(decisionsDueAt),
  };
}

/** The whole progress summary of a window from its packets' timelines. */
export function windowProgress(
  packets: readonly PacketTimeline[],
  window: { opensAt: number; decisionsDueAt: number },
  now: number,
): Pick<
  WindowProgress,
  'today' | 'packets' | 'days' | 'turnaround' | 'stillScoring' | 'waitingRiskDays' | 'projection'
> {
  const days = progressDays(packets, window.opensAt, now);
  const { bars, stillScoring } = turnaround(packets, now);
  return {
    today: utcDay(now),
    packets: packets.length,
    days,
    turnaround: bars,
    stillScoring,
    waitingRiskDays: WAITING_RISK_DAYS,
    projection: projectLastDecision(days, packets, window.decisionsDueAt),
  };
}
