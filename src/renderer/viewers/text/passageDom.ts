/**
 * Maps passages (offsets into a text) to the page and back. The markup contract: a scope element
 * [data-passage-scope="prompt:<id>" | "item:<id>"] holds paragraph elements [data-offset="<n>"]
 * whose text is exactly the source text from offset n (see splitParagraphs).
 */
import type { EvidenceAnchor } from '../../../shared/domain/score';
import type { Span } from './passageText';

export type PassageAnchor = Extract<EvidenceAnchor, { kind: 'passage' }>;

/** "prompt:analysis" / "item:notes": which text a scope element shows. */
export function scopeOf(anchor: PassageAnchor): string {
  return anchor.promptId !== undefined ? `prompt:${anchor.promptId}` : `item:${anchor.itemId ?? ''}`;
}

export function passageAnchor(scope: string, span: Span, quote: string): PassageAnchor {
  const [kind, id = ''] = scope.split(/:(.*)/s);
  return kind === 'prompt'
    ? { kind: 'passage', promptId: id, start: span.start, end: span.end, quote }
    : { kind: 'passage', itemId: id, start: span.start, end: span.end, quote };
}

/** A point in the page as (scope, offset into its text), or null outside any paragraph. */
function pointOffset(node: Node, offset: number): { scope: HTMLElement; offset: number } | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>('[data-offset]');
  const scope = paragraph?.closest<HTMLElement>('[data-passage-scope]');
  if (!paragraph || !scope) return null;
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return { scope, offset: Number(paragraph.dataset.offset) + range.toString().length };
}

/** The selected passage inside `root` as (scope, span), or null when nothing (or more than one text) is selected. */
export function selectedSpan(root: HTMLElement): { scope: string; span: Span } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = pointOffset(range.startContainer, range.startOffset);
  const end = pointOffset(range.endContainer, range.endOffset);
  if (!start || !end || start.scope !== end.scope) return null;
  return { scope: start.scope.dataset.passageScope ?? '', span: { start: start.offset, end: end.offset } };
}

/** The paragraph holding the keyboard focus, as (scope, its whole span). */
export function focusedParagraph(root: HTMLElement): { scope: string; span: Span; element: HTMLElement } | null {
  const active = document.activeElement;
  const paragraph =
    active instanceof HTMLElement && root.contains(active) ? active.closest<HTMLElement>('[data-offset]') : null;
  return paragraph ? paragraphSpan(paragraph) : null;
}

/** The first paragraph at least partly in view: "where the reader is", when nothing is selected. */
export function visibleParagraph(root: HTMLElement): { scope: string; span: Span; element: HTMLElement } | null {
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-passage-scope] [data-offset]')];
  const top = Math.max(scrollParent(root)?.getBoundingClientRect().top ?? 0, 0);
  const visible = paragraphs.find((p) => p.getBoundingClientRect().bottom > top + 4) ?? paragraphs[0];
  return visible ? paragraphSpan(visible) : null;
}

function paragraphSpan(element: HTMLElement) {
  const start = Number(element.dataset.offset);
  const scope = element.closest<HTMLElement>('[data-passage-scope]')?.dataset.passageScope ?? '';
  return { scope, span: { start, end: start + (element.textContent ?? '').length }, element };
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** A DOM range over a span of a scope's text, or null when the scope or the offsets are not on the page. */
export function rangeFor(root: HTMLElement, scope: string, span: Span): Range | null {
  const scopeElement = [...root.querySelectorAll<HTMLElement>('[data-passage-scope]')].find(
    (element) => element.dataset.passageScope === scope,
  );
  if (!scopeElement) return null;
  const start = locate(scopeElement, span.start, false);
  const end = locate(scopeElement, span.end, true);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** The text node and offset for an offset into the scope's text (an end prefers the earlier paragraph). */
function locate(scope: HTMLElement, offset: number, isEnd: boolean): { node: Node; offset: number } | null {
  for (const paragraph of scope.querySelectorAll<HTMLElement>('[data-offset]')) {
    const start = Number(paragraph.dataset.offset);
    const length = (paragraph.textContent ?? '').length;
    const inside = isEnd ? offset > start && offset <= start + length : offset >= start && offset < start + length;
    if (!inside) continue;
    let left = offset - start;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const size = (node.textContent ?? '').length;
      if (left < size || (isEnd && left === size)) return { node, offset: left };
      left -= size;
    }
  }
  return null;
}

/** Paints ranges with a named CSS highlight (no DOM changes, so React's tree stays its own). */
export function paintHighlight(name: string, ranges: Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
  else CSS.highlights.delete(name);
}
