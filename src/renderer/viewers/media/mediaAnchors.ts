import { useImperativeHandle, type Ref } from 'react';
import { throttle, type Throttled } from '../common/throttle';
import { useLatest } from '../common/useLatest';
import type { EvidenceAnchor } from '../../../shared/domain/score';
import type { ViewerHandle, ViewerPosition } from '../types';

/** What the anchoring code needs of a player (video.js or a bare <audio>). */
export interface MediaAdapter {
  time(): number;
  duration(): number;
  pause(): void;
  seek(seconds: number): void;
  /** Optional so a test double may leave them out: without them the handle reports "not playing". */
  paused?(): boolean;
  play?(): unknown;
}

/** Anchor times are kept to a tenth of a second: finer than anyone can point, coarse enough to read. */
export function roundSeconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.round(seconds * 10) / 10;
}

/** Where to seek for an anchor: never before the start, nor past the end once the end is known. */
export function clampSeek(seconds: number, duration: number): number {
  const target = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  return Number.isFinite(duration) && duration > 0 ? Math.min(target, duration) : target;
}

/** In and out points marked for a range comment; either may be missing while the assessor marks. */
export interface MediaMarks {
  start?: number;
  end?: number;
}

/** The marked range as an anchor, or null until both points are set the right way round. */
export function markedRange(itemId: string, marks: MediaMarks): EvidenceAnchor | null {
  const { start, end } = marks;
  if (start === undefined || end === undefined || !(end > start)) return null;
  return { kind: 'media-range', itemId, start, end };
}

/**
 * The media viewers' handle: anchors are times, or the marked in–out range when there is one
 * (then `marks.take()` clears the marks, so the next comment starts afresh). Capturing pauses so
 * the moment stays on screen.
 */
export function mediaHandle(
  itemId: string,
  media: () => MediaAdapter | null,
  marks: { take(): EvidenceAnchor | null } = { take: () => null },
): ViewerHandle {
  return {
    captureAnchor() {
      const player = media();
      player?.pause();
      return marks.take() ?? { kind: 'media', itemId, seconds: roundSeconds(player?.time() ?? 0) };
    },
    reveal(anchor) {
      if ((anchor.kind !== 'media' && anchor.kind !== 'media-range') || anchor.itemId !== itemId) return;
      const player = media();
      if (!player) return;
      player.pause();
      player.seek(clampSeek(anchor.kind === 'media' ? anchor.seconds : anchor.start, player.duration()));
    },
    position() {
      const player = media();
      return player ? { seconds: roundSeconds(player.time()) } : {};
    },
    playing() {
      const player = media();
      return !!player?.paused && !player.paused();
    },
    resume() {
      void media()?.play?.();
    },
  };
}

/** Publishes the media handle once the media is ready (its metadata has loaded). */
export function useMediaHandle(
  handleRef: Ref<ViewerHandle | null> | undefined,
  itemId: string,
  ready: boolean,
  media: () => MediaAdapter | null,
  takeMarks: () => EvidenceAnchor | null,
): void {
  const latestMedia = useLatest(media);
  const latestTake = useLatest(takeMarks);
  useImperativeHandle<ViewerHandle | null, ViewerHandle | null>(
    handleRef,
    () => (ready ? mediaHandle(itemId, () => latestMedia.current(), { take: () => latestTake.current() }) : null),
    [ready, itemId, latestMedia, latestTake],
  );
}

/** How often, at most, a playing video reports its position. */
export const POSITION_INTERVAL_MS = 500;

/**
 * Reports media time changes to onPositionChange, throttled and without repeats. `flush()` on
 * unmount so the last position is not lost.
 */
export function positionReporter(
  listener: () => ((position: ViewerPosition) => void) | undefined,
): Throttled<[seconds: number]> {
  let last = Number.NaN;
  return throttle((seconds: number) => {
    const rounded = roundSeconds(seconds);
    if (rounded === last) return;
    last = rounded;
    listener()?.({ seconds: rounded });
  }, POSITION_INTERVAL_MS);
}
