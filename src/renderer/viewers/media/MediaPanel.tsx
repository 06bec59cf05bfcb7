import { MarkerStrip } from './MarkerStrip';
import { MediaControls } from './MediaControls';
import { RangeMarks } from './RangeMarks';
import type { MediaPlayerState } from './useMediaPlayer';

/**
 * What goes under a player: the comment markers (when there are any), the controls row and the
 * in/out marks for range comments.
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
      <RangeMarks
        marks={media.marks}
        disabled={load.phase !== 'ready'}
        onMarkIn={media.markIn}
        onMarkOut={media.markOut}
        onClear={media.clearMarks}
      />
    </>
  );
}
