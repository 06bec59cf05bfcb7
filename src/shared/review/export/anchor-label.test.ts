import { describe, expect, it } from 'vitest';
import { anchorLabel, columnLetters, mediaTime, quoted } from './anchor-label';
import { manifest, richManifest } from './test-fixtures';

describe('anchorLabel', () => {
  it('names the item and the page, time or nothing more', () => {
    expect(anchorLabel({ kind: 'pdf', itemId: 'lesson-plan', page: 2 }, manifest)).toBe('Lesson plan, page 2');
    expect(anchorLabel({ kind: 'media', itemId: 'video', seconds: 74.6 }, manifest)).toBe('Classroom video, 1:14');
    expect(anchorLabel({ kind: 'item', itemId: 'results' }, manifest)).toBe('Exit ticket results');
  });

  it('falls back to the item id for an item the manifest lacks', () => {
    expect(anchorLabel({ kind: 'pdf', itemId: 'gone', page: 1 }, manifest)).toBe('gone, page 1');
  });

  it('gives a video range as start–end on the player clock', () => {
    expect(anchorLabel({ kind: 'media-range', itemId: 'video', start: 72, end: 100.4 }, manifest)).toBe(
      'Classroom video, 1:12–1:40',
    );
  });

  it('gives an image region in whole percents of the image, across then down', () => {
    const region = { x: 0.12, y: 0.3, width: 0.28, height: 0.25 };
    expect(anchorLabel({ kind: 'image', itemId: 'whiteboard', region }, richManifest)).toBe(
      'Whiteboard photo, region 12–40 % × 30–55 %',
    );
  });

  it('names table cells spreadsheet-style and row ranges by their numbers', () => {
    expect(anchorLabel({ kind: 'table-cell', itemId: 'results', row: 5, column: 3 }, manifest)).toBe(
      'Exit ticket results, cell C5',
    );
    expect(anchorLabel({ kind: 'table-rows', itemId: 'results', from: 4, to: 7 }, manifest)).toBe(
      'Exit ticket results, rows 4–7',
    );
    expect(anchorLabel({ kind: 'table-rows', itemId: 'results', from: 4, to: 4 }, manifest)).toBe(
      'Exit ticket results, row 4',
    );
  });

  it('quotes a passage, numbering written responses as the packet does', () => {
    const quote = 'could not interpret';
    expect(anchorLabel({ kind: 'passage', promptId: 'analysis', start: 29, end: 48, quote }, richManifest)).toBe(
      'Response 2: “could not interpret”',
    );
    expect(anchorLabel({ kind: 'passage', itemId: 'notes', start: 0, end: 5, quote: 'We met' }, richManifest)).toBe(
      'PLC notes: “We met”',
    );
  });
});

describe('columnLetters', () => {
  it('counts A–Z, then AA', () => {
    expect([1, 3, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('quoted', () => {
  it('folds whitespace and cuts long quotes with an ellipsis', () => {
    expect(quoted('  two\n lines ')).toBe('“two lines”');
    const long = quoted('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(62);
    expect(long.endsWith('…”')).toBe(true);
  });
});

describe('mediaTime', () => {
  it('reads like a player clock, rounding down', () => {
    expect(mediaTime(0)).toBe('0:00');
    expect(mediaTime(9.99)).toBe('0:09');
    expect(mediaTime(600)).toBe('10:00');
    expect(mediaTime(3725)).toBe('1:02:05');
  });
});
