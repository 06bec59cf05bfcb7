/**
 * Passages of text for comments, as character offsets into the text as the packet holds it.
 * Free of the DOM so it can be unit tested; passageDom.ts maps these offsets to the page.
 */

export interface Paragraph {
  /** Offset of the paragraph's first character in the whole text. */
  start: number;
  text: string;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Paragraphs as the reader sees them (split at blank lines), each with its offset in the whole
 * text, so offsets measured inside a paragraph on the page can be turned back into offsets of
 * the text. Blank-only paragraphs are dropped; they hold nothing to point at.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    paragraphs.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  paragraphs.push({ start, text: text.slice(start) });
  return paragraphs.filter((p) => p.text.trim() !== '');
}

/**
 * Where a stored passage is in `text` now: at its offsets when the quote is still there, else at
 * the occurrence of the quote nearest to where it was (a re-exported packet may shift text), else
 * nowhere.
 */
export function findPassage(text: string, passage: { start: number; end: number; quote: string }): Span | null {
  if (text.slice(passage.start, passage.end) === passage.quote) return { start: passage.start, end: passage.end };
  if (!passage.quote) return null;
  let best: number | null = null;
  for (let at = text.indexOf(passage.quote); at >= 0; at = text.indexOf(passage.quote, at + 1)) {
    if (best === null || Math.abs(at - passage.start) < Math.abs(best - passage.start)) best = at;
  }
  return best === null ? null : { start: best, end: best + passage.quote.length };
}

/** Trims whitespace off both ends of a span, so a sloppy selection still quotes cleanly. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}
