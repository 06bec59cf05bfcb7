import '../viewers.css';
import { useMemo } from 'react';
import type { ViewerMarker } from '../types';
import { layoutTicks, stripSpan, tickPercent } from './markerLayout';

export interface MarkerStripProps {
  /** Media markers of this item (the caller filters). */
  markers: ReadonlyArray<ViewerMarker & { anchor: { kind: 'media' } }>;
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
  const sorted = useMemo(() => [...markers].sort((a, b) => a.anchor.seconds - b.anchor.seconds), [markers]);
  const times = useMemo(() => sorted.map((m) => m.anchor.seconds), [sorted]);
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
          return (
            <button
              key={marker.id}
              type="button"
              className="av-marker-tick"
              aria-label={marker.label}
              title={marker.label}
              style={{ left: `${tick?.percent ?? 0}%`, top: (tick?.lane ?? 0) * LANE_HEIGHT }}
              onClick={() => onActivate(marker.id)}
            />
          );
        })}
      </div>
    </div>
  );
}

/** The markers that belong on this item's timeline. */
export function mediaMarkersFor(
  markers: readonly ViewerMarker[] | undefined,
  itemId: string,
): Array<ViewerMarker & { anchor: { kind: 'media'; itemId: string; seconds: number } }> {
  return (markers ?? []).filter(
    (m): m is ViewerMarker & { anchor: { kind: 'media'; itemId: string; seconds: number } } =>
      m.anchor.kind === 'media' && m.anchor.itemId === itemId,
  );
}
