import '../viewers.css';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLatest } from '../common/useLatest';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import { MarkerStrip, mediaMarkersFor } from '../media/MarkerStrip';
import { clampSeek, mediaHandle, positionReporter, useMediaHandle } from '../media/mediaAnchors';
import { MediaControls } from '../media/MediaControls';
import { mediaKeyAction, seekTarget, SEEK_STEP_SECONDS, stepRate } from '../media/mediaKeys';
import { mediaProblem } from '../media/mediaProblem';
import type { ViewerProps } from '../types';

type Load = { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; problem: string };

/** Audio evidence on the browser's own <audio controls>, plus ±5 s, speed and a position readout. */
export function AudioViewer(props: ViewerProps) {
  return <AudioView key={props.url} {...props} />;
}

function AudioView({
  item,
  url,
  handleRef,
  initialPosition,
  onPositionChange,
  markers,
  onMarkerActivate,
}: ViewerProps) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [time, setTime] = useState({ current: 0, duration: Number.NaN });
  const [rate, setRate] = useState(1);
  const latest = useLatest({ initialPosition, onPositionChange });
  const timeline = useMemo(() => mediaMarkersFor(markers, item.id), [markers, item.id]);

  const adapter = () => {
    const audio = audioRef.current;
    if (!audio) return null;
    return {
      time: () => audio.currentTime,
      duration: () => audio.duration,
      pause: () => audio.pause(),
      seek: (seconds: number) => {
        audio.currentTime = seconds;
      },
    };
  };
  useMediaHandle(handleRef, item.id, load.phase === 'ready', adapter);

  // Listeners go on natively from an effect: with a fast local file the media events can fire
  // between React creating the element and committing it, and React drops events for elements
  // it has not committed yet. The effect then also catches up on anything that already happened.
  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    let active = true;
    let restored = false;
    const reportPosition = positionReporter(() => latest.current.onPositionChange);
    const readTime = () => setTime({ current: audio.currentTime, duration: audio.duration });
    const report = () => reportPosition(audio.currentTime);
    const ready = () => {
      if (!restored) {
        // Restore where the assessor left off, once.
        restored = true;
        const wanted = latest.current.initialPosition?.seconds;
        if (wanted !== undefined && wanted > 0) audio.currentTime = clampSeek(wanted, audio.duration);
      }
      readTime();
      setLoad((current) => (current.phase === 'loading' ? { phase: 'ready' } : current));
    };
    const fail = () => {
      void mediaProblem(url, audio.error).then((problem) => {
        if (active) setLoad({ phase: 'error', problem });
      });
    };
    const readRate = () => setRate(audio.playbackRate);
    const timeEvents = ['timeupdate', 'durationchange', 'seeking', 'seeked'] as const;
    audio.addEventListener('loadedmetadata', ready);
    audio.addEventListener('error', fail);
    audio.addEventListener('ratechange', readRate);
    for (const type of timeEvents) audio.addEventListener(type, readTime);
    audio.addEventListener('timeupdate', report);
    audio.addEventListener('seeked', report);
    if (audio.error) fail();
    else if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) ready();
    return () => {
      active = false;
      audio.removeEventListener('loadedmetadata', ready);
      audio.removeEventListener('error', fail);
      audio.removeEventListener('ratechange', readRate);
      for (const type of timeEvents) audio.removeEventListener(type, readTime);
      audio.removeEventListener('timeupdate', report);
      audio.removeEventListener('seeked', report);
      reportPosition.flush();
    };
  }, [url, latest]);

  function seekBy(seconds: number) {
    const audio = audioRef.current;
    if (audio) audio.currentTime = seekTarget(audio.currentTime, seconds, audio.duration);
  }

  function setPlaybackRate(next: number) {
    if (audioRef.current) audioRef.current.playbackRate = next;
  }

  function onMarker(id: string) {
    if (onMarkerActivate) onMarkerActivate(id);
    else {
      const marker = timeline.find((m) => m.id === id);
      if (marker) mediaHandle(item.id, adapter).reveal(marker.anchor);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const audio = audioRef.current;
    // The native controls handle their own keys when focused.
    if (event.target === audio) return;
    const action = mediaKeyAction(event);
    if (!audio || !action || load.phase !== 'ready') return;
    event.preventDefault();
    if (action === 'toggle') {
      if (audio.paused) void audio.play().catch(() => undefined);
      else audio.pause();
    } else if (action === 'back') seekBy(-SEEK_STEP_SECONDS);
    else if (action === 'forward') seekBy(SEEK_STEP_SECONDS);
    else setPlaybackRate(stepRate(audio.playbackRate, action === 'faster' ? 1 : -1));
  }

  return (
    <div className="av-viewer av-media av-audio" onKeyDown={onKeyDown}>
      <div className="av-audio__card" hidden={load.phase === 'error'}>
        <svg className="av-audio__glyph" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
          <path
            d="M6 24h4M14 16v16M20 10v28M26 18v12M32 13v22M38 20v8M42 24h0"
            fill="none"
            stroke="currentColor"
            strokeWidth="3"
            strokeLinecap="round"
          />
        </svg>
        <audio
          ref={audioRef}
          className="av-audio__element"
          controls
          preload="metadata"
          src={url}
          aria-label={item.title}
        />
        {load.phase === 'loading' && <LoadingState what="audio" />}
        {load.phase !== 'error' && timeline.length > 0 && (
          <MarkerStrip markers={timeline} duration={time.duration} current={time.current} onActivate={onMarker} />
        )}
        {load.phase !== 'error' && (
          <MediaControls
            current={time.current}
            duration={time.duration}
            rate={rate}
            disabled={load.phase !== 'ready'}
            onSeekBy={seekBy}
            onRate={setPlaybackRate}
          />
        )}
      </div>
      {load.phase === 'error' && <ErrorState message={`This audio recording could not be played: ${load.problem}`} />}
    </div>
  );
}
