import '../viewers.css';
import { useEffect, useRef } from 'react';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import { MediaPanel } from '../media/MediaPanel';
import { elementPlayer } from '../media/mediaPlayer';
import { useMediaPlayer } from '../media/useMediaPlayer';
import type { ViewerProps } from '../types';

/** Audio evidence on the browser's own <audio controls>, plus ±5 s, speed and a position readout. */
export function AudioViewer(props: ViewerProps) {
  return <AudioView key={props.url} {...props} />;
}

function AudioView(props: ViewerProps) {
  const { item, url } = props;
  const audioRef = useRef<HTMLAudioElement>(null);
  const media = useMediaPlayer(props);
  const { load, attach } = media;

  // Listeners go on natively from an effect: with a fast local file the media events can fire
  // between React creating the element and committing it, and React drops events for elements
  // it has not committed yet. attach() then also catches up on anything that already happened.
  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    return attach(elementPlayer(audio));
  }, [attach]);

  return (
    <div
      className="av-viewer av-media av-audio"
      onKeyDown={(event) => {
        // The native controls handle their own keys when focused.
        if (event.target !== audioRef.current) media.onKeyDown(event);
      }}
    >
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
        <MediaPanel media={media} />
      </div>
      {load.phase === 'error' && <ErrorState message={`This audio recording could not be played: ${load.problem}`} />}
    </div>
  );
}
