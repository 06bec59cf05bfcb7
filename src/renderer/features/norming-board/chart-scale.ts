/** One bar of a level distribution: its level, count and geometry in the chart's own units. */
export interface Bar {
  levelId: string;
  label: string;
  count: number;
  /** Share of the anchor's counted scores, 0..1. */
  share: number;
  x: number;
  width: number;
  height: number;
  isMaster: boolean;
}

export interface ChartLayout {
  bars: Bar[];
  /** The count the full height stands for: the largest count, at least 1 (so no bar divides by 0). */
  max: number;
  total: number;
  /** Whole-number gridlines from 0 to max (at most five, so they stay legible). */
  ticks: number[];
}

/**
 * Lays out a level distribution as vertical bars, levels in rubric order (lowest first), with
 * heights proportional to the counts against a shared maximum: every anchor's chart of one
 * criterion uses the same `max`, so bar heights compare across anchors.
 */
export function layoutBars(
  levels: readonly { id: string; label: string }[],
  counts: Readonly<Record<string, number>>,
  masterLevelId: string | null,
  { width, height, gap = 8, max: sharedMax }: { width: number; height: number; gap?: number; max?: number },
): ChartLayout {
  const values = levels.map((l) => counts[l.id] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const max = Math.max(1, sharedMax ?? 0, ...values);
  const slot = levels.length ? width / levels.length : width;
  const bars = levels.map((level, i) => ({
    levelId: level.id,
    label: level.label,
    count: values[i]!,
    share: total ? values[i]! / total : 0,
    x: i * slot + gap / 2,
    width: Math.max(1, slot - gap),
    height: (values[i]! / max) * height,
    isMaster: level.id === masterLevelId,
  }));
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return { bars, max, total, ticks };
}
