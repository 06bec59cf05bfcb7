import { describe, expect, it } from 'vitest';
import { dayStart, detailSummary, subjectText } from './summary';

describe('audit rows in words', () => {
  it('puts the why first and counts lists', () => {
    expect(detailSummary({ windowId: 'w1', discrepancies: [{}, {}], reason: 'Levels unsupported' })).toBe(
      'reason: Levels unsupported · windowId: w1 · discrepancies: 2 items',
    );
  });

  it('shortens ids to their first characters', () => {
    expect(detailSummary({ windowId: '8fc81d62-2a3b-4b22-a43d-af847183463e' })).toBe('windowId: 8fc81d62…');
  });

  it('cuts a long detail to one line', () => {
    const summary = detailSummary({ text: 'x'.repeat(500) });
    expect(summary).toHaveLength(140);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('shortens ids in subjects', () => {
    expect(subjectText('packet:0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10')).toBe('packet 0b6c3f3e…');
    expect(subjectText('user:ann')).toBe('user ann');
  });

  it('turns a date field into the start of that day, or of the next one for an end', () => {
    expect(dayStart('2026-12-03')).toBe(new Date(2026, 11, 3).toISOString());
    expect(dayStart('2026-12-03', true)).toBe(new Date(2026, 11, 4).toISOString());
    expect(dayStart('')).toBeUndefined();
  });
});
