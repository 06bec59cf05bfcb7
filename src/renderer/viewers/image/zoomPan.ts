/**
 * Zoom-and-pan geometry for the image viewer, kept free of the DOM so it can be unit tested.
 * A view places the image's top-left corner at (x, y) inside the viewing box, drawn at `scale`.
 */
export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface View extends Point {
  scale: number;
}

export const MAX_SCALE = 8;
/** One zoom-button step; four steps double the size, roughly. */
export const ZOOM_STEP = 1.25;

/** Breathing room around a fitted image, so its edges read as edges rather than the pane's. */
export const FIT_MARGIN = 12;

/** The largest scale that shows the whole image; never above 100% so small images stay sharp. */
export function fitScale(image: Size, box: Size): number {
  if (image.width <= 0 || image.height <= 0 || box.width <= 0 || box.height <= 0) return 1;
  const margin = Math.min(FIT_MARGIN, box.width / 8, box.height / 8);
  return Math.min((box.width - 2 * margin) / image.width, (box.height - 2 * margin) / image.height, 1);
}

/** Zooming out further than half of "fit" only makes the image harder to see. */
export function minScale(image: Size, box: Size): number {
  return fitScale(image, box) / 2;
}

export function fitView(image: Size, box: Size): View {
  return clampView({ scale: fitScale(image, box), x: 0, y: 0 }, image, box);
}

/**
 * Keeps the image where it can be seen: centred along an axis where it is smaller than the box,
 * otherwise never pulled so far that a gap opens at an edge.
 */
export function clampView(view: View, image: Size, box: Size): View {
  const scale = Math.min(Math.max(view.scale, minScale(image, box)), MAX_SCALE);
  return {
    scale,
    x: clampAxis(view.x, image.width * scale, box.width),
    y: clampAxis(view.y, image.height * scale, box.height),
  };
}

function clampAxis(offset: number, drawn: number, available: number): number {
  if (drawn <= available) return (available - drawn) / 2;
  return Math.min(0, Math.max(available - drawn, offset));
}

/** Zooms by `factor` keeping the image point under `anchor` (box coordinates) where it is. */
export function zoomAt(view: View, factor: number, anchor: Point, image: Size, box: Size): View {
  const scale = Math.min(Math.max(view.scale * factor, minScale(image, box)), MAX_SCALE);
  const ratio = scale / view.scale;
  return clampView(
    { scale, x: anchor.x - (anchor.x - view.x) * ratio, y: anchor.y - (anchor.y - view.y) * ratio },
    image,
    box,
  );
}

export function panBy(view: View, dx: number, dy: number, image: Size, box: Size): View {
  return clampView({ scale: view.scale, x: view.x + dx, y: view.y + dy }, image, box);
}

export function boxCentre(box: Size): Point {
  return { x: box.width / 2, y: box.height / 2 };
}

/** Wheel deltas come in pixels, lines or pages; this turns one notch into about a 12% zoom. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-200, Math.min(200, pixels)) / 800);
}
