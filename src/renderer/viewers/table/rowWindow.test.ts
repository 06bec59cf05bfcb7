import { describe, expect, it } from 'vitest';
import { estimateRowHeight, rowAt, rowOffsets, visibleRange } from './rowWindow';

describe('row offsets and ranges', () => {
  const heights = [30, 30, 90, 30, 30];
  const offsets = rowOffsets([0, 1, 2, 3, 4], (row) => heights[row] ?? 0);

  it('accumulates heights in display order', () => {
    expect(Array.from(offsets)).toEqual([0, 30, 60, 150, 180, 210]);
    expect(Array.from(rowOffsets([2, 0], (row) => heights[row] ?? 0))).toEqual([0, 90, 120]);
  });

  it('finds the row under a position', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 59)).toBe(1);
    expect(rowAt(offsets, 60)).toBe(2);
    expect(rowAt(offsets, 149)).toBe(2);
    expect(rowAt(offsets, 10_000)).toBe(4);
  });

  it('covers the viewport plus overscan', () => {
    expect(visibleRange(offsets, 60, 30, 0)).toEqual({ start: 2, end: 3 });
    expect(visibleRange(offsets, 60, 30, 40)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(offsets, 100, 100, 0)).toEqual({ start: 2, end: 5 });
    expect(
      visibleRange(
        rowOffsets([], () => 0),
        0,
        100,
        0,
      ),
    ).toEqual({ start: 0, end: 0 });
  });
});

describe('estimateRowHeight', () => {
  const metrics = { lineHeight: 20, charWidth: 10, padding: 10 };
  it('counts wrapping and line breaks', () => {
    expect(estimateRowHeight(['short', '1'], [110, 110], metrics)).toBe(30);
    expect(estimateRowHeight(['x'.repeat(25)], [110], metrics)).toBe(70);
    expect(estimateRowHeight(['a\nb\nc'], [110], metrics)).toBe(70);
  });
});
