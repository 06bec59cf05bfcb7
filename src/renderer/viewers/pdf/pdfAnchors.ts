import type { EvidenceAnchor } from '../../../shared/domain/score';
import type { ViewerHandle, ViewerMarker, ViewerPosition } from '../types';
import type { PdfEngine, PdfPageView } from './pdfEngine';
import {
  anchorRectCentre,
  dragRect,
  intersectRect,
  isMeaningfulDrag,
  quoteFromSelection,
  unionRects,
  viewportRectToAnchorRect,
  type Point,
  type Rect,
} from './pdfGeometry';
import { PdfMarkerLayer, type PdfMark } from './pdfMarkers';

type PdfAnchor = Extract<EvidenceAnchor, { kind: 'pdf' }>;

/** The page's content box in client coordinates (pdf.js may give pages a border). */
function pageBox(div: HTMLElement): Rect {
  const r = div.getBoundingClientRect();
  return {
    x: r.left + div.clientLeft,
    y: r.top + div.clientTop,
    width: r.width - div.clientLeft * 2,
    height: r.height - div.clientTop * 2,
  };
}

/** A rect in client coordinates, over page `view` → an anchor rect in PDF points. */
function clientRectToAnchor(rect: Rect, view: PdfPageView): Rect {
  const page = pageBox(view.div);
  const factor = page.width > 0 ? view.viewport.width / page.width : 1;
  return viewportRectToAnchorRect(
    {
      x: (rect.x - page.x) * factor,
      y: (rect.y - page.y) * factor,
      width: rect.width * factor,
      height: rect.height * factor,
    },
    view.viewport,
  );
}

