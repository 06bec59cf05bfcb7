import 'video.js/dist/video-js.css';
import '../viewers.css';
import { useEffect, useRef } from 'react';
import videojs from 'video.js';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import { MediaPanel } from '../media/MediaPanel';
import type { MediaPlayer } from '../media/mediaPlayer';
import { PLAYBACK_RATES } from '../media/playbackRates';
import { useMediaPlayer } from '../media/useMediaPlayer';
import type { ViewerProps } from '../types';

type Player = ReturnType<typeof videojs>;

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

/** The shared media wiring's view of a video.js player. */
function videoJsPlayer(player: Player): MediaPlayer {
  return {
    time: () => player.currentTime() ?? 0,
    duration: () => player.duration() ?? Number.NaN,
    pause: () => player.pause(),
    seek: (seconds) => void player.currentTime(seconds),
    paused: () => player.paused(),
    play: () => player.play(),
    rate: () => player.playbackRate() ?? 1,
    setRate: (rate) => void player.playbackRate(rate),
    error: () => player.error(),
    readyState: () => player.readyState() ?? 0,
    on: (type, listener) => player.on(type, listener),
    off: (type, listener) => player.off(type, listener),
  };
}

function VideoView(props: ViewerProps) {
  const { item, url } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<Player | null>(null);
  const media = useMediaPlayer(props);
  const { load, attach } = media;
  const type = playableType(item.mediaType);
  const title = item.title;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // video.js replaces and later removes the element it is given, so it gets one React does not
    // own. Under StrictMode the first player is disposed and a second one built on a fresh element.
    const element = document.createElement('video-js');
    host.appendChild(element);

    const player = videojs(element, {
      controls: true,
      preload: 'auto',
      fill: true,
      playbackRates: [...PLAYBACK_RATES],
      // The alert below explains failures; video.js's own modal would say it twice.
      errorDisplay: false,
      // Our keyboard handling lives on the viewer (useMediaPlayer's onKeyDown), covering our buttons too.
      userActions: { hotkeys: false },
      controlBar: {
        // Our "Current time" readout replaces these; two clocks disagreeing by a tick is confusing.
        currentTimeDisplay: false,
        timeDivider: false,
        durationDisplay: false,
        remainingTimeDisplay: false,
        pictureInPictureToggle: false,
        // Allowed for the app's own origin (Permissions-Policy, and Electron's permission guard).
        fullscreenToggle: true,
      },
      sources: [{ src: url, type }],
    });
    playerRef.current = player;

    // Focusable, so keyboard users can reach the player and use the shortcuts on it.
    const playerEl = player.el() as HTMLElement;
    playerEl.tabIndex = 0;
    playerEl.setAttribute('aria-keyshortcuts', 'Space K J L ArrowLeft ArrowRight , .');

    const detach = attach(videoJsPlayer(player));
    player.on('seeked', () => performance.mark('anchor:video-seeked'));

    return () => {
      detach();
      playerRef.current = null;
      player.dispose();
    };
  }, [url, type, attach]);

  // Name the player after the evidence (video.js's default is a generic "Video Player").
  useEffect(() => {
    playerRef.current?.el()?.setAttribute('aria-label', `${title}, video player`);
  }, [title, url, type]);

  return (
    <div className="av-viewer av-media av-video" onKeyDown={media.onKeyDown}>
      <div className="av-video__stage" hidden={load.phase === 'error'}>
        <div ref={hostRef} className="av-video__host" />
        {load.phase === 'loading' && (
          <div className="av-overlay av-overlay--passive">
            <LoadingState what="video" />
          </div>
        )}
      </div>
      <MediaPanel media={media} />
      {load.phase === 'error' && <ErrorState message={`This video could not be played: ${load.problem}`} />}
    </div>
  );
}
