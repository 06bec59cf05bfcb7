import { describe, expect, it } from 'vitest';
import { buildTable, detectHeader, parseNumber, sortOrder } from './tableModel';

describe('parseNumber', () => {
  it('reads common number spellings', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' -3.5 ')).toBe(-3.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('$12.50')).toBe(12.5);
    expect(parseNumber('85%')).toBe(85);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('\u22124')).toBe(-4);
  });
  it('rejects text', () => {
    for (const text of ['', 'abc', '12abc', '1,23', '-', '%', 'S001', '2024-03-01'])
      expect(parseNumber(text)).toBeNull();
  });
});

describe('detectHeader', () => {
  it('sees a text row above numbers', () => {
    expect(
      detectHeader([
        ['student', 'score'],
        ['A', '12'],
        ['B', '15'],
      ]),
    ).toBe(true);
  });
  it('sees data when the first row is numeric too', () => {
    expect(
      detectHeader([
        ['A', '12'],
        ['B', '15'],
        ['C', '9'],
      ]),
    ).toBe(false);
  });
  it('rejects a first row that repeats values from below', () => {
    expect(
      detectHeader([
        ['red', 'big'],
        ['blue', 'small'],
        ['red', 'big'],
      ]),
    ).toBe(false);
  });
  it('accepts a plain all-text header', () => {
    expect(
      detectHeader([
        ['Name', 'Comment'],
        ['Ana', 'Great questioning'],
        ['Bo', 'Needs more wait time'],
      ]),
    ).toBe(true);
  });
  it('rejects a first row with an empty cell', () => {
    expect(
      detectHeader([
        ['Name', ''],
        ['Ana', 'x'],
      ]),
    ).toBe(false);
  });
  it('cannot tell with a single row', () => {
    expect(detectHeader([['a', 'b']])).toBe(false);
  });
});

describe('buildTable', () => {
  it('names columns from the header and flags numeric ones', () => {
    const model = buildTable([
      ['Student', 'Score', 'Note'],
      ['A', '12', 'ok'],
      ['B', '9', ''],
      ['', '', ''],
    ]);
    expect(model.hasHeader).toBe(true);
    expect(model.columns).toEqual([
      { name: 'Student', numeric: false },
      { name: 'Score', numeric: true },
      { name: 'Note', numeric: false },
    ]);
    expect(model.rows).toHaveLength(2);
  });
  it('generates names without a header and pads ragged rows', () => {
    const model = buildTable([['1', '2', '3'], ['4']]);
    expect(model.hasHeader).toBe(false);
    expect(model.columns.map((c) => c.name)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(model.rows[1]).toEqual(['4', '', '']);
  });
});

describe('sortOrder', () => {
  const model = buildTable([
    ['Name', 'Score'],
    ['b', '10'],
    ['a', '9'],
    ['c', ''],
    ['B', '100'],
    ['d', 'absent'],
  ]);
  it('sorts numbers numerically with empties and text last', () => {
    expect(sortOrder(model, 1, 'ascending').map((i) => model.rows[i]?.[1])).toEqual(['9', '10', '100', 'absent', '']);
    expect(sortOrder(model, 1, 'descending').map((i) => model.rows[i]?.[1])).toEqual(['100', '10', '9', 'absent', '']);
  });
  it('sorts text case-insensitively and stably', () => {
    expect(sortOrder(model, 0, 'ascending').map((i) => model.rows[i]?.[0])).toEqual(['a', 'b', 'B', 'c', 'd']);
    expect(sortOrder(model, 0, 'descending').map((i) => model.rows[i]?.[0])).toEqual(['d', 'c', 'b', 'B', 'a']);
  });
});
