import { useEffect, useImperativeHandle, useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { EvidenceAnchor } from '../../../shared/domain/score';
import { quoted } from '../../../shared/review/export/anchor-label';
import { useLatest } from '../common/useLatest';
import type { ViewerHandle, ViewerMarker } from '../types';
import {
  focusedParagraph,
  paintHighlight,
  passageAnchor,
  rangeFor,
  scopeOf,
  selectedSpan,
  visibleParagraph,
  type PassageAnchor,
} from './passageDom';
import { findPassage, trimSpan, type Span } from './passageText';

/** How long a revealed passage stays highlighted. */
const FLASH_MS = 2500;
const COMMENTED = 'anchor-passage-comment';
const FLASHED = 'anchor-passage-flash';

/**
 * Passages of text for comments, shared by the text viewer and the written responses. Selecting
 * text with the mouse, or from the keyboard — Tab to a paragraph, ↑/↓ between paragraphs, ←/→
 * move by word, Shift+←/→ select by word, Shift+↑/↓ by sentence — and pressing C comments on it;
 * with nothing selected, C takes the focused paragraph, else the first one in view. Existing
 * passages are painted, and a revealed one is scrolled to and flashed.
 *
 * `texts` maps each scope ("prompt:<id>", "item:<id>") to its full text; `fallback` is the anchor
 * when there is no paragraph at all (null: publish no handle).
 */
export function usePassages({
  rootRef,
  texts,
  handleRef,
  markers,
  fallback,
}: {
  rootRef: { current: HTMLElement | null };
  texts: ReadonlyMap<string, string> | null;
  handleRef: Ref<ViewerHandle | null> | undefined;
  markers: readonly ViewerMarker[] | undefined;
  fallback: EvidenceAnchor | null;
}) {
  const [flash, setFlash] = useState<PassageAnchor | null>(null);
  const [status, setStatus] = useState('');
  const pending = useRef<PassageAnchor | null>(null);
  const latest = useLatest({ texts, fallback });

  /** A span of a scope as an anchor: trimmed, quoted from the source text. */
  function anchorOf(scope: string, span: Span): PassageAnchor | null {
    const text = latest.current.texts?.get(scope);
    const trimmed = text === undefined ? null : trimSpan(text, span);
    return text !== undefined && trimmed ? passageAnchor(scope, trimmed, text.slice(trimmed.start, trimmed.end)) : null;
  }

  /** The first text's first paragraph-worth: what a comment takes when the page offers nothing better. */
  function firstPassage(): PassageAnchor {
    for (const [scope, text] of latest.current.texts ?? []) {
      const anchor = anchorOf(scope, { start: 0, end: Math.min(text.length, 200) });
      if (anchor) return anchor;
    }
    throw new Error('no text to comment on');
  }

  function rangeOf(anchor: PassageAnchor): Range | null {
    const root = rootRef.current;
    const text = latest.current.texts?.get(scopeOf(anchor));
    const span = text === undefined ? null : findPassage(text, anchor);
    return root && span ? rangeFor(root, scopeOf(anchor), span) : null;
  }

  function reveal(anchor: PassageAnchor) {
    const range = rangeOf(anchor);
    if (!range) {
      if (!latest.current.texts) pending.current = anchor;
      return;
    }
    const start = range.startContainer.parentElement?.closest<HTMLElement>('[data-offset]');
    start?.scrollIntoView({ block: 'center' });
    setFlash(anchor);
  }

  const hasHandle = fallback !== null || [...(texts?.values() ?? [])].some((text) => text.trim() !== '');
  useImperativeHandle<ViewerHandle | null, ViewerHandle | null>(
    handleRef,
    () =>
      hasHandle
        ? {
            captureAnchor() {
              const root = rootRef.current;
              const found = root ? (selectedSpan(root) ?? focusedParagraph(root) ?? visibleParagraph(root)) : null;
              const anchor = found ? anchorOf(found.scope, found.span) : null;
              return anchor ?? latest.current.fallback ?? firstPassage();
            },
            reveal(anchor) {
              if (anchor.kind === 'passage') reveal(anchor);
            },
            position: () => ({}),
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the rest through `latest`
    [hasHandle],
  );

  // A reveal asked for while the text was still loading happens once it is on the page.
  useEffect(() => {
    if (!texts || !pending.current) return;
    const anchor = pending.current;
    pending.current = null;
    reveal(anchor);
  }, [texts]); // eslint-disable-line react-hooks/exhaustive-deps

  // Commented passages are painted; the painting is redone when the text or the comments change.
  useEffect(() => {
    const ranges = (markers ?? []).flatMap((m) => {
      if (m.anchor.kind !== 'passage' || !latest.current.texts?.has(scopeOf(m.anchor))) return [];
      const range = rangeOf(m.anchor);
      return range ? [range] : [];
    });
    paintHighlight(COMMENTED, ranges);
    return () => paintHighlight(COMMENTED, []);
  }, [markers, texts]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const range = flash ? rangeOf(flash) : null;
    paintHighlight(FLASHED, range ? [range] : []);
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => {
      clearTimeout(timer);
      paintHighlight(FLASHED, []);
    };
  }, [flash]); // eslint-disable-line react-hooks/exhaustive-deps

  // Roving focus: one paragraph at a time is in the Tab order (the first, until another is visited).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-passage-scope] [data-offset]')];
    if (!paragraphs.some((p) => p.tabIndex === 0)) paragraphs.forEach((p, i) => (p.tabIndex = i === 0 ? 0 : -1));
  });

  function announce() {
    const root = rootRef.current;
    const found = root ? selectedSpan(root) : null;
    const anchor = found ? anchorOf(found.scope, found.span) : null;
    setStatus(anchor ? `Selected ${quoted(anchor.quote)}. Press C to comment on it.` : '');
  }

  function onFocus(event: FocusEvent<HTMLElement>) {
    const paragraph = (event.target as Element).closest<HTMLElement>('[data-offset]');
    const root = rootRef.current;
    if (!paragraph || !root) return;
    for (const p of root.querySelectorAll<HTMLElement>('[data-offset]')) p.tabIndex = p === paragraph ? 0 : -1;
    // Put a caret at the paragraph's start so ←/→ and Shift+←/→ work from there.
    const selection = document.getSelection();
    if (selection && !paragraph.contains(selection.anchorNode)) selection.collapse(paragraph, 0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const paragraph = (event.target as Element).closest<HTMLElement>('[data-offset]');
    const root = rootRef.current;
    const selection = document.getSelection();
    if (!paragraph || !root || !selection || event.ctrlKey || event.metaKey || event.altKey) return;
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    if (!event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-passage-scope] [data-offset]')];
      const next = paragraphs[paragraphs.indexOf(paragraph) + (forward ? 1 : -1)];
      if (next) {
        next.focus();
        selection.collapse(next, 0);
        setStatus('');
      }
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      selection.modify(event.shiftKey ? 'extend' : 'move', forward ? 'forward' : 'backward', 'word');
      announce();
    } else if (event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      selection.modify('extend', forward ? 'forward' : 'backward', 'sentence');
      announce();
    } else if (event.key === 'Escape' && !selection.isCollapsed) {
      selection.collapseToStart();
      setStatus('');
    } else return;
    event.preventDefault();
  }

  return { status, onFocus, onKeyDown, onMouseUp: announce };
}
