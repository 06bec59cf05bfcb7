import { describe, expect, it } from 'vitest';
import {
  moveRegion,
  regionBetween,
  regionInView,
  resizeRegion,
  roundRegion,
  toImageFraction,
  viewForRegion,
} from './imageRegion';
import { fitView } from './zoomPan';

const image = { width: 1000, height: 500 };
const box = { width: 800, height: 600 };

describe('image regions', () => {
  it('reads a point in the pane as a fraction of the image, whatever the zoom', () => {
    const view = { x: 100, y: 50, scale: 2 };
    expect(toImageFraction({ x: 1100, y: 550 }, view, image)).toEqual({ x: 0.5, y: 0.5 });
    expect(toImageFraction({ x: 0, y: 5000 }, view, image)).toEqual({ x: 0, y: 1 });
  });

  it('spans two corners in either order and ignores a click', () => {
    expect(regionBetween({ x: 0.4, y: 0.55 }, { x: 0.12, y: 0.3 })).toEqual({
      x: 0.12,
      y: 0.3,
      width: 0.28,
      height: expect.closeTo(0.25) as number,
    });
    expect(regionBetween({ x: 0.4, y: 0.4 }, { x: 0.401, y: 0.5 })).toBeNull();
  });

  it('starts a keyboard box in the middle of what is visible', () => {
    const region = regionInView(fitView(image, box), image, box);
    expect(region.x + region.width / 2).toBeCloseTo(0.5);
    expect(region.y + region.height / 2).toBeCloseTo(0.5);
    expect(region.width).toBeCloseTo(1 / 3);
  });

  it('moves and resizes inside the image', () => {
    const region = { x: 0.8, y: 0.1, width: 0.15, height: 0.1 };
    expect(moveRegion(region, 0.1, -0.2)).toEqual({ x: 0.85, y: 0, width: 0.15, height: 0.1 });
    expect(resizeRegion(region, 0.5, -1).width).toBeCloseTo(0.2);
    expect(resizeRegion(region, 0.5, -1).height).toBe(0.01);
    expect(roundRegion({ x: 0.123456, y: 0, width: 0.5, height: 1 })).toEqual({
      x: 0.1235,
      y: 0,
      width: 0.5,
      height: 1,
    });
  });

  it('zooms in on a small region and centres it', () => {
    const region = { x: 0.45, y: 0.45, width: 0.1, height: 0.1 };
    const view = viewForRegion(region, image, box);
    expect(view.scale).toBeGreaterThan(fitView(image, box).scale);
    const centreX = view.x + 0.5 * image.width * view.scale;
    expect(centreX).toBeCloseTo(box.width / 2);
  });
});
