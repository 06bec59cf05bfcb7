import { describe, expect, it } from 'vitest';
import { clampView, fitScale, fitView, MAX_SCALE, panBy, wheelZoomFactor, zoomAt } from './zoomPan';

const image = { width: 2000, height: 1000 };
const box = { width: 1000, height: 800 };

describe('fit', () => {
  it('fits the whole image and centres it', () => {
    // 12 px of margin on each side: (1000 - 24) / 2000.
    expect(fitScale(image, box)).toBeCloseTo(0.488);
    const view = fitView(image, box);
    expect(view.x).toBeCloseTo(12);
    expect(view.y).toBeCloseTo((800 - 488) / 2);
  });
  it('never enlarges a small image', () => {
    expect(fitScale({ width: 100, height: 50 }, box)).toBe(1);
  });
});

describe('zoomAt', () => {
  it('keeps the point under the pointer still', () => {
    const start = { scale: 1, x: -500, y: -100 };
    const anchor = { x: 300, y: 200 };
    const zoomed = zoomAt(start, 2, anchor, image, box);
    const before = { x: (anchor.x - start.x) / start.scale, y: (anchor.y - start.y) / start.scale };
    const after = { x: (anchor.x - zoomed.x) / zoomed.scale, y: (anchor.y - zoomed.y) / zoomed.scale };
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
  it('respects the limits', () => {
    expect(zoomAt(fitView(image, box), 1000, { x: 0, y: 0 }, image, box).scale).toBe(MAX_SCALE);
    expect(zoomAt(fitView(image, box), 0.001, { x: 0, y: 0 }, image, box).scale).toBeCloseTo(0.244);
  });
});

describe('clamp and pan', () => {
  it('does not let the image leave the box', () => {
    const view = panBy({ scale: 1, x: 0, y: 0 }, 500, 500, image, box);
    expect(view.x).toBe(0);
    expect(view.y).toBe(0);
    expect(clampView({ scale: 1, x: -5000, y: -5000 }, image, box)).toEqual({ scale: 1, x: -1000, y: -200 });
  });
});

describe('wheelZoomFactor', () => {
  it('zooms in on wheel up and out on wheel down', () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-48, 0));
  });
});
