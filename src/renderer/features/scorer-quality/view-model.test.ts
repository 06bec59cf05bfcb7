import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/route';
import { dailyLines, percent, scaleShares, severityText, yOfShare } from './view-model';

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

  it('draws a day per x, 100% at the top, and breaks a line on a day without scorings', () => {
    const day = (d: string, exact: number | null) => ({ day: d, exact, n: exact === null ? 0 : 2 });
    const { days, lines } = dailyLines(
      [
        {
          assessorId: 'a',
          username: 'a',
          daily: [day('2026-03-01', 1), day('2026-03-02', 0.5), day('2026-03-03', null), day('2026-03-04', 0)],
        },
        { assessorId: 'b', username: 'b', daily: [day('2026-03-01', null), day('2026-03-02', null)] },
      ],
      { width: 310, height: 120, left: 10, right: 0, top: 10, bottom: 10 },
    );
    expect(days.map((d) => [d.day, d.x])).toEqual([
      ['2026-03-01', 10],
      ['2026-03-02', 110],
      ['2026-03-03', 210],
      ['2026-03-04', 310],
    ]);
    expect(lines.map((l) => l.assessorId)).toEqual(['a']); // nothing to draw for b
    expect(lines[0]!.segments.map((run) => run.map((p) => [p.x, p.y]))).toEqual([
      [
        [10, 10],
        [110, 60],
      ],
      [[310, 110]],
    ]);
    expect(yOfShare(0.6, FRAME)).toBeCloseTo(50);
  });

  it('turns scale use into shares, all zero when nothing was scored', () => {
    expect(scaleShares([1, 3, 0, 0])).toEqual([0.25, 0.75, 0, 0]);
    expect(scaleShares([0, 0])).toEqual([0, 0]);
  });
});
