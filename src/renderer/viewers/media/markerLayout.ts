/** One tick on the media marker strip. */
export interface TickPlacement {
  /** Distance along the strip, 0–100. */
  percent: number;
  /** Row, from 0: ticks closer than the minimum gap stack so each stays clickable. */
  lane: number;
}

/** Ticks closer than this (percent of the strip) go to different lanes. */
export const MIN_TICK_GAP = 2.5;
/** Lanes stop here; beyond it ticks share the least crowded lane. */
export const MAX_LANES = 3;

/**
 * The time span the strip stands for. Normally the duration; while that is unknown (NaN) or
 * unbounded (Infinity, e.g. some recorded WebM files) the strip stretches a little past the
 * latest marker or the playhead so everything still fits.
 */
export function stripSpan(duration: number, times: readonly number[], current = 0): number {
  if (Number.isFinite(duration) && duration > 0) return duration;
  const latest = Math.max(1, current, ...times.filter(Number.isFinite));
  return latest * 1.1;
}

/** Percent along the strip for `seconds`, clamped to the strip. */
export function tickPercent(seconds: number, span: number): number {
  if (!Number.isFinite(seconds) || !(span > 0)) return 0;
  return Math.min(100, Math.max(0, (seconds / span) * 100));
}

/** Places ticks for `times` (any order), in the same order; nearby ticks get different lanes. */
export function layoutTicks(times: readonly number[], span: number, minGap = MIN_TICK_GAP): TickPlacement[] {
  const placed: TickPlacement[] = times.map((t) => ({ percent: tickPercent(t, span), lane: 0 }));
  const order = placed.map((_, index) => index).sort((a, b) => (placed[a]?.percent ?? 0) - (placed[b]?.percent ?? 0));
  // The rightmost edge used so far in each lane.
  const laneEnds: number[] = [];
  for (const index of order) {
    const tick = placed[index];
    if (!tick) continue;
    let lane = laneEnds.findIndex((end) => tick.percent - end >= minGap);
    if (lane < 0) {
      if (laneEnds.length < MAX_LANES) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = tick.percent;
    tick.lane = lane;
  }
  return placed;
}
