import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLatest } from '../common/useLatest';
import type { ViewerProps } from '../types';
import { mediaMarkersFor } from './MarkerStrip';
import {
  clampSeek,
  markedRange,
  mediaHandle,
  positionReporter,
  roundSeconds,
  useMediaHandle,
  type MediaMarks,
} from './mediaAnchors';
import { mediaKeyAction, seekTarget, SEEK_STEP_SECONDS, stepRate } from './mediaKeys';
import type { MediaPlayer } from './mediaPlayer';
import { mediaProblem } from './mediaProblem';

export type MediaLoad = { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; problem: string };

/** Events after which the position readout is read again. */
const TIME_EVENTS = ['timeupdate', 'durationchange', 'seeking', 'seeked'] as const;

/**
 * What the audio and video viewers share: load state, the time and speed readouts, restoring
 * initialPosition once, throttled position reports, the ViewerHandle, markers, ±5 s, speed and the
 * keyboard shortcuts. The viewer owns its player and hands it to `attach` from an effect, returning
 * what `attach` returns as the effect's cleanup.
 */
export function useMediaPlayer({
  item,
  url,
  handleRef,
  initialPosition,
  onPositionChange,
  markers,
  onMarkerActivate,
}: ViewerProps) {
  const playerRef = useRef<MediaPlayer | null>(null);
  const [load, setLoad] = useState<MediaLoad>({ phase: 'loading' });
  const [time, setTime] = useState({ current: 0, duration: Number.NaN });
  const [rate, setRate] = useState(1);
  const latest = useLatest({ initialPosition, onPositionChange });
  const timeline = useMemo(() => mediaMarkersFor(markers, item.id), [markers, item.id]);
  const [marks, setMarks] = useState<MediaMarks>({});
  const latestMarks = useLatest(marks);

  /** The marked range for "comment here"; taking it clears the marks so the next comment starts afresh. */
  const takeMarks = () => {
    const range = markedRange(item.id, latestMarks.current);
    if (range) setMarks({});
    return range;
  };
  useMediaHandle(handleRef, item.id, load.phase === 'ready', () => playerRef.current, takeMarks);

  const attach = useCallback(
    (player: MediaPlayer): (() => void) => {
      playerRef.current = player;
      let active = true;
      let restored = false;
      const reportPosition = positionReporter(() => latest.current.onPositionChange);
      const readTime = () => setTime({ current: player.time(), duration: player.duration() });
      const report = () => reportPosition(player.time());
      const ready = () => {
        if (!restored) {
          // Restore where the assessor left off, once, before they see the first frame.
          restored = true;
          const wanted = latest.current.initialPosition?.seconds;
          if (wanted !== undefined && wanted > 0) player.seek(clampSeek(wanted, player.duration()));
        }
        readTime();
        setLoad((current) => (current.phase === 'loading' ? { phase: 'ready' } : current));
      };
      const fail = () => {
        void mediaProblem(url, player.error()).then((problem) => {
          if (active) setLoad({ phase: 'error', problem });
        });
      };
      const readRate = () => setRate(player.rate());
      const listeners: Array<[type: string, listener: () => void]> = [
        ['loadedmetadata', ready],
        ['error', fail],
        ['ratechange', readRate],
        ...TIME_EVENTS.map((type): [string, () => void] => [type, readTime]),
        ['timeupdate', report],
        ['seeked', report],
      ];
      for (const [type, listener] of listeners) player.on(type, listener);
      // Catch up on anything that happened before the listeners went on.
      if (player.error()) fail();
      else if (player.readyState() >= HTMLMediaElement.HAVE_METADATA) ready();
      return () => {
        active = false;
        for (const [type, listener] of listeners) player.off(type, listener);
        reportPosition.flush();
        if (playerRef.current === player) playerRef.current = null;
      };
    },
    [url, latest],
  );

  function seekBy(seconds: number) {
    const player = playerRef.current;
    if (player) player.seek(seekTarget(player.time(), seconds, player.duration()));
  }

  /** Sets the in (or out) point at the current time; an out point before the in point swaps them. */
  function mark(which: 'start' | 'end') {
    const player = playerRef.current;
    if (!player) return;
    const now = roundSeconds(player.time());
    setMarks((current) => {
      const next = { ...current, [which]: now };
      if (next.start !== undefined && next.end !== undefined && next.end < next.start)
        return { start: next.end, end: next.start };
      return next;
    });
  }

  function setPlaybackRate(next: number) {
    playerRef.current?.setRate(next);
  }

  function onMarker(id: string) {
    if (onMarkerActivate) onMarkerActivate(id);
    else {
      const marker = timeline.find((m) => m.id === id);
      if (marker) mediaHandle(item.id, () => playerRef.current).reveal(marker.anchor);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const player = playerRef.current;
    const action = mediaKeyAction(event);
    if (!player || !action || load.phase !== 'ready') return;
    event.preventDefault();
    if (action === 'toggle') {
      if (player.paused()) void player.play()?.catch(() => undefined);
      else player.pause();
    } else if (action === 'back') seekBy(-SEEK_STEP_SECONDS);
    else if (action === 'forward') seekBy(SEEK_STEP_SECONDS);
    else if (action === 'mark-in') mark('start');
    else if (action === 'mark-out') mark('end');
    else setPlaybackRate(stepRate(player.rate(), action === 'faster' ? 1 : -1));
  }

  return {
    load,
    time,
    rate,
    timeline,
    marks,
    attach,
    seekBy,
    setPlaybackRate,
    markIn: () => mark('start'),
    markOut: () => mark('end'),
    clearMarks: () => setMarks({}),
    onMarker,
    onKeyDown,
  };
}

export type MediaPlayerState = ReturnType<typeof useMediaPlayer>;
