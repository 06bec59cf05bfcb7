import { describe, expect, it } from 'vitest';
import { percent, qualificationStanding } from './qualification-words';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('qualificationStanding', () => {
  it.each([
    ['current, far from its date', 'current', day(200), 'Current until 2027-06-21', false],
    ['current, within the warning', 'current', day(30), 'Current, expires in 30 days (2027-01-02)', true],
    ['current, one day left', 'current', day(0.5), 'Current, expires in 1 day (2026-12-04)', true],
    ['expired', 'expired', day(-3), 'Expired on 2026-11-30: recalibrate', true],
    ['not qualified', 'not-qualified', day(100), 'Not qualified: calibrate again', true],
  ] as const)('%s', (_, status, expiresAt, text, warn) => {
    expect(qualificationStanding({ status, expiresAt }, NOW, iso)).toEqual({ text, warn });
  });
});

describe('percent', () => {
  it('rounds a share and says when there is none', () => {
    expect([percent(0.834), percent(1), percent(0), percent(null)]).toEqual(['83 %', '100 %', '0 %', '—']);
  });
});
