import type { ScorerQualityRow } from '../../../shared/contract/scorer-quality';

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

export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Each assessor's trend as SVG points: x is the point's position (a point per block of compared
 * scorings), y the exact agreement, 0% at the bottom and 100% at the top of the frame.
 */
export function trendLines(
  scorers: readonly Pick<ScorerQualityRow, 'assessorId' | 'username' | 'trend'>[],
  frame: ChartFrame,
): { assessorId: string; username: string; points: { x: number; y: number; exact: number; label: string }[] }[] {
  const longest = Math.max(1, ...scorers.map((s) => s.trend.length));
  const innerWidth = frame.width - frame.left - frame.right;
  const innerHeight = frame.height - frame.top - frame.bottom;
  const xOf = (i: number) => frame.left + (longest === 1 ? innerWidth / 2 : (i / (longest - 1)) * innerWidth);
  return scorers
    .filter((s) => s.trend.length > 0)
    .map((s) => ({
      assessorId: s.assessorId,
      username: s.username,
      points: s.trend.map((point, i) => ({
        x: xOf(i),
        y: frame.top + (1 - point.exact) * innerHeight,
        exact: point.exact,
        label: `scorings ${point.from}–${point.to}`,
      })),
    }));
}

/** The y of a share on the frame (for the policy's minimum line and the axis ticks). */
export function yOfShare(share: number, frame: ChartFrame): number {
  return frame.top + (1 - share) * (frame.height - frame.top - frame.bottom);
}

/** A scorer's use of the scale as shares of their chosen levels, position 1 first. */
export function scaleShares(scaleUse: readonly number[]): number[] {
  const total = scaleUse.reduce((sum, n) => sum + n, 0);
  return scaleUse.map((n) => (total === 0 ? 0 : n / total));
}
