import { AnnotationEditorType, type PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdf, pdfLoadProblem } from './loadPdf';
import { EventBus, LinkTarget, PDFFindController, PDFLinkService, PDFViewer } from './pdfjsViewer';

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
}

export interface PdfEngine {
  viewer: PDFViewer;
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
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
  });
  eventBus.on('pagerendered', () => {
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
      resizeObserver.disconnect();
      cancelAnimationFrame(resizeFrame);
      if (openedDocument) {
        // pdf.js accepts null to detach (its typings say otherwise); this cancels pending renders.
        viewer.setDocument(null as unknown as PDFDocumentProxy);
        linkService.setDocument(null);
      }
      // Destroying the loading task also destroys the document and ends its worker.
      void task.destroy();
    },
  };
}
