import '../viewers.css';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Icon } from '../common/icons';
import { probeUrl } from '../common/probeUrl';
import { onToolbarKeyDown } from '../common/toolbarKeys';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import type { ViewerProps } from '../types';
import { viewForRegion } from './imageRegion';
import { RegionLayer } from './RegionLayer';
import { useImageRegions } from './useImageRegions';
import {
  boxCentre,
  clampView,
  fitView,
  MAX_SCALE,
  minScale,
  panBy,
  wheelZoomFactor,
  zoomAt,
  ZOOM_STEP,
  type Point,
  type Size,
  type View,
} from './zoomPan';

/** Arrow keys move the image by this much; with Shift, by four times as much. */
const PAN_STEP = 60;

type Load = { phase: 'loading' } | { phase: 'ready'; natural: Size } | { phase: 'error'; problem: string };

/** Photos and scans of student work: fit to the pane, then zoom and pan by wheel, drag or keyboard. */
export function ImageViewer(props: ViewerProps) {
  return <ImageView key={props.url} {...props} />;
}

function ImageView({ item, url, handleRef, onAnchorDrawn, markers, onMarkerActivate }: ViewerProps) {
  const areaRef = useRef<HTMLDivElement>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  const dragRef = useRef<{ pointerId: number; start: Point; view: View } | null>(null);
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [box, setBox] = useState<Size>({ width: 0, height: 0 });
  // null means "fit": recomputed from the pane size, so fitting survives resizing.
  const [chosen, setChosen] = useState<View | null>(null);
  const [dragging, setDragging] = useState(false);

  const natural = load.phase === 'ready' ? load.natural : null;
  const view = natural ? (chosen ? clampView(chosen, natural, box) : fitView(natural, box)) : null;
  const regions = useImageRegions({
    item,
    handleRef,
    onAnchorDrawn,
    geometry: { natural, view, box },
    show: setChosen,
    areaRef,
  });
  const canDraw = Boolean(onAnchorDrawn ?? handleRef);

  // Load and error are listened to natively: a cached image can finish between React creating the
  // <img> and committing it, and React drops events for elements it has not committed yet.
  useEffect(() => {
    const img = imgRef.current;
    if (!img) return;
    let active = true;
    const loaded = () => {
      // SVGs without width/height report 0; give them a sensible canvas rather than nothing.
      const natural = { width: img.naturalWidth || 800, height: img.naturalHeight || 600 };
      setLoad((current) => (current.phase === 'loading' ? { phase: 'ready', natural } : current));
    };
    const failed = () => {
      void probeUrl(url).then((unreachable) => {
        if (!active) return;
        setLoad({
          phase: 'error',
          problem: unreachable ?? 'the file is damaged or is not an image format Anchor can show.',
        });
      });
    };
    img.addEventListener('load', loaded);
    img.addEventListener('error', failed);
    if (img.complete) {
      if (img.naturalWidth > 0) loaded();
      else if (img.currentSrc) failed();
    }
    return () => {
      active = false;
      img.removeEventListener('load', loaded);
      img.removeEventListener('error', failed);
    };
  }, [url]);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setBox({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(area);
    return () => observer.disconnect();
  }, []);

  // React's onWheel is passive, and a zooming wheel must not also scroll the page.
  useEffect(() => {
    const area = areaRef.current;
    if (!area || !natural) return;
    function onWheel(event: WheelEvent) {
      if (!natural || !area) return;
      event.preventDefault();
      const rect = area.getBoundingClientRect();
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const factor = wheelZoomFactor(event.deltaY, event.deltaMode);
      setChosen((previous) => zoomAt(clampOrFit(previous, natural, box), factor, anchor, natural, box));
    }
    area.addEventListener('wheel', onWheel, { passive: false });
    return () => area.removeEventListener('wheel', onWheel);
  }, [natural, box]);

  function zoomBy(factor: number, anchor: Point = boxCentre(box)) {
    if (!natural) return;
    setChosen((previous) => zoomAt(clampOrFit(previous, natural, box), factor, anchor, natural, box));
  }

  function pan(dx: number, dy: number) {
    if (!natural) return;
    setChosen((previous) => panBy(clampOrFit(previous, natural, box), dx, dy, natural, box));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // While a box is being placed, the arrows move the box rather than the image.
    if (canDraw && regions.onKeyDown(event)) {
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || !natural) return;
    const step = event.shiftKey ? PAN_STEP * 4 : PAN_STEP;
    switch (event.key) {
      case '+':
      case '=':
        zoomBy(ZOOM_STEP);
        break;
      case '-':
      case '_':
        zoomBy(1 / ZOOM_STEP);
        break;
      case '0':
        setChosen(null);
        break;
      case '1':
        if (view) zoomBy(1 / view.scale);
        break;
      // The arrows move the view over the image, so the image itself travels the other way.
      case 'ArrowLeft':
        pan(step, 0);
        break;
      case 'ArrowRight':
        pan(-step, 0);
        break;
      case 'ArrowUp':
        pan(0, step);
        break;
      case 'ArrowDown':
        pan(0, -step);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    // A comment region's button takes its own click; capturing the pointer here would swallow it.
    if ((event.target as Element).closest('button')) return;
    if (regions.onPointerDown(event)) return;
    if (event.button !== 0 || !view) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { pointerId: event.pointerId, start: { x: event.clientX, y: event.clientY }, view };
    setDragging(true);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (regions.onPointerMove(event)) return;
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== event.pointerId || !natural) return;
    const next = panBy(drag.view, event.clientX - drag.start.x, event.clientY - drag.start.y, natural, box);
    // An image that already fits cannot move; leave it in "fit" rather than pinning its size.
    if (next.x !== drag.view.x || next.y !== drag.view.y) setChosen(next);
  }

  function endDrag(event: PointerEvent<HTMLDivElement>) {
    if (regions.onPointerUp(event)) return;
    if (dragRef.current?.pointerId !== event.pointerId) return;
    dragRef.current = null;
    setDragging(false);
  }

  /** Double-click toggles between fit and a closer look at the clicked spot. */
  function onDoubleClick(event: { clientX: number; clientY: number }) {
    const area = areaRef.current;
    if (!natural || !view || !area || regions.drawing) return;
    if (chosen) {
      setChosen(null);
      return;
    }
    const rect = area.getBoundingClientRect();
    const target = Math.max(1, view.scale * 2);
    zoomBy(target / view.scale, { x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  if (load.phase === 'error') {
    return (
      <div className="av-viewer av-image">
        <ErrorState message={`This image could not be opened: ${load.problem}`} />
      </div>
    );
  }

  const ready = view !== null && natural !== null;
  const percent = view ? Math.round(view.scale * 100) : 100;

  return (
    <div className="av-viewer av-image">
      <div className="av-toolbar" role="toolbar" aria-label="Image tools" onKeyDown={onToolbarKeyDown}>
        <div className="av-toolbar__group">
          <button
            type="button"
            className="av-button av-button--icon"
            aria-label="Zoom out"
            title="Zoom out (−)"
            disabled={!ready || (view !== null && natural !== null && view.scale <= minScale(natural, box) + 1e-6)}
            onClick={() => zoomBy(1 / ZOOM_STEP)}
          >
            <Icon name="zoom-out" />
          </button>
          <span className="av-toolbar__text av-zoom-readout" aria-live="polite">
            {percent}%
          </span>
          <button
            type="button"
            className="av-button av-button--icon"
            aria-label="Zoom in"
            title="Zoom in (+)"
            disabled={!ready || (view !== null && view.scale >= MAX_SCALE - 1e-6)}
            onClick={() => zoomBy(ZOOM_STEP)}
          >
            <Icon name="zoom-in" />
          </button>
          <button
            type="button"
            className="av-button"
            aria-label="Fit"
            title="Fit to pane (0)"
            aria-pressed={chosen === null}
            disabled={!ready}
            onClick={() => setChosen(null)}
          >
            <Icon name="fit" />
            <span>Fit</span>
          </button>
        </div>
        {canDraw && (
          <div className="av-toolbar__group">
            <button
              type="button"
              className="av-button"
              aria-pressed={regions.drawing}
              aria-keyshortcuts="B"
              title="Draw a box to comment on (B)"
              disabled={!ready}
              onClick={regions.toggle}
            >
              <Icon name="box" />
              <span>Draw box</span>
            </button>
          </div>
        )}
        <p className="av-hint" aria-hidden="true">
          Drag to pan · wheel to zoom · <kbd>+</kbd> <kbd>−</kbd> <kbd>0</kbd> and arrow keys
          {canDraw && (
            <>
              {' '}
              · <kbd>B</kbd> box
            </>
          )}
        </p>
        <p className="av-sr-only" aria-live="polite">
          {regions.status}
        </p>
      </div>
      <div
        ref={areaRef}
        className={`av-image__area${dragging ? ' av-image__area--dragging' : ''}${regions.drawing ? ' av-image__area--drawing' : ''}`}
        role="group"
        aria-label={item.title}
        aria-roledescription="zoomable image"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={onDoubleClick}
      >
        <img
          ref={imgRef}
          className="av-image__img"
          src={url}
          alt={item.title}
          draggable={false}
          decoding="async"
          style={
            view && natural
              ? {
                  width: natural.width * view.scale,
                  height: natural.height * view.scale,
                  transform: `translate(${view.x}px, ${view.y}px)`,
                }
              : { visibility: 'hidden' }
          }
        />
        {view && natural && (
          <RegionLayer
            itemId={item.id}
            natural={natural}
            view={view}
            markers={markers ?? []}
            draft={regions.draft}
            flash={regions.flash}
            onMarker={(id) => {
              const marker = markers?.find((m) => m.id === id);
              if (onMarkerActivate) onMarkerActivate(id);
              else if (marker?.anchor.kind === 'image') setChosen(viewForRegion(marker.anchor.region, natural, box));
            }}
          />
        )}
        {load.phase === 'loading' && (
          <div className="av-overlay av-overlay--passive">
            <LoadingState what="image" />
          </div>
        )}
      </div>
    </div>
  );
}

function clampOrFit(view: View | null, natural: Size, box: Size): View {
  return view ? clampView(view, natural, box) : fitView(natural, box);
}
