import '../viewers.css';
import { useMemo, useRef } from 'react';
import { useFetchedText } from '../common/useFetchedText';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import type { ViewerProps } from '../types';
import { PassageText } from './PassageText';
import { usePassages } from './usePassages';

/** Plain-text evidence (reflections, transcripts) set for reading: a narrow measure, generous leading. */
export function TextViewer(props: ViewerProps) {
  return <TextView key={props.url} {...props} />;
}

function TextView({ item, url, handleRef, markers }: ViewerProps) {
  const load = useFetchedText(url);
  const articleRef = useRef<HTMLElement>(null);
  const scope = `item:${item.id}`;
  const text = load.phase === 'ready' ? load.result.text : null;
  const texts = useMemo(() => (text === null ? null : new Map([[scope, text]])), [scope, text]);
  // A broken or empty file can still take a comment on the whole item.
  const passages = usePassages({
    rootRef: articleRef,
    texts,
    handleRef,
    markers,
    fallback: { kind: 'item', itemId: item.id },
  });

  if (load.phase === 'loading') return <LoadingState what="text" />;
  if (load.phase === 'error') return <ErrorState message={`This text could not be opened: ${load.problem}`} />;

  const { fallbackEncoding } = load.result;
  return (
    <div className="av-viewer av-text">
      {/* Focusable so keyboard users can scroll a long transcript with the arrow keys. */}
      <article
        ref={articleRef}
        className="av-text__article"
        aria-label={item.title}
        tabIndex={0}
        onFocus={passages.onFocus}
        onKeyDown={passages.onKeyDown}
        onMouseUp={passages.onMouseUp}
      >
        {fallbackEncoding && (
          <p className="av-note">
            This file is not valid UTF-8, so it is shown as {fallbackEncoding}. A few characters may be wrong.
          </p>
        )}
        {load.result.text.trim() ? (
          <>
            <p className="av-hint av-text__hint" aria-hidden="true">
              Select words, or Tab to a paragraph and use Shift+arrows, then <kbd>C</kbd> to comment
            </p>
            <PassageText scope={scope} text={load.result.text} className="av-text__body" />
          </>
        ) : (
          <p className="av-note">This text file is empty.</p>
        )}
        <p className="av-sr-only" aria-live="polite">
          {passages.status}
        </p>
      </article>
    </div>
  );
}
