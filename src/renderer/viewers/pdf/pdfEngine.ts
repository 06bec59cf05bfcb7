import { AnnotationEditorType, type PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdf, pdfLoadProblem } from './loadPdf';
import type { ViewportLike } from './pdfGeometry';
import { EventBus, LinkTarget, PDFFindController, PDFLinkService, PDFViewer } from './pdfjsViewer';

/** pdf.js RenderingStates.FINISHED. */
const RENDERING_FINISHED = 3;

/** The parts of pdf.js's page views we touch (their typings are private). */
interface PageViewHandle {
  id: number;
  renderingState: number;
  reset(): void;
  pdfPage?: { cleanup(): boolean } | null;
}

/**
 * A page view as the anchoring code sees it. `div` is the `.page` element: it exists (sized) for
 * every page from the start, but pdf.js empties it whenever the page is reset (scrolled far away,
 * re-zoomed), so anything added to it must be re-added after 'pagerendered'.
 */
export interface PdfPageView {
  id: number;
  div: HTMLDivElement;
  /** `scale` is CSS pixels per PDF point. */
  viewport: ViewportLike & { scale: number };
}

/**
 * Frees the canvases and decoded images of rendered pages that are neither visible nor next to
 * a visible page. PDFViewer alone keeps the last ten pages rendered; on image-heavy scans that
 * is ~200 MB, so Anchor keeps only what is on screen plus one page either side. Pages are
 * re-rendered when they come back into view.
 */
function trimRenderedPages(viewer: PDFViewer): void {
  const internals = viewer as unknown as {
    _getVisiblePages(): { ids: Set<number> };
    getPageView(index: number): PageViewHandle | undefined;
    pagesCount: number;
  };
  const visible = internals._getVisiblePages().ids;
  if (visible.size === 0) return;
  const keep = new Set<number>();
  for (const id of visible)
    keep
      .add(id - 1)
      .add(id)
      .add(id + 1);
  for (let index = 0; index < internals.pagesCount; index++) {
    const page = internals.getPageView(index);
    if (!page || keep.has(page.id) || page.renderingState !== RENDERING_FINISHED) continue;
    page.reset();
    page.pdfPage?.cleanup();
  }
}

/** How long rendering must be quiet before pages out of view are cleaned up. */
const IDLE_CLEANUP_MS = 800;

export interface FindCount {
  /** pdf.js FindState; see findStatus.ts. */
  state: number;
  current: number;
  total: number;
}

export interface PdfEngineEvents {
  onLoaded(pageCount: number): void;
  onFailed(problem: string): void;
  onPageChange(pageNumber: number): void;
  onScaleChange(scale: number, presetValue: string | undefined): void;
  onFindCount(count: Partial<FindCount>): void;
  /** The page views exist (sized, not yet drawn) and the initial zoom is set: pages can be scrolled to. */
  onPagesInit?(): void;
  /** A page's canvas or text layer was (re)drawn; its `.page` div may have been emptied first. */
  onPageDrawn?(pageNumber: number): void;
}

export interface PdfEngine {
  viewer: PDFViewer;
  /** The view of page `pageNumber` (1-based), once the pages are initialised. */
  pageView(pageNumber: number): PdfPageView | undefined;
  find(query: string, again: boolean, previous: boolean): void;
  destroy(): void;
}

/**
 * Wires pdf.js's stock viewer (PDFViewer + link service + find controller) to a container and
 * loads `url` into it. PDFViewer renders only the pages near the viewport and keeps a small
 * buffer of page canvases, so even a 500-page document holds about ten.
 */
