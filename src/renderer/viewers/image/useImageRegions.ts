import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { EvidenceAnchor } from '../../../shared/domain/score';
import { regionPercent } from '../../../shared/review/export/anchor-label';
import { useLatest } from '../common/useLatest';
import type { ViewerProps } from '../types';
import {
  moveRegion,
  REGION_STEP,
  regionBetween,
  regionInView,
  resizeRegion,
  roundRegion,
  toImageFraction,
  viewForRegion,
  type Region,
} from './imageRegion';
import type { Point, Size, View } from './zoomPan';

/** How long a revealed region stays outlined. */
const FLASH_MS = 2500;

interface Geometry {
  natural: Size | null;
  view: View | null;
  box: Size;
}

/**
 * Boxes on an image for comments, by mouse (draw mode: drag) or keyboard (B puts a box in the
 * middle of the view; arrows move it, Shift+arrows resize it, Enter comments, Escape cancels).
 * Publishes the image viewer's handle: "comment here" takes the box being drawn, or the whole
 * image; reveal zooms to a region and outlines it.
 */
export function useImageRegions({
  item,
  handleRef,
  onAnchorDrawn,
  geometry,
  show,
  areaRef,
}: Pick<ViewerProps, 'item' | 'handleRef' | 'onAnchorDrawn'> & {
  geometry: Geometry;
  /** Moves the view (zoom and pan) to show a region. */
  show(view: View): void;
  areaRef: { current: HTMLElement | null };
}) {
  const itemId = item.id;
  const [drawing, setDrawing] = useState(false);
  const [draft, setDraft] = useState<Region | null>(null);
  const [flash, setFlash] = useState<Region | null>(null);
  const pending = useRef<Region | null>(null);
  const drag = useRef<{ pointerId: number; start: Point } | null>(null);
  const latest = useLatest({ geometry, draft, onAnchorDrawn, show });

  const anchorOf = (region: Region): EvidenceAnchor => ({ kind: 'image', itemId, region: roundRegion(region) });

  function stop() {
    setDraft(null);
    setDrawing(false);
    drag.current = null;
  }

  /** A finished box goes to the review screen's composer (when there is one) and the tool resets. */
  function finish(region: Region) {
    const report = latest.current.onAnchorDrawn;
    if (!report) return;
    stop();
    report(anchorOf(region));
  }

  function reveal(region: Region) {
    const { natural, box } = latest.current.geometry;
    if (!natural || box.width <= 0) {
      pending.current = region;
      return;
    }
    latest.current.show(viewForRegion(region, natural, box));
    setFlash(region);
  }

  useImperativeHandle(
    handleRef,
    () => ({
      captureAnchor() {
        const current = latest.current.draft;
        if (!current) return { kind: 'item', itemId };
        stop();
        return anchorOf(current);
      },
      reveal(anchor) {
        if (anchor.kind !== 'image' || anchor.itemId !== itemId) return;
        reveal(anchor.region);
      },
      position: () => ({}),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the rest through `latest`
    [itemId],
  );

  // A reveal asked for before the image and the pane had sizes happens once they do.
  const ready = geometry.natural !== null && geometry.box.width > 0;
  useEffect(() => {
    if (!ready || !pending.current) return;
    const region = pending.current;
    pending.current = null;
    reveal(region);
  }); // Runs after every render (no deps) until the pending reveal lands.

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  function toggle() {
    if (drawing || draft) {
      stop();
      return;
    }
    setDrawing(true);
  }

  /** Starts a box from the keyboard, in the middle of what is visible. */
  function startKeyboardBox() {
    const { natural, view, box } = latest.current.geometry;
    if (!natural || !view) return;
    setDrawing(true);
    setDraft(regionInView(view, natural, box));
    areaRef.current?.focus();
  }

  /** Handles the drawing keys; returns false for keys the viewer should handle (zoom, pan). */
  function onKeyDown(event: KeyboardEvent<HTMLElement>): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === 'b' || event.key === 'B') {
      if (draft) stop();
      else startKeyboardBox();
      return true;
    }
    if (!draft) {
      if (event.key === 'Escape' && drawing) {
        stop();
        return true;
      }
      return false;
    }
    const step = REGION_STEP;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = arrows[event.key];
    if (delta) {
      setDraft(event.shiftKey ? resizeRegion(draft, ...delta) : moveRegion(draft, ...delta));
      return true;
    }
    if (event.key === 'Enter') {
      finish(draft);
      return true;
    }
    if (event.key === 'Escape') {
      stop();
      return true;
    }
    return false;
  }

  function fraction(event: PointerEvent<HTMLElement>): Point | null {
    const { natural, view } = latest.current.geometry;
    const area = areaRef.current;
    if (!natural || !view || !area) return null;
    const rect = area.getBoundingClientRect();
    return toImageFraction({ x: event.clientX - rect.left, y: event.clientY - rect.top }, view, natural);
  }

  /** In draw mode a drag draws a box; returns false when the viewer should pan instead. */
  function onPointerDown(event: PointerEvent<HTMLElement>): boolean {
    if (!drawing || event.button !== 0) return false;
    const start = fraction(event);
    if (!start) return false;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, start };
    setDraft(null);
    return true;
  }

  function onPointerMove(event: PointerEvent<HTMLElement>): boolean {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return false;
    const point = fraction(event);
    if (point) setDraft(regionBetween(current.start, point));
    return true;
  }

  function onPointerUp(event: PointerEvent<HTMLElement>): boolean {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return false;
    drag.current = null;
    const point = fraction(event);
    const region = point ? regionBetween(current.start, point) : null;
    if (region) finish(region);
    else setDraft(null);
    return true;
  }

  const status = draft
    ? `Box at ${regionPercent(roundRegion(draft))}. ` +
      'Arrows move it, Shift+arrows resize it, Enter comments on it, Escape cancels.'
    : drawing
      ? 'Drag over the image to draw a box, or press B for a box you move with the arrow keys.'
      : '';

  return { drawing, draft, flash, status, toggle, onKeyDown, onPointerDown, onPointerMove, onPointerUp };
}
