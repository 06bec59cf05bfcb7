import { describe, expect, it } from 'vitest';
import { parseCsv, squareUp } from './parse-csv';

describe('parseCsv', () => {
  it('reads simple records', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('ignores one trailing line break but keeps empty fields', () => {
    expect(parseCsv('a,b\n1,\n')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv(',\n')).toEqual([['', '']]);
  });

  it('handles CRLF, LF and bare CR line ends', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r5,6\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('reads quoted fields with delimiters, escaped quotes and embedded newlines', () => {
    const csv = 'name,comment\r\n"Smith, J.","She said ""yes""\r\nthen left"\r\nLee,"multi\nline"';
    expect(parseCsv(csv)).toEqual([
      ['name', 'comment'],
      ['Smith, J.', 'She said "yes"\r\nthen left'],
      ['Lee', 'multi\nline'],
    ]);
  });

  it('keeps an empty quoted field and a quoted field at the end of the file', () => {
    expect(parseCsv('"",x\n"last"')).toEqual([['', 'x'], ['last']]);
    expect(parseCsv('a,""')).toEqual([['a', '']]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(parseCsv('5" screen,ok\n')).toEqual([['5" screen', 'ok']]);
  });

  it('closes an unterminated quote at the end of the file', () => {
    expect(parseCsv('a,"open\nstill open')).toEqual([['a', 'open\nstill open']]);
  });

  it('strips a byte-order mark', () => {
    expect(parseCsv('\uFEFFid,score\n1,9')[0]).toEqual(['id', 'score']);
  });

  it('supports other delimiters', () => {
    expect(parseCsv('a\tb\n"x\ty"\tz', { delimiter: '\t' })).toEqual([
      ['a', 'b'],
      ['x\ty', 'z'],
    ]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow();
  });

  it('returns nothing for empty input', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('parses thousands of rows quickly', () => {
    const line = '123,"Doe, Jane",45.5,"note with ""quotes"""\r\n';
    const rows = parseCsv(line.repeat(20000));
    expect(rows).toHaveLength(20000);
    expect(rows[19999]).toEqual(['123', 'Doe, Jane', '45.5', 'note with "quotes"']);
  });
});

describe('squareUp', () => {
  it('pads short rows', () => {
    expect(squareUp([['a', 'b', 'c'], ['1']])).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });
});
