import type { MediaAdapter } from './mediaAnchors';

/**
 * What the shared media wiring (useMediaPlayer) needs of a player: a bare <audio>/<video>, or a
 * video.js player wrapped by its viewer. Times are in seconds; duration() is NaN while unknown.
 */
export interface MediaPlayer extends MediaAdapter {
  paused(): boolean;
  play(): Promise<unknown> | undefined;
  rate(): number;
  setRate(rate: number): void;
  error(): { code?: number; message?: string } | null | undefined;
  /** HTMLMediaElement.readyState, or 0 while the player cannot tell yet. */
  readyState(): number;
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
}

/** A MediaPlayer over a native <audio> or <video> element. */
export function elementPlayer(element: HTMLMediaElement): MediaPlayer {
  return {
    time: () => element.currentTime,
    duration: () => element.duration,
    pause: () => element.pause(),
    seek: (seconds) => {
      element.currentTime = seconds;
    },
    paused: () => element.paused,
    play: () => element.play(),
    rate: () => element.playbackRate,
    setRate: (rate) => {
      element.playbackRate = rate;
    },
    error: () => element.error,
    readyState: () => element.readyState,
    on: (type, listener) => element.addEventListener(type, listener),
    off: (type, listener) => element.removeEventListener(type, listener),
  };
}
