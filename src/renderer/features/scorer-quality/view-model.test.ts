import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/route';
import { percent, scaleShares, severityText, trendLines, yOfShare } from './view-model';

const WINDOW = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';
const FRAME = { width: 220, height: 120, left: 10, right: 10, top: 10, bottom: 10 };

describe('scorer quality view model', () => {
  it('the route reads back what it writes', () => {
    expect(routeHref({ screen: 'scorers', windowId: WINDOW })).toBe(`#/windows/${WINDOW}/scorers`);
    expect(parseRoute(`#/windows/${WINDOW}/scorers`)).toEqual({ screen: 'scorers', windowId: WINDOW });
    expect(parseRoute(`#/windows/${WINDOW}`)).toEqual({ screen: 'window', windowId: WINDOW });
  });

  it.each([
    [null, '—', '—'],
    [0, '0%', '0.00'],
    [0.456, '46%', '+0.46'],
    [-0.5, '-50%', '−0.50'],
  ])('writes %s as %s and %s', (value, share, severity) => {
    expect(percent(value)).toBe(share);
    expect(severityText(value)).toBe(severity);
  });

  it('places trend points left to right, 100% at the top and 0% at the bottom', () => {
    const trend = (exacts: number[]) =>
      exacts.map((exact, i) => ({ from: i * 5 + 1, to: i * 5 + 5, exact, n: 5, endsAt: '2026-10-01T00:00:00.000Z' }));
    const lines = trendLines(
      [
        { assessorId: 'a', username: 'a', trend: trend([1, 0.5, 0]) },
        { assessorId: 'b', username: 'b', trend: [] },
      ],
      FRAME,
    );
    expect(lines.map((l) => l.assessorId)).toEqual(['a']); // nothing to draw for b
    expect(lines[0]!.points.map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [110, 60],
      [210, 110],
    ]);
    expect(yOfShare(0.6, FRAME)).toBeCloseTo(50);
  });

  it('turns scale use into shares, all zero when nothing was scored', () => {
    expect(scaleShares([1, 3, 0, 0])).toEqual([0.25, 0.75, 0, 0]);
    expect(scaleShares([0, 0])).toEqual([0, 0]);
  });
});
