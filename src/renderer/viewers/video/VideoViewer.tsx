import 'video.js/dist/video-js.css';
import '../viewers.css';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import videojs from 'video.js';
import { useLatest } from '../common/useLatest';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import { MarkerStrip, mediaMarkersFor } from '../media/MarkerStrip';
import { clampSeek, mediaHandle, positionReporter, useMediaHandle } from '../media/mediaAnchors';
import { MediaControls } from '../media/MediaControls';
import { mediaKeyAction, seekTarget, SEEK_STEP_SECONDS, stepRate } from '../media/mediaKeys';
import { mediaProblem } from '../media/mediaProblem';
import { PLAYBACK_RATES } from '../media/playbackRates';
import type { ViewerProps } from '../types';

type Player = ReturnType<typeof videojs>;
type Load = { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; problem: string };

/**
 * Browsers decline type="video/quicktime" even though Chromium plays most .mov files (H.264 in
 * an MP4-family container), so ask for them as MP4 rather than refusing up front.
 */
function playableType(mediaType: string): string {
  return mediaType === 'video/quicktime' ? 'video/mp4' : mediaType;
}

/** Classroom video on video.js, with our own ±5 s, speed and position controls underneath. */
export function VideoViewer(props: ViewerProps) {
  return <VideoView key={props.url} {...props} />;
}

function VideoView({
  item,
  url,
  handleRef,
  initialPosition,
  onPositionChange,
  markers,
  onMarkerActivate,
}: ViewerProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<Player | null>(null);
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [time, setTime] = useState({ current: 0, duration: Number.NaN });
  const [rate, setRate] = useState(1);
  const type = playableType(item.mediaType);
  const title = item.title;
  const latest = useLatest({ initialPosition, onPositionChange });
  const timeline = useMemo(() => mediaMarkersFor(markers, item.id), [markers, item.id]);

  const adapter = () => {
    const player = playerRef.current;
    if (!player) return null;
    return {
      time: () => player.currentTime() ?? 0,
      duration: () => player.duration() ?? Number.NaN,
      pause: () => player.pause(),
      seek: (seconds: number) => void player.currentTime(seconds),
    };
  };
  useMediaHandle(handleRef, item.id, load.phase === 'ready', adapter);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // video.js replaces and later removes the element it is given, so it gets one React does not
    // own. Under StrictMode the first player is disposed and a second one built on a fresh element.
    const element = document.createElement('video-js');
    host.appendChild(element);
    let disposed = false;

    const player = videojs(element, {
      controls: true,
      preload: 'auto',
      fill: true,
      playbackRates: [...PLAYBACK_RATES],
      // The alert below explains failures; video.js's own modal would say it twice.
      errorDisplay: false,
      // Our keyboard handling lives on the viewer (see onKeyDown), covering our buttons too.
      userActions: { hotkeys: false },
      controlBar: {
        // Our "Current time" readout replaces these; two clocks disagreeing by a tick is confusing.
        currentTimeDisplay: false,
        timeDivider: false,
        durationDisplay: false,
        remainingTimeDisplay: false,
        pictureInPictureToggle: false,
      },
      sources: [{ src: url, type }],
    });
    playerRef.current = player;

    // Focusable, so keyboard users can reach the player and use the shortcuts on it.
    const playerEl = player.el() as HTMLElement;
    playerEl.tabIndex = 0;
    playerEl.setAttribute('aria-keyshortcuts', 'Space K J L ArrowLeft ArrowRight , .');

    const readTime = () => {
      if (disposed) return;
      setTime({ current: player.currentTime() ?? 0, duration: player.duration() ?? Number.NaN });
    };
    player.on(['timeupdate', 'durationchange', 'seeking', 'seeked', 'loadedmetadata'], readTime);
    player.on('seeked', () => performance.mark('anchor:video-seeked'));
    const reportPosition = positionReporter(() => latest.current.onPositionChange);
    player.on(['timeupdate', 'seeked'], () => {
      if (!disposed) reportPosition(player.currentTime() ?? 0);
    });
    player.one('loadedmetadata', () => {
      // Restore where the assessor left off, once, before they see the first frame.
      const wanted = latest.current.initialPosition?.seconds;
      if (!disposed && wanted !== undefined && wanted > 0)
        player.currentTime(clampSeek(wanted, player.duration() ?? Number.NaN));
    });
    player.on('loadedmetadata', () => {
      if (!disposed) setLoad({ phase: 'ready' });
    });
    player.on('ratechange', () => {
      if (!disposed) setRate(player.playbackRate() ?? 1);
    });
    player.on('error', () => {
      const error = player.error();
      void mediaProblem(url, error).then((problem) => {
        if (!disposed) setLoad({ phase: 'error', problem });
      });
    });

    return () => {
      disposed = true;
      reportPosition.flush();
      playerRef.current = null;
      player.dispose();
    };
  }, [url, type, latest]);

  // Name the player after the evidence (video.js's default is a generic "Video Player").
  useEffect(() => {
    playerRef.current?.el()?.setAttribute('aria-label', `${title}, video player`);
  }, [title, url, type]);

  function seekBy(seconds: number) {
    const player = playerRef.current;
    if (!player) return;
    player.currentTime(seekTarget(player.currentTime() ?? 0, seconds, player.duration() ?? Number.NaN));
  }

  function setPlaybackRate(next: number) {
    playerRef.current?.playbackRate(next);
  }

  function onMarker(id: string) {
    if (onMarkerActivate) onMarkerActivate(id);
    else {
      const marker = timeline.find((m) => m.id === id);
      if (marker) mediaHandle(item.id, adapter).reveal(marker.anchor);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const player = playerRef.current;
    const action = mediaKeyAction(event);
    if (!player || !action || load.phase !== 'ready') return;
    event.preventDefault();
    if (action === 'toggle') {
      if (player.paused()) void player.play()?.catch(() => undefined);
      else player.pause();
    } else if (action === 'back') seekBy(-SEEK_STEP_SECONDS);
    else if (action === 'forward') seekBy(SEEK_STEP_SECONDS);
    else setPlaybackRate(stepRate(player.playbackRate() ?? 1, action === 'faster' ? 1 : -1));
  }

  return (
    <div className="av-viewer av-media av-video" onKeyDown={onKeyDown}>
      <div className="av-video__stage" hidden={load.phase === 'error'}>
        <div ref={hostRef} className="av-video__host" />
        {load.phase === 'loading' && (
          <div className="av-overlay av-overlay--passive">
            <LoadingState what="video" />
          </div>
        )}
      </div>
      {load.phase !== 'error' && timeline.length > 0 && (
        <MarkerStrip markers={timeline} duration={time.duration} current={time.current} onActivate={onMarker} />
      )}
      {load.phase === 'error' ? (
        <ErrorState message={`This video could not be played: ${load.problem}`} />
      ) : (
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
  );
}
