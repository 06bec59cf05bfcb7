import 'pdfjs-dist/web/pdf_viewer.css';
import '../viewers.css';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import type { ViewerProps } from '../types';
import { FIND_FOUND, findStatusText } from './findStatus';
import { createPdfEngine, type FindCount, type PdfEngine } from './pdfEngine';
import { PdfToolbar } from './PdfToolbar';
import { CUSTOM_ZOOM, nextZoom, zoomSelectValue } from './zoom';

type Load = { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; problem: string };

/** PDF evidence on pdf.js's stock PDFViewer: lazy page rendering, text layer, highlighted find. */
export function PdfViewer(props: ViewerProps) {
  // A new URL is a new document: remounting resets every piece of state at once.
  return <PdfView key={props.url} {...props} />;
}

function PdfView({ item, url }: ViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const engineRef = useRef<PdfEngine | null>(null);

  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [pageCount, setPageCount] = useState(0);
  const [page, setPage] = useState(1);
  const [pageDraft, setPageDraft] = useState('1');
  const [zoom, setZoom] = useState({ scale: 1, value: 'page-width' });
  const [query, setQuery] = useState('');
  const [findCount, setFindCount] = useState<FindCount>({ state: FIND_FOUND, current: 0, total: 0 });

  useEffect(() => {
    const container = containerRef.current;
    const pages = pagesRef.current;
    if (!container || !pages) return;
    const engine = createPdfEngine(container, pages, url, {
      onLoaded(count) {
        setPageCount(count);
        setLoad({ phase: 'ready' });
      },
      onFailed: (problem) => setLoad({ phase: 'error', problem }),
      onPageChange(pageNumber) {
        setPage(pageNumber);
        setPageDraft(String(pageNumber));
      },
      onScaleChange: (scale, presetValue) => setZoom({ scale, value: zoomSelectValue(scale, presetValue) }),
      onFindCount: (count) => setFindCount((previous) => ({ ...previous, ...count })),
    });
    engineRef.current = engine;
    return () => {
      engineRef.current = null;
      engine.destroy();
    };
  }, [url]);

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

  // F3 / Ctrl+G step through matches from anywhere in the viewer.
  function onViewerKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const findKey = event.key === 'F3' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'g');
    if (!findKey || !query.trim()) return;
    event.preventDefault();
    dispatchFind(query, true, event.shiftKey);
  }

  // While reading the pages, + and - zoom.
  function onPagesKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') onZoomStep(1);
    else if (event.key === '-' || event.key === '_') onZoomStep(-1);
    else return;
    event.preventDefault();
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
    <div className="av-viewer av-pdf" onKeyDown={onViewerKeyDown}>
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
          onKeyDown={onPagesKeyDown}
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
