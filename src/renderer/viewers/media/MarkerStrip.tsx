import '../viewers.css';
import { useMemo } from 'react';
import type { ViewerMarker } from '../types';
import { layoutTicks, stripSpan, tickPercent } from './markerLayout';

export interface MarkerStripProps {
  /** Media markers of this item (the caller filters). */
  markers: readonly MediaMarker[];
  duration: number;
  current: number;
  onActivate(id: string): void;
}

/** Pixels between lanes of stacked ticks; matches .av-marker-tick's height in viewers.css. */
const LANE_HEIGHT = 22;

/**
 * Comments on a media item as ticks along a strip under the player, in time order (so Tab walks
 * them left to right). Each tick is a button named by the marker's label.
 */
export function MarkerStrip({ markers, duration, current, onActivate }: MarkerStripProps) {
  const sorted = useMemo(() => [...markers].sort((a, b) => a.seconds - b.seconds), [markers]);
  const times = useMemo(() => sorted.map((m) => m.seconds), [sorted]);
  const span = stripSpan(duration, times, current);
  const ticks = useMemo(() => layoutTicks(times, span), [times, span]);
  const lanes = ticks.reduce((most, tick) => Math.max(most, tick.lane + 1), 1);

  return (
    <div className="av-marker-strip" role="group" aria-label="Comment markers">
      <div className="av-marker-strip__track" style={{ height: lanes * LANE_HEIGHT }}>
        <div className="av-marker-strip__rail" aria-hidden="true" />
        <div
          className="av-marker-strip__playhead"
          aria-hidden="true"
          style={{ left: `${tickPercent(current, span)}%` }}
        />
        {sorted.map((marker, index) => {
          const tick = ticks[index];
          // A range shows as a band from its tick to its end, behind the ticks.
          const width = marker.end !== undefined ? tickPercent(marker.end, span) - (tick?.percent ?? 0) : 0;
          return (
            <button
              key={marker.id}
              type="button"
              className={`av-marker-tick${marker.end !== undefined ? ' av-marker-tick--range' : ''}`}
              aria-label={marker.label}
              title={marker.label}
              style={{
                left: `${tick?.percent ?? 0}%`,
                top: (tick?.lane ?? 0) * LANE_HEIGHT,
                ...(width > 0 ? { width: `max(${width}%, 10px)` } : {}),
              }}
              onClick={() => onActivate(marker.id)}
            />
          );
        })}
      </div>
    </div>
  );
}

/** A comment on the timeline: a moment (seconds) or a range (seconds to end). */
export interface MediaMarker extends ViewerMarker {
  seconds: number;
  end?: number;
}

/** The markers that belong on this item's timeline: its moments and ranges. */
export function mediaMarkersFor(markers: readonly ViewerMarker[] | undefined, itemId: string): MediaMarker[] {
  const timeline: MediaMarker[] = [];
  for (const marker of markers ?? []) {
    const { anchor } = marker;
    if (anchor.itemId !== itemId) continue;
    if (anchor.kind === 'media') timeline.push({ ...marker, seconds: anchor.seconds });
    else if (anchor.kind === 'media-range') timeline.push({ ...marker, seconds: anchor.start, end: anchor.end });
  }
  return timeline;
}
