// Helpers every inline-SVG chart of the app shares (no chart dependency): the plot frame, where a
// value sits on it, and how UTC days are written under an axis. The hub buckets by UTC day, so
// every viewer reads the same day under the same point, written in their own words.

/** The SVG's size and the margins around the plotting area (axis labels live in the margins). */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The y of a value on a scale from 0 (bottom of the plot) to max (top). */
export function yOfValue(value: number, max: number, frame: ChartFrame): number {
  return frame.top + (1 - value / max) * (frame.height - frame.top - frame.bottom);
}

const DAY_LABEL = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A UTC day (YYYY-MM-DD, as the hub buckets) in the viewer's words, e.g. "2 Mar": the same day for every viewer. */
export function dayLabel(day: string): string {
  return DAY_LABEL.format(new Date(`${day}T00:00:00Z`));
}

/** Which days get a label under the axis: about `most` of them, evenly, always the first and the last. */
export function labelledDays<T>(days: readonly T[], most = 7): T[] {
  if (days.length <= most) return [...days];
  const step = Math.ceil((days.length - 1) / (most - 1));
  const last = days.length - 1;
  // A label too close before the last would run into it: the last wins.
  return days.filter((_, i) => i === last || (i % step === 0 && last - i > step / 2));
}