function elementOf(node: Node | null): Element | null {
  if (!node) return null;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function pageNumberOf(element: Element | null): number | null {
  const page = element?.closest<HTMLElement>('.page[data-page-number]');
  const number = Number(page?.dataset.pageNumber);
  return Number.isInteger(number) && number > 0 ? number : null;
}

/** Client rects of the selected text inside `pageDiv` (text nodes only: whole-element boxes such as pdf.js's stretched end-of-content div would swamp the union). */
function selectedTextRects(range: Range, pageDiv: HTMLElement): Rect[] {
  const rects: Rect[] = [];
  const walker = document.createTreeWalker(pageDiv, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const part = document.createRange();
    part.selectNodeContents(node);
    if (node === range.startContainer) part.setStart(node, range.startOffset);
    if (node === range.endContainer) part.setEnd(node, range.endOffset);
    for (const r of part.getClientRects()) rects.push({ x: r.left, y: r.top, width: r.width, height: r.height });
  }
  return rects;
}

interface DrawState {
  pointerId: number;
  view: PdfPageView;
  /** Start and current pointer, in CSS pixels from the page's top-left. */
  start: Point;
  box: HTMLDivElement;
  rect: Rect;
}

/**
 * Everything that ties comments to places in a PDF: reading the text selection, box drawing,
 * revealing anchors and showing markers. Lives as long as one engine (one document).
 */
export class PdfAnchoring implements ViewerHandle {
  readonly #marks: PdfMarkerLayer;
  #lastSelection: Omit<PdfAnchor, 'kind' | 'itemId'> | null = null;
  #selectionFrame = 0;
  #draw: DrawState | null = null;
  #lifetime = new AbortController();

  constructor(
    private readonly itemId: string,
    private readonly container: HTMLElement,
    private readonly engine: PdfEngine,
    onActivate: (id: string) => void,
  ) {
    this.#marks = new PdfMarkerLayer((page) => engine.pageView(page), onActivate);
    // An assessor selects a passage, then presses the review screen's "Comment" button or moves
    // into the comment box, which may drop the selection: remember the last one made here.
    document.addEventListener('selectionchange', () => this.#onSelectionChange(), { signal: this.#lifetime.signal });
  }

  // ---- ViewerHandle ---------------------------------------------------------------------------

  captureAnchor(): EvidenceAnchor {
    const selected = this.#readSelection() ?? this.#lastSelection;
    if (selected) return { kind: 'pdf', itemId: this.itemId, ...selected };
    return { kind: 'pdf', itemId: this.itemId, page: this.engine.viewer.currentPageNumber || 1 };
  }

  reveal(anchor: EvidenceAnchor): void {
    if (anchor.kind !== 'pdf' || anchor.itemId !== this.itemId) return;
    const viewer = this.engine.viewer;
    const page = Math.min(Math.max(Math.round(anchor.page), 1), viewer.pagesCount);
    const view = this.engine.pageView(page);
    if (!view) return;
    if (anchor.rect) {
      // Centre the rect in the pane (pdf.js clamps at the document's edges).
      const [x, y] = anchorRectCentre(anchor.rect, view.viewport.viewBox);
      viewer.scrollPageIntoView({
        pageNumber: page,
        destArray: [null, { name: 'XYZ' }, x, y, null],
        ignoreDestinationZoom: true,
        center: 'both',
      });
    } else {
      viewer.scrollPageIntoView({ pageNumber: page });
    }
    this.#marks.flash(page, anchor.rect);
  }

  position(): ViewerPosition {
    return { page: this.engine.viewer.currentPageNumber || 1 };
  }

  // ---- Markers ----------------------------------------------------------------------------------

  setMarkers(markers: readonly ViewerMarker[]): void {
    const marks: PdfMark[] = [];
    for (const { id, anchor, label } of markers) {
      if (anchor.kind !== 'pdf' || anchor.itemId !== this.itemId) continue;
      marks.push(anchor.rect ? { id, label, page: anchor.page, rect: anchor.rect } : { id, label, page: anchor.page });
    }
    this.#marks.setMarks(marks);
  }

  pagesInitialised(): void {
    this.#marks.syncAll();
  }

  pageDrawn(page: number): void {
    this.#marks.sync(page);
  }

  // ---- Box drawing ----------------------------------------------------------------------------

  get isDrawing(): boolean {
    return this.#draw !== null;
  }

  /** Starts a box where the pointer went down; false when that is not on a page. */
  beginDraw(event: { pointerId: number; clientX: number; clientY: number; target: EventTarget | null }): boolean {
    this.cancelDraw();
    const page = pageNumberOf(event.target instanceof Element ? event.target : null);
    const view = page ? this.engine.pageView(page) : undefined;
    if (!view) return false;
    const bounds = pageBox(view.div);
    const start = { x: event.clientX - bounds.x, y: event.clientY - bounds.y };
    const box = document.createElement('div');
    box.className = 'av-pdf-drawbox';
    box.setAttribute('aria-hidden', 'true');
    view.div.append(box);
    this.#draw = { pointerId: event.pointerId, view, start, box, rect: { ...start, width: 0, height: 0 } };
    this.#placeDrawBox();
    return true;
  }

  moveDraw(event: { pointerId: number; clientX: number; clientY: number }): void {
    const draw = this.#draw;
    if (!draw || draw.pointerId !== event.pointerId) return;
    const bounds = pageBox(draw.view.div);
    draw.rect = dragRect(draw.start, { x: event.clientX - bounds.x, y: event.clientY - bounds.y }, bounds);
    this.#placeDrawBox();
  }

  /** Finishes the box: its anchor, or null for a mere click (the caller stays in draw mode). */
  endDraw(event: { pointerId: number; clientX: number; clientY: number }): PdfAnchor | null {
    const draw = this.#draw;
    if (!draw || draw.pointerId !== event.pointerId) return null;
    this.moveDraw(event);
    this.cancelDraw();
    if (!isMeaningfulDrag(draw.rect)) return null;
    const bounds = pageBox(draw.view.div);
    const client = { ...draw.rect, x: draw.rect.x + bounds.x, y: draw.rect.y + bounds.y };
    return { kind: 'pdf', itemId: this.itemId, page: draw.view.id, rect: clientRectToAnchor(client, draw.view) };
  }

  cancelDraw(): void {
    this.#draw?.box.remove();
    this.#draw = null;
  }

  destroy(): void {
    this.#lifetime.abort();
    cancelAnimationFrame(this.#selectionFrame);
    this.cancelDraw();
    this.#marks.destroy();
  }

  // ---- Internals --------------------------------------------------------------------------------

  #placeDrawBox(): void {
    const draw = this.#draw;
    if (!draw) return;
    const { x, y, width, height } = draw.rect;
    Object.assign(draw.box.style, { left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px` });
  }

  /** The live selection, when it starts or ends in this document's text layer. */
  #readSelection(): Omit<PdfAnchor, 'kind' | 'itemId'> | null {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const inText = (element: Element | null) =>
      element && this.container.contains(element) && element.closest('.textLayer') ? element : null;
    const anchorElement = inText(elementOf(range.startContainer)) ?? inText(elementOf(range.endContainer));
    const page = pageNumberOf(anchorElement);
    const view = page ? this.engine.pageView(page) : undefined;
    if (!page || !view) return null;
    const quote = quoteFromSelection(selection.toString());
    if (!quote) return null;
    const bounds = pageBox(view.div);
    const union = unionRects(
      selectedTextRects(range, view.div)
        .map((r) => intersectRect(r, bounds))
        .filter((r): r is Rect => r !== null),
    );
    return union ? { page, quote, rect: clientRectToAnchor(union, view) } : { page, quote };
  }

  #onSelectionChange(): void {
    cancelAnimationFrame(this.#selectionFrame);
    this.#selectionFrame = requestAnimationFrame(() => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      if (selection.isCollapsed) {
        // A click in the document drops the remembered selection; focus moving elsewhere keeps it.
        if (this.container.contains(selection.anchorNode)) this.#lastSelection = null;
        return;
      }
      // A new selection anywhere else replaces it too.
      this.#lastSelection = this.#readSelection();
    });
  }
}
