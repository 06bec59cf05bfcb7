import type { ScorerQualityRow } from '../../../shared/contract/scorer-quality';
import { yOfValue, type ChartFrame } from '../../charts/axes';

// Pure helpers of the scorer-quality screen: how figures are written and where the charts draw them.

/** A share as a whole percent; a dash when the data cannot give it. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** A statistic to two decimals; a dash when undefined. */
export function decimal(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** A signed level difference: +0.50 lenient, −0.50 severe. */
export function severityText(value: number | null): string {
  if (value === null) return '—';
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${value > 0 ? '+' : '−'}${fixed}`;
}

export function minutesText(value: number | null): string {
  if (value === null) return '—';
  return value < 90 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1)} h`;
}

export const STATUS_LABELS: Record<ScorerQualityRow['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  recalibrating: 'Paused until requalified',
};

/** Line colours for the trend chart's assessors, told apart by dash pattern too. */
export const SERIES_STYLES = [
  { colour: '#1f5fbf', dash: '' },
  { colour: '#b3261e', dash: '6 3' },
  { colour: '#1e7a3c', dash: '2 3' },
  { colour: '#8a4fbf', dash: '10 3 2 3' },
  { colour: '#b06a00', dash: '4 4' },
] as const;

type DailyRow = Pick<ScorerQualityRow, 'assessorId' | 'username' | 'daily'>;

export interface DayPointOnChart {
  x: number;
  y: number;
  exact: number;
  day: string;
}

/**
 * The daily trend as SVG: one x per UTC day of the window (the union of the assessors' days, oldest
 * left), y the day's exact agreement, 100% at the top. A day without compared scorings breaks the
 * line: each assessor's line is the runs of consecutive days with a value, so a gap reads as a gap.
 */
export function dailyLines(
  scorers: readonly DailyRow[],
  frame: ChartFrame,
): {
  days: { day: string; x: number }[];
  lines: { assessorId: string; username: string; segments: DayPointOnChart[][] }[];
} {
  const days = [...new Set(scorers.flatMap((s) => s.daily.map((d) => d.day)))].sort();
  const innerWidth = frame.width - frame.left - frame.right;
  const xOf = (i: number) => frame.left + (days.length <= 1 ? innerWidth / 2 : (i / (days.length - 1)) * innerWidth);
  const index = new Map(days.map((day, i) => [day, i]));
  const lines = scorers
    .filter((s) => s.daily.some((d) => d.exact !== null))
    .map((s) => {
      const segments: DayPointOnChart[][] = [];
      let run: DayPointOnChart[] = [];
      let previous = -2;
      for (const point of s.daily) {
        const i = index.get(point.day)!;
        if (point.exact === null) continue;
        if (i !== previous + 1 && run.length > 0) {
          segments.push(run);
          run = [];
        }
        run.push({ x: xOf(i), y: yOfShare(point.exact, frame), exact: point.exact, day: point.day });
        previous = i;
      }
      if (run.length > 0) segments.push(run);
      return { assessorId: s.assessorId, username: s.username, segments };
    });
  return { days: days.map((day, i) => ({ day, x: xOf(i) })), lines };
}

/** The y of a share on the frame (for the policy's minimum line and the axis ticks). */
export function yOfShare(share: number, frame: ChartFrame): number {
  return yOfValue(share, 1, frame);
}

/** A scorer's use of the scale as shares of their chosen levels, position 1 first. */
export function scaleShares(scaleUse: readonly number[]): number[] {
  const total = scaleUse.reduce((sum, n) => sum + n, 0);
  return scaleUse.map((n) => (total === 0 ? 0 : n / total));
}
