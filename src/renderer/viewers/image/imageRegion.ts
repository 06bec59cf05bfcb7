/**
 * Regions on an image for comments, kept in fractions (0–1) of the image's own size so a region
 * stays on the same pixels whatever the zoom. Free of the DOM so it can be unit tested.
 */
import { clampView, fitScale, MAX_SCALE, type Point, type Size, type View } from './zoomPan';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smaller than this (a fraction of the image) is a click, not a box. */
export const MIN_REGION = 0.01;
/** One arrow press moves or resizes a box by this fraction of the image. */
export const REGION_STEP = 0.02;
/** How much of the pane a revealed region fills, at most. */
const REVEAL_SHARE = 0.6;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A point in the viewing box (pixels) as a fraction of the image, clamped to the image. */
export function toImageFraction(point: Point, view: View, image: Size): Point {
  return {
    x: clamp01((point.x - view.x) / (image.width * view.scale)),
    y: clamp01((point.y - view.y) / (image.height * view.scale)),
  };
}

/** The box spanned by two corners, in either order; null when too small to mean a region. */
export function regionBetween(a: Point, b: Point): Region | null {
  const region = {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
  return region.width < MIN_REGION || region.height < MIN_REGION ? null : region;
}

/** A starting box for the keyboard: a third of what is visible, in its middle. */
export function regionInView(view: View, image: Size, box: Size): Region {
  const topLeft = toImageFraction({ x: 0, y: 0 }, view, image);
  const bottomRight = toImageFraction({ x: box.width, y: box.height }, view, image);
  const width = Math.max(MIN_REGION, (bottomRight.x - topLeft.x) / 3);
  const height = Math.max(MIN_REGION, (bottomRight.y - topLeft.y) / 3);
  return {
    x: clamp01((topLeft.x + bottomRight.x) / 2 - width / 2),
    y: clamp01((topLeft.y + bottomRight.y) / 2 - height / 2),
    width,
    height,
  };
}

/** Moves a box by (dx, dy) fractions, keeping it inside the image. */
export function moveRegion(region: Region, dx: number, dy: number): Region {
  return {
    ...region,
    x: Math.min(1 - region.width, Math.max(0, region.x + dx)),
    y: Math.min(1 - region.height, Math.max(0, region.y + dy)),
  };
}

/** Grows or shrinks a box from its bottom-right corner, keeping a minimum size and the image's edges. */
export function resizeRegion(region: Region, dw: number, dh: number): Region {
  return {
    ...region,
    width: Math.min(1 - region.x, Math.max(MIN_REGION, region.width + dw)),
    height: Math.min(1 - region.y, Math.max(MIN_REGION, region.height + dh)),
  };
}

/** Rounds to 4 decimals (0.01 % of the image): finer than a pixel on any evidence photo, and readable. */
export function roundRegion(region: Region): Region {
  const r = (value: number) => Math.round(value * 10000) / 10000;
  const x = r(region.x);
  const y = r(region.y);
  return { x, y, width: Math.min(r(region.width), 1 - x), height: Math.min(r(region.height), 1 - y) };
}

/**
 * The view that shows a region: zoomed so it fills at most REVEAL_SHARE of the pane (never
 * smaller than "fit", never past MAX_SCALE), centred on it as far as the image's edges allow.
 */
export function viewForRegion(region: Region, image: Size, box: Size): View {
  const wanted = Math.min(
    (box.width * REVEAL_SHARE) / Math.max(1, region.width * image.width),
    (box.height * REVEAL_SHARE) / Math.max(1, region.height * image.height),
  );
  const scale = Math.min(MAX_SCALE, Math.max(fitScale(image, box), wanted));
  const centre = { x: (region.x + region.width / 2) * image.width, y: (region.y + region.height / 2) * image.height };
  return clampView({ scale, x: box.width / 2 - centre.x * scale, y: box.height / 2 - centre.y * scale }, image, box);
}
