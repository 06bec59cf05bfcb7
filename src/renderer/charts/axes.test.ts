import { describe, expect, it } from 'vitest';
import { dayLabel, labelledDays, yOfValue } from './axes';

describe('chart axes', () => {
  it('labels UTC days the same for every viewer, about seven of them, first and last always', () => {
    expect(dayLabel('2026-03-02')).toBe(
      new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        Date.UTC(2026, 2, 2),
      ),
    );
    expect(labelledDays([1, 2, 3])).toEqual([1, 2, 3]);
    const month = Array.from({ length: 30 }, (_, i) => i);
    expect(labelledDays(month)).toEqual([0, 5, 10, 15, 20, 25, 29]);
    expect(labelledDays(Array.from({ length: 12 }, (_, i) => i))).toEqual([0, 2, 4, 6, 8, 11]);
  });

  it('puts 0 at the bottom of the plot and the maximum at its top', () => {
    const frame = { width: 220, height: 120, left: 10, right: 10, top: 10, bottom: 10 };
    expect(yOfValue(0, 8, frame)).toBe(110);
    expect(yOfValue(8, 8, frame)).toBe(10);
    expect(yOfValue(0.6, 1, frame)).toBeCloseTo(50);
  });
});
