import { describe, expect, it } from 'vitest';
import {
  anchorRectCentre,
  anchorRectToPercent,
  anchorRectToViewportRect,
  dragRect,
  intersectRect,
  isMeaningfulDrag,
  MAX_QUOTE,
  pinOffset,
  quoteFromSelection,
  unionRects,
  viewportRectToAnchorRect,
  type ViewportLike,
} from './pdfGeometry';

/** The same affine transform pdf.js's PageViewport builds (display_utils.js), for rotations 0/90/180/270. */
function viewport(
  viewBox: [number, number, number, number],
  scale: number,
  rotation: 0 | 90 | 180 | 270,
): ViewportLike {
  const [vx1, vy1, vx2, vy2] = viewBox;
  const cx = (vx1 + vx2) / 2;
  const cy = (vy1 + vy2) / 2;
  const [a, b, c, d] = { 0: [1, 0, 0, -1], 90: [0, 1, 1, 0], 180: [-1, 0, 0, 1], 270: [0, -1, -1, 0] }[
    rotation
  ] as number[] as [number, number, number, number];
  let ox: number;
  let oy: number;
  let width: number;
  let height: number;
  if (a === 0) {
    ox = Math.abs(cy - vy1) * scale;
    oy = Math.abs(cx - vx1) * scale;
    width = (vy2 - vy1) * scale;
    height = (vx2 - vx1) * scale;
  } else {
    ox = Math.abs(cx - vx1) * scale;
    oy = Math.abs(cy - vy1) * scale;
    width = (vx2 - vx1) * scale;
    height = (vy2 - vy1) * scale;
  }
  const t = [
    a * scale,
    b * scale,
    c * scale,
    d * scale,
    ox - a * scale * cx - c * scale * cy,
    oy - b * scale * cx - d * scale * cy,
  ] as const;
  return {
    width,
    height,
    viewBox,
    convertToViewportPoint: (x, y) => [t[0] * x + t[2] * y + t[4], t[1] * x + t[3] * y + t[5]],
    convertToPdfPoint(x, y) {
      const det = t[0] * t[3] - t[1] * t[2];
      return [
        (x * t[3] - y * t[2] + t[2] * t[5] - t[4] * t[3]) / det,
        (-x * t[1] + y * t[0] + t[4] * t[1] - t[5] * t[0]) / det,
      ];
    },
  };
}

const letter = [0, 0, 612, 792] as [number, number, number, number];

describe('viewportRectToAnchorRect', () => {
  it('measures from the top-left in points, whatever the zoom', () => {
    // 100×50 px at (200, 300) on a page rendered at 2 CSS px per point.
    const rect = viewportRectToAnchorRect({ x: 200, y: 300, width: 100, height: 50 }, viewport(letter, 2, 0));
    expect(rect).toEqual({ x: 100, y: 150, width: 50, height: 25 });
  });

  it('is independent of where the crop box sits in user space', () => {
    const rect = viewportRectToAnchorRect({ x: 0, y: 0, width: 10, height: 10 }, viewport([50, 100, 662, 892], 1, 0));
    expect(rect).toEqual({ x: 0, y: 0, width: 10, height: 10 });
  });

  it('undoes page rotation, so the rect is in the unrotated page', () => {
    // Rotated 90°: the page's top-left corner is drawn at the top-right of the screen.
    const vp = viewport(letter, 1, 90);
    expect(vp.width).toBe(792);
    const rect = viewportRectToAnchorRect({ x: 792 - 20, y: 0, width: 20, height: 10 }, vp);
    expect(rect).toEqual({ x: 0, y: 0, width: 10, height: 20 });
  });

  it('always gives positive sizes', () => {
    const rect = viewportRectToAnchorRect({ x: 300, y: 300, width: -100, height: -40 }, viewport(letter, 1, 0));
    expect(rect).toEqual({ x: 200, y: 260, width: 100, height: 40 });
  });
});

