import { MarkerStrip } from './MarkerStrip';
import { MediaControls } from './MediaControls';
import type { MediaPlayerState } from './useMediaPlayer';

/**
 * What goes under a player: the comment markers (when there are any) and the controls row.
 * Nothing once the media has failed; the viewer shows its error instead.
 */
export function MediaPanel({ media }: { media: MediaPlayerState }) {
  const { load, time, rate, timeline } = media;
  if (load.phase === 'error') return null;
  return (
    <>
      {timeline.length > 0 && (
        <MarkerStrip markers={timeline} duration={time.duration} current={time.current} onActivate={media.onMarker} />
      )}
      <MediaControls
        current={time.current}
        duration={time.duration}
        rate={rate}
        disabled={load.phase !== 'ready'}
        onSeekBy={media.seekBy}
        onRate={media.setPlaybackRate}
      />
    </>
  );
}