export function createPdfEngine(
  container: HTMLDivElement,
  pages: HTMLDivElement,
  url: string,
  events: PdfEngineEvents,
): PdfEngine {
  performance.mark('anchor:pdf-open');
  const lifetime = new AbortController();
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({
    eventBus,
    externalLinkTarget: LinkTarget.BLANK,
    externalLinkRel: 'noopener noreferrer nofollow',
  });
  const findController = new PDFFindController({ eventBus, linkService, updateMatchesCountOnProgress: true });
  const options = {
    container,
    viewer: pages,
    eventBus,
    linkService,
    findController,
    // Review is read-only: no annotation editor layers (they would also add a Tab stop per page).
    annotationEditorMode: AnnotationEditorType.DISABLE,
    // abortSignal (not in the typings) detaches the viewer's scroll and resize listeners.
    abortSignal: lifetime.signal,
  };
  const viewer = new PDFViewer(options);
  linkService.setViewer(viewer);

  let firstPageRendered = false;
  let idleCleanup: ReturnType<typeof setTimeout> | undefined;
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
    events.onPagesInit?.();
  });
  eventBus.on('textlayerrendered', ({ pageNumber }: { pageNumber: number }) => events.onPageDrawn?.(pageNumber));
  eventBus.on('pagerendered', ({ pageNumber }: { pageNumber: number }) => {
    trimRenderedPages(viewer);
    events.onPageDrawn?.(pageNumber);
    // Once rendering settles, release what pages scrolled out of view still hold (decoded
    // images, operator lists) on both sides of the worker, as the full pdf.js app does when
    // idle. Keeps a long read through a 300-page scan within the renderer memory budget.
    clearTimeout(idleCleanup);
    idleCleanup = setTimeout(() => {
      if (lifetime.signal.aborted || !openedDocument) return;
      viewer.cleanup();
      openedDocument.cleanup(true).catch(() => undefined); // refused while a page renders; next idle retries
    }, IDLE_CLEANUP_MS);
    if (firstPageRendered) return;
    firstPageRendered = true;
    performance.mark('anchor:pdf-first-page');
  });
  eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => events.onPageChange(pageNumber));
  eventBus.on('scalechanging', ({ scale, presetValue }: { scale: number; presetValue?: string }) =>
    events.onScaleChange(scale, presetValue),
  );
  eventBus.on('updatefindmatchescount', ({ matchesCount }: { matchesCount: { current: number; total: number } }) =>
    events.onFindCount(matchesCount),
  );
  eventBus.on(
    'updatefindcontrolstate',
    ({ state, matchesCount }: { state: number; matchesCount: { current: number; total: number } }) =>
      events.onFindCount({ state, ...matchesCount }),
  );

  // Fit-width and fit-page are promises about the pane, so keep them when the pane resizes.
  let resizeFrame = 0;
  const resizeObserver = new ResizeObserver(() => {
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      if (!viewer.pdfDocument) return;
      const preset = viewer.currentScaleValue;
      if (preset === 'page-width' || preset === 'page-fit' || preset === 'auto') viewer.currentScaleValue = preset;
      viewer.update();
    });
  });
  resizeObserver.observe(container);

  // Ctrl/Cmd + wheel zooms around the pointer, as in every other document viewer.
  container.addEventListener(
    'wheel',
    (event) => {
      if (!(event.ctrlKey || event.metaKey) || !viewer.pdfDocument) return;
      event.preventDefault();
      const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY;
      viewer.updateScale({ scaleFactor: Math.exp(-pixels / 300), origin: [event.clientX, event.clientY] });
    },
    { passive: false, signal: lifetime.signal },
  );

  const task = loadPdf(url);
  let openedDocument: PDFDocumentProxy | undefined;
  task.promise.then(
    (pdf) => {
      if (lifetime.signal.aborted) return;
      openedDocument = pdf;
      viewer.setDocument(pdf);
      linkService.setDocument(pdf);
      events.onLoaded(pdf.numPages);
    },
    (error: unknown) => {
      if (!lifetime.signal.aborted) events.onFailed(pdfLoadProblem(error));
    },
  );

  return {
    viewer,
    pageView(pageNumber) {
      if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > viewer.pagesCount) return undefined;
      return (viewer.getPageView(pageNumber - 1) as PdfPageView | null) ?? undefined;
    },
    find(query, again, previous) {
      if (!query.trim()) {
        // Closing the "find bar" is how pdf.js is told to drop its highlights.
        eventBus.dispatch('findbarclose', { source: null });
        return;
      }
      eventBus.dispatch('find', {
        source: null,
        type: again ? 'again' : '',
        query,
        caseSensitive: false,
        entireWord: false,
        highlightAll: true,
        findPrevious: previous,
        matchDiacritics: false,
      });
    },
    destroy() {
      lifetime.abort();
      clearTimeout(idleCleanup);
      resizeObserver.disconnect();
      cancelAnimationFrame(resizeFrame);
      if (openedDocument) {
        // pdf.js accepts null to detach (its typings say otherwise); this cancels pending renders.
        viewer.setDocument(null as unknown as PDFDocumentProxy);
        linkService.setDocument(null);
      }
      // Destroying the loading task also destroys the document; the shared worker stays up.
      void task.destroy();
    },
  };
}