describe('anchorRectToViewportRect / anchorRectToPercent', () => {
  it('round-trips for every rotation and scale', () => {
    const anchor = { x: 72, y: 144, width: 200, height: 36 };
    for (const rotation of [0, 90, 180, 270] as const) {
      for (const scale of [0.5, 1.333, 3]) {
        const vp = viewport([10, 20, 622, 812], scale, rotation);
        const back = viewportRectToAnchorRect(anchorRectToViewportRect(anchor, vp), vp);
        expect(back.x).toBeCloseTo(anchor.x, 1);
        expect(back.y).toBeCloseTo(anchor.y, 1);
        expect(back.width).toBeCloseTo(anchor.width, 1);
        expect(back.height).toBeCloseTo(anchor.height, 1);
      }
    }
  });

  it('places a rect as percentages of the page', () => {
    const box = anchorRectToPercent({ x: 306, y: 396, width: 61.2, height: 79.2 }, viewport(letter, 1.5, 0));
    expect(box.left).toBeCloseTo(50);
    expect(box.top).toBeCloseTo(50);
    expect(box.width).toBeCloseTo(10);
    expect(box.height).toBeCloseTo(10);
  });

  it('finds the centre in user space for scrolling', () => {
    expect(anchorRectCentre({ x: 100, y: 100, width: 50, height: 20 }, letter)).toEqual([125, 682]);
  });
});

describe('dragRect', () => {
  it('normalises any drag direction and clamps to the page', () => {
    const size = { width: 400, height: 500 };
    expect(dragRect({ x: 300, y: 200 }, { x: 100, y: 50 }, size)).toEqual({ x: 100, y: 50, width: 200, height: 150 });
    expect(dragRect({ x: 350, y: 450 }, { x: 480, y: 600 }, size)).toEqual({ x: 350, y: 450, width: 50, height: 50 });
    expect(dragRect({ x: 10, y: 10 }, { x: -30, y: -5 }, size)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
  });
  it('tells a click from a drag', () => {
    expect(isMeaningfulDrag({ x: 0, y: 0, width: 2, height: 3 })).toBe(false);
    expect(isMeaningfulDrag({ x: 0, y: 0, width: 40, height: 1 })).toBe(true);
  });
});

describe('unionRects / intersectRect', () => {
  it('unions selection rects, skipping empty ones', () => {
    const rects = [
      { x: 10, y: 10, width: 100, height: 12 },
      { x: 0, y: 0, width: 0, height: 0 },
      { x: 5, y: 24, width: 60, height: 12 },
    ];
    expect(unionRects(rects)).toEqual({ x: 5, y: 10, width: 105, height: 26 });
    expect(unionRects([])).toBeNull();
  });
  it('clips to bounds', () => {
    expect(intersectRect({ x: -10, y: 5, width: 30, height: 10 }, { x: 0, y: 0, width: 15, height: 100 })).toEqual({
      x: 0,
      y: 5,
      width: 15,
      height: 10,
    });
    expect(intersectRect({ x: 0, y: 0, width: 5, height: 5 }, { x: 10, y: 10, width: 5, height: 5 })).toBeNull();
  });
});

describe('quoteFromSelection', () => {
  it('flattens pdf.js line breaks and trims', () => {
    expect(quoteFromSelection('  The objective\nof the\n\tlesson  ')).toBe('The objective of the lesson');
  });
  it('keeps at most MAX_QUOTE characters, marking the cut', () => {
    const quote = quoteFromSelection('word '.repeat(300));
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE);
    expect(quote.endsWith('…')).toBe(true);
    expect(quoteFromSelection('x'.repeat(MAX_QUOTE))).toHaveLength(MAX_QUOTE);
  });
});

describe('pinOffset', () => {
  it('lines pins up without overlap', () => {
    expect(pinOffset(0)).toBeGreaterThan(0);
    expect(pinOffset(1) - pinOffset(0)).toBeGreaterThanOrEqual(24);
  });
});
