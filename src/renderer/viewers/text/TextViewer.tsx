import '../viewers.css';
import { useFetchedText } from '../common/useFetchedText';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import { useItemHandle } from '../common/useItemHandle';
import type { ViewerProps } from '../types';

/** Plain-text evidence (reflections, transcripts) set for reading: a narrow measure, generous leading. */
export function TextViewer(props: ViewerProps) {
  return <TextView key={props.url} {...props} />;
}

function TextView({ item, url, handleRef }: ViewerProps) {
  useItemHandle(handleRef, item.id);
  const load = useFetchedText(url);

  if (load.phase === 'loading') return <LoadingState what="text" />;
  if (load.phase === 'error') return <ErrorState message={`This text could not be opened: ${load.problem}`} />;

  const { text, fallbackEncoding } = load.result;
  return (
    <div className="av-viewer av-text">
      {/* Focusable so keyboard users can scroll a long transcript with the arrow keys. */}
      <article className="av-text__article" aria-label={item.title} tabIndex={0}>
        {fallbackEncoding && (
          <p className="av-note">
            This file is not valid UTF-8, so it is shown as {fallbackEncoding}. A few characters may be wrong.
          </p>
        )}
        {text.trim() ? (
          <div className="av-text__body">{text}</div>
        ) : (
          <p className="av-note">This text file is empty.</p>
        )}
      </article>
    </div>
  );
}
