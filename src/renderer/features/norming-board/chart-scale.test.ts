import { describe, expect, it } from 'vitest';
import { layoutBars } from './chart-scale';

const LEVELS = [
  { id: 'l1', label: 'Beginning' },
  { id: 'l2', label: 'Developing' },
  { id: 'l3', label: 'Proficient' },
  { id: 'l4', label: 'Accomplished' },
];

describe('distribution chart scale', () => {
  it('gives heights proportional to counts, levels in rubric order, the master marked', () => {
    const layout = layoutBars(LEVELS, { l3: 4, l2: 2 }, 'l3', { width: 400, height: 100, gap: 0 });
    expect(layout.bars.map((b) => [b.levelId, b.count, b.height, b.x, b.width, b.isMaster])).toEqual([
      ['l1', 0, 0, 0, 100, false],
      ['l2', 2, 50, 100, 100, false],
      ['l3', 4, 100, 200, 100, true],
      ['l4', 0, 0, 300, 100, false],
    ]);
    expect(layout.total).toBe(6);
    expect(layout.bars[2]!.share).toBeCloseTo(4 / 6);
  });

  it('scales every anchor of a criterion to one shared maximum, so bars compare', () => {
    const layout = layoutBars(LEVELS, { l1: 2 }, null, { width: 400, height: 100, max: 8 });
    expect(layout.max).toBe(8);
    expect(layout.bars[0]!.height).toBe(25);
  });

  it('never divides by zero when nobody has scored, and keeps at most five whole-number gridlines', () => {
    const empty = layoutBars(LEVELS, {}, 'l2', { width: 400, height: 100 });
    expect(empty.max).toBe(1);
    expect(empty.bars.every((b) => b.height === 0 && b.share === 0)).toBe(true);
    expect(empty.ticks).toEqual([0, 1]);
    expect(layoutBars(LEVELS, { l1: 50 }, null, { width: 400, height: 100 }).ticks).toEqual([0, 13, 26, 39]);
  });
});
