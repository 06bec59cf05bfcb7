import { useMemo, useRef, type Ref } from 'react';
import type { PacketManifest } from '../../../shared/packet/manifest';
import { PassageText, usePassages, type ViewerHandle, type ViewerMarker } from '../../viewers';

/**
 * The candidate's answers to the credential's prompts, in readable typography. Passages can be
 * selected for comments (mouse, or Tab to a paragraph and Shift+arrows), like a text viewer's.
 */
export function WrittenResponses({
  manifest,
  handleRef,
  markers,
}: {
  manifest: PacketManifest;
  handleRef?: Ref<ViewerHandle | null>;
  markers?: ViewerMarker[];
}) {
  const articleRef = useRef<HTMLElement>(null);
  const texts = useMemo(
    () => new Map(manifest.prompts.map((prompt) => [`prompt:${prompt.id}`, prompt.response])),
    [manifest.prompts],
  );
  const passages = usePassages({ rootRef: articleRef, texts, handleRef, markers, fallback: null });
  return (
    <article
      ref={articleRef}
      className="reading"
      aria-label="Written responses"
      tabIndex={0}
      onFocus={passages.onFocus}
      onKeyDown={passages.onKeyDown}
      onMouseUp={passages.onMouseUp}
    >
      <p className="muted small" aria-hidden="true">
        Select words, or Tab to a paragraph and use Shift+arrows, then <kbd>C</kbd> to comment on the passage.
      </p>
      {manifest.prompts.map((prompt, index) => (
        <section key={prompt.id} aria-labelledby={`prompt-${prompt.id}`}>
          <h3 id={`prompt-${prompt.id}`}>
            Prompt {index + 1}. {prompt.text}
          </h3>
          {prompt.response.trim() ? (
            <PassageText scope={`prompt:${prompt.id}`} text={prompt.response} />
          ) : (
            <p className="missing">The candidate did not answer this prompt.</p>
          )}
        </section>
      ))}
      <p className="av-sr-only" aria-live="polite">
        {passages.status}
      </p>
    </article>
  );
}
