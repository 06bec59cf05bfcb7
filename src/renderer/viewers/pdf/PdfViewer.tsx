import 'pdfjs-dist/web/pdf_viewer.css';
import '../viewers.css';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { throttle } from '../common/throttle';
import { useLatest } from '../common/useLatest';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import type { ViewerHandle, ViewerProps } from '../types';
import { isDrawBoxKey } from './drawBoxKey';
import { FIND_FOUND, findStatusText } from './findStatus';
import { PdfAnchoring } from './pdfAnchors';
import { createPdfEngine, type FindCount, type PdfEngine } from './pdfEngine';
import { PdfToolbar } from './PdfToolbar';
import { CUSTOM_ZOOM, nextZoom, zoomSelectValue } from './zoom';

type Load = { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; problem: string };

/** PDF evidence on pdf.js's stock PDFViewer: lazy page rendering, text layer, highlighted find. */
export function PdfViewer(props: ViewerProps) {
  // A new URL is a new document: remounting resets every piece of state at once.
  return <PdfView key={props.url} {...props} />;
}

/** Position reports go out at most this often (the last one always arrives). */
const POSITION_INTERVAL_MS = 500;

function PdfView({
  item,
  url,
  handleRef,
  initialPosition,
  onPositionChange,
  onAnchorDrawn,
  markers,
  onMarkerActivate,
}: ViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const engineRef = useRef<PdfEngine | null>(null);
  const anchoringRef = useRef<PdfAnchoring | null>(null);
  // Read by the engine's callbacks, which are wired once per document.
  const latest = useLatest({ initialPosition, onPositionChange, onAnchorDrawn, markers, onMarkerActivate });

  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [pageCount, setPageCount] = useState(0);
  const [page, setPage] = useState(1);
  const [pageDraft, setPageDraft] = useState('1');
  const [zoom, setZoom] = useState({ scale: 1, value: 'page-width' });
  const [query, setQuery] = useState('');
  const [findCount, setFindCount] = useState<FindCount>({ state: FIND_FOUND, current: 0, total: 0 });
  /** The page views exist, so anchors can be revealed: the handle goes out from here on. */
  const [pagesReady, setPagesReady] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const itemId = item.id;

  useEffect(() => {
    const container = containerRef.current;
    const pages = pagesRef.current;
    if (!container || !pages) return;
    let lastReported = 0;
    const reportPage = throttle((pageNumber: number) => {
      if (pageNumber === lastReported) return;
      lastReported = pageNumber;
      latest.current.onPositionChange?.({ page: pageNumber });
    }, POSITION_INTERVAL_MS);
    const engine = createPdfEngine(container, pages, url, {
      onLoaded(count) {
        setPageCount(count);
        setLoad({ phase: 'ready' });
      },
      onFailed: (problem) => setLoad({ phase: 'error', problem }),
      onPageChange(pageNumber) {
        setPage(pageNumber);
        setPageDraft(String(pageNumber));
        reportPage(pageNumber);
      },
      onScaleChange: (scale, presetValue) => setZoom({ scale, value: zoomSelectValue(scale, presetValue) }),
      onFindCount: (count) => setFindCount((previous) => ({ ...previous, ...count })),
      onPagesInit() {
        const wanted = latest.current.initialPosition?.page;
        if (wanted !== undefined && Number.isFinite(wanted) && wanted > 1)
          engine.viewer.currentPageNumber = Math.min(Math.round(wanted), engine.viewer.pagesCount);
        anchoring.pagesInitialised();
        setPagesReady(true);
      },
      onPageDrawn: (pageNumber) => anchoring.pageDrawn(pageNumber),
    });
    const anchoring = new PdfAnchoring(itemId, container, engine, (id) => {
      const { onMarkerActivate, markers } = latest.current;
      if (onMarkerActivate) onMarkerActivate(id);
      else {
        const marker = markers?.find((m) => m.id === id);
        if (marker) anchoring.reveal(marker.anchor);
      }
    });
    anchoring.setMarkers(latest.current.markers ?? []);
    engineRef.current = engine;
    anchoringRef.current = anchoring;
    return () => {
      engineRef.current = null;
      anchoringRef.current = null;
      reportPage.flush();
      anchoring.destroy();
      engine.destroy();
    };
  }, [url, itemId, latest]);

  useEffect(() => {
    anchoringRef.current?.setMarkers(markers ?? []);
  }, [markers]);

  useImperativeHandle<ViewerHandle | null, ViewerHandle | null>(handleRef, () => {
    if (!pagesReady) return null;
    // A plain object over whichever controller is current, so the review screen can neither
    // reach the controller's other methods nor keep a destroyed one.
    const current = () => anchoringRef.current;
    return {
      captureAnchor: () => current()?.captureAnchor() ?? { kind: 'pdf', itemId, page: 1 },
      reveal: (anchor) => current()?.reveal(anchor),
      position: () => current()?.position() ?? {},
    };
  }, [pagesReady, itemId]);

  const canDraw = Boolean(onAnchorDrawn);
  const toggleDraw = useCallback(() => {
    anchoringRef.current?.cancelDraw();
    setDrawing((previous) => !previous);
  }, []);
  const cancelDraw = useCallback(() => {
    anchoringRef.current?.cancelDraw();
    setDrawing(false);
  }, []);

  const dispatchFind = useCallback((text: string, again: boolean, previous: boolean) => {
    engineRef.current?.find(text, again, previous);
    if (!text.trim()) setFindCount({ state: FIND_FOUND, current: 0, total: 0 });
  }, []);

  const focusSearch = useCallback(() => {
    const input = searchRef.current;
    if (!input || input.disabled) return false;
    input.focus();
    input.select();
    return true;
  }, []);

  // Ctrl/Cmd+F belongs to the document on screen, wherever focus happens to be.
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      if (!containerRef.current?.isConnected || containerRef.current.offsetParent === null) return;
      if (focusSearch()) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch]);

  // B toggles box drawing whenever this PDF is shown, wherever focus is (not only on the pages).
  const drawKey = useLatest({ canDraw: canDraw && load.phase === 'ready', toggleDraw });
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const shown = !!containerRef.current?.isConnected && containerRef.current.offsetParent !== null;
      if (!isDrawBoxKey({ ...pick(event), typing }, { shown, canDraw: drawKey.current.canDraw })) return;
      event.preventDefault();
      drawKey.current.toggleDraw();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [drawKey]);

  function onZoomStep(direction: 1 | -1) {
    const viewer = engineRef.current?.viewer;
    if (viewer) viewer.currentScale = nextZoom(viewer.currentScale, direction);
  }

  function onZoomSelect(value: string) {
    const viewer = engineRef.current?.viewer;
    if (viewer && value !== CUSTOM_ZOOM) viewer.currentScaleValue = value;
  }

  function onPageCommit() {
    const viewer = engineRef.current?.viewer;
    const wanted = Number.parseInt(pageDraft, 10);
    if (!viewer || !Number.isFinite(wanted)) {
      setPageDraft(String(page));
      return;
    }
    const target = Math.min(Math.max(wanted, 1), pageCount);
    viewer.currentPageNumber = target;
    setPageDraft(String(target));
  }

  function onPageStep(direction: 1 | -1) {
    const viewer = engineRef.current?.viewer;
    if (!viewer) return;
    if (direction > 0) viewer.nextPage();
    else viewer.previousPage();
  }

  function onQuery(value: string) {
    setQuery(value);
    dispatchFind(value, false, false);
  }

  // F3 / Ctrl+G step through matches from anywhere in the viewer; Escape leaves box drawing.
  function onViewerKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && drawing) {
      event.preventDefault();
      cancelDraw();
      return;
    }
    const findKey = event.key === 'F3' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'g');
    if (!findKey || !query.trim()) return;
    event.preventDefault();
    dispatchFind(query, true, event.shiftKey);
  }

  // While reading the pages, + and - zoom (B is handled on the window, above).
  function onPagesKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') onZoomStep(1);
    else if (event.key === '-' || event.key === '_') onZoomStep(-1);
    else return;
    event.preventDefault();
  }

  // In draw mode a drag on a page draws the box; pointer capture keeps it going outside the page.
  function onPagesPointerDown(event: PointerEvent<HTMLDivElement>) {
    const anchoring = anchoringRef.current;
    if (!drawing || !anchoring || event.button !== 0) return;
    if (!anchoring.beginDraw(event)) return;
    event.preventDefault(); // no text selection, no focus change
    event.currentTarget.setPointerCapture(event.pointerId);
  }

  function onPagesPointerMove(event: PointerEvent<HTMLDivElement>) {
    anchoringRef.current?.moveDraw(event);
  }

  function onPagesPointerUp(event: PointerEvent<HTMLDivElement>) {
    const anchoring = anchoringRef.current;
    if (!anchoring?.isDrawing) return;
    const anchor = anchoring.endDraw(event);
    if (!anchor) return; // a click, not a drag: stay in draw mode
    setDrawing(false);
    latest.current.onAnchorDrawn?.(anchor);
  }

  const ready = load.phase === 'ready';
  if (load.phase === 'error') {
    return (
      <div className="av-viewer av-pdf">
        <ErrorState message={`This PDF could not be opened: ${load.problem}`} />
      </div>
    );
  }

  return (
    <div className={`av-viewer av-pdf${drawing ? ' av-pdf--drawing' : ''}`} onKeyDown={onViewerKeyDown}>
      <PdfToolbar
        ready={ready}
        zoomValue={zoom.value}
        scale={zoom.scale}
        onZoomStep={onZoomStep}
        onZoomSelect={onZoomSelect}
        page={page}
        pageCount={pageCount}
        pageDraft={pageDraft}
        onPageDraft={setPageDraft}
        onPageCommit={onPageCommit}
        onPageStep={onPageStep}
        query={query}
        onQuery={onQuery}
        onFindAgain={(previous) => dispatchFind(query, true, previous)}
        findStatus={findStatusText({ query, ...findCount })}
        searchRef={searchRef}
        drawing={drawing}
        onToggleDraw={canDraw ? toggleDraw : undefined}
      />
      <div className="av-pdf__body">
        {/* pdf.js owns everything inside the container; React never renders children there. */}
        <div
          ref={containerRef}
          className="av-pdf__scroller"
          tabIndex={0}
          role="document"
          aria-label={item.title}
          aria-busy={!ready}
          aria-keyshortcuts={canDraw ? 'B' : undefined}
          onKeyDown={onPagesKeyDown}
          onPointerDown={onPagesPointerDown}
          onPointerMove={onPagesPointerMove}
          onPointerUp={onPagesPointerUp}
          onPointerCancel={cancelDraw}
        >
          <div ref={pagesRef} className="pdfViewer" />
        </div>
        {load.phase === 'loading' && (
          <div className="av-overlay">
            <LoadingState what="PDF" />
          </div>
        )}
      </div>
    </div>
  );
}

function pick(event: globalThis.KeyboardEvent) {
  const { key, ctrlKey, metaKey, altKey, defaultPrevented } = event;
  return { key, ctrlKey, metaKey, altKey, defaultPrevented };
}
