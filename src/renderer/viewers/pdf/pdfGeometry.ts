/**
 * Geometry for PDF anchors, kept free of the DOM so it can be unit-tested.
 *
 * ANCHOR RECT CONVENTION (EvidenceAnchor pdf.rect): PDF points (1/72 inch, PDF user space units),
 * measured from the TOP-LEFT corner of the page as stored in the file — the page's view box (its
 * crop box), before any /Rotate — with x growing rightwards and y growing DOWNWARDS. width and
 * height are always positive. Zoom, the viewer's rotation and the pane size do not change it, so a
 * rect drawn at 150% reappears in the same place at 50%. To get PDF user space (origin bottom-left,
 * y upwards), e.g. for pdf-lib: pdfX = viewBox[0] + x, pdfY = viewBox[3] - y - height.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The parts of pdf.js's PageViewport used here (a page view's `viewport`). */
export interface ViewportLike {
  /** Size of the rendered page in CSS pixels at the viewport's scale. */
  width: number;
  height: number;
  /** [x1, y1, x2, y2] of the page in PDF user space. */
  viewBox: number[];
  convertToPdfPoint(x: number, y: number): number[];
  convertToViewportPoint(x: number, y: number): number[];
}

/** Box of the page as percentages of its rendered size, ready for CSS left/top/width/height. */
export interface PercentBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Two decimals, and never -0 (it would survive into saved anchors). */
const round2 = (value: number) => Math.round(value * 100) / 100 || 0;

function box(ax: number, ay: number, bx: number, by: number): Rect {
  return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

function pair(values: number[]): [number, number] {
  return [values[0] ?? 0, values[1] ?? 0];
}

/** A rect in viewport (rendered page) pixels → an anchor rect (see the convention above). */
export function viewportRectToAnchorRect(rect: Rect, viewport: ViewportLike): Rect {
  const [x1, y1] = pair(viewport.convertToPdfPoint(rect.x, rect.y));
  const [x2, y2] = pair(viewport.convertToPdfPoint(rect.x + rect.width, rect.y + rect.height));
  const left = viewport.viewBox[0] ?? 0;
  const top = viewport.viewBox[3] ?? 0;
  // PDF user space has y upwards; the anchor measures down from the top edge.
  const pdf = box(x1 - left, top - y1, x2 - left, top - y2);
  return { x: round2(pdf.x), y: round2(pdf.y), width: round2(pdf.width), height: round2(pdf.height) };
}

/** An anchor rect → viewport (rendered page) pixels, honouring the page's rotation. */
export function anchorRectToViewportRect(rect: Rect, viewport: ViewportLike): Rect {
  const left = viewport.viewBox[0] ?? 0;
  const top = viewport.viewBox[3] ?? 0;
  const [x1, y1] = pair(viewport.convertToViewportPoint(left + rect.x, top - rect.y));
  const [x2, y2] = pair(viewport.convertToViewportPoint(left + rect.x + rect.width, top - rect.y - rect.height));
  return box(x1, y1, x2, y2);
}

/** An anchor rect as percentages of the rendered page, so it follows zoom without recalculation. */
export function anchorRectToPercent(rect: Rect, viewport: ViewportLike): PercentBox {
  const r = anchorRectToViewportRect(rect, viewport);
  const w = viewport.width || 1;
  const h = viewport.height || 1;
  return { left: (r.x / w) * 100, top: (r.y / h) * 100, width: (r.width / w) * 100, height: (r.height / h) * 100 };
}

/** The PDF user-space point at the centre of an anchor rect (for an XYZ destination). */
export function anchorRectCentre(rect: Rect, viewBox: number[]): [number, number] {
  return [(viewBox[0] ?? 0) + rect.x + rect.width / 2, (viewBox[3] ?? 0) - rect.y - rect.height / 2];
}

/** The rect spanned by a drag from `start` to `end`, clamped to a page of `size`. */
export function dragRect(start: Point, end: Point, size: { width: number; height: number }): Rect {
  const clampX = (v: number) => Math.min(Math.max(v, 0), size.width);
  const clampY = (v: number) => Math.min(Math.max(v, 0), size.height);
  return box(clampX(start.x), clampY(start.y), clampX(end.x), clampY(end.y));
}

/** Smallest rect containing all of `rects`, ignoring empty ones; null when none is left. */
export function unionRects(rects: Iterable<Rect>): Rect | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    if (!(r.width > 0 && r.height > 0)) continue;
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return x1 === Infinity ? null : { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The part of `rect` inside `bounds`, or null when they do not overlap. */
export function intersectRect(rect: Rect, bounds: Rect): Rect | null {
  const x1 = Math.max(rect.x, bounds.x);
  const y1 = Math.max(rect.y, bounds.y);
  const x2 = Math.min(rect.x + rect.width, bounds.x + bounds.width);
  const y2 = Math.min(rect.y + rect.height, bounds.y + bounds.height);
  return x2 > x1 && y2 > y1 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : null;
}

/** Longest quote kept from a selection. */
export const MAX_QUOTE = 500;

/** Selected text as a quote: whitespace runs (pdf.js line breaks) become one space; at most MAX_QUOTE characters. */
export function quoteFromSelection(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_QUOTE) return flat;
  return `${flat.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
}

/** Pins (markers without a rect) sit in a row along the page's top-left, this far apart in CSS pixels. */
export const PIN_SPACING = 26;
/** Inset of the first pin from the page corner, in CSS pixels. */
export const PIN_INSET = 6;

/** Left offset, in CSS pixels, of the `index`-th pin on a page. */
export function pinOffset(index: number): number {
  return PIN_INSET + index * PIN_SPACING;
}

/** A drag shorter than this (CSS pixels) in both directions is a click, not a box. */
export const MIN_DRAG = 4;

export function isMeaningfulDrag(rect: Rect): boolean {
  return rect.width >= MIN_DRAG || rect.height >= MIN_DRAG;
}
