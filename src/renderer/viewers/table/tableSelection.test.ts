import { describe, expect, it } from 'vitest';
import { anchorCovers, selectionAfterKey, selectionAnchor, selectionFor } from './tableSelection';

const size = { rows: 10, columns: 4, page: 5 };
const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

describe('table selection', () => {
  it('names a cell and a row range in file order, 1-based, whatever the sort', () => {
    const sorted = [9, 3, 4, 5, 6, 0, 1, 2, 7, 8];
    expect(selectionAnchor('t', { position: 1, column: 2, rangeFrom: null }, sorted)).toEqual({
      kind: 'table-cell',
      itemId: 't',
      row: 4,
      column: 3,
    });
    expect(selectionAnchor('t', { position: 4, column: 0, rangeFrom: 1 }, sorted)).toEqual({
      kind: 'table-rows',
      itemId: 't',
      from: 4,
      to: 7,
    });
  });

  it('moves with arrows and extends a row range with Shift', () => {
    let selection = { position: 3, column: 1, rangeFrom: null as number | null };
    selection = selectionAfterKey(selection, key('ArrowDown', true), size) ?? selection;
    selection = selectionAfterKey(selection, key('ArrowDown', true), size) ?? selection;
    expect(selection).toEqual({ position: 5, column: 1, rangeFrom: 3 });
    expect(selectionAfterKey(selection, key('Escape'), size)).toEqual({ position: 5, column: 1, rangeFrom: null });
    expect(selectionAfterKey(selection, key('ArrowRight'), size)).toEqual({ position: 5, column: 2, rangeFrom: null });
    expect(selectionAfterKey(selection, key('End'), size)?.column).toBe(3);
    expect(selectionAfterKey(selection, key('PageDown'), size)?.position).toBe(9);
    expect(selectionAfterKey(selection, key('x'), size)).toBeNull();
    expect(selectionAfterKey({ position: 2, column: 0, rangeFrom: null }, key(' ', true), size)?.rangeFrom).toBe(2);
  });

  it('finds an anchor again in a sorted table', () => {
    const sorted = [9, 3, 4, 5, 6, 0, 1, 2, 7, 8];
    expect(selectionFor({ kind: 'table-cell', itemId: 't', row: 1, column: 2 }, sorted)).toEqual({
      position: 5,
      column: 1,
      rangeFrom: null,
    });
    expect(selectionFor({ kind: 'table-rows', itemId: 't', from: 4, to: 7 }, sorted)).toEqual({
      position: 4,
      column: 0,
      rangeFrom: 1,
    });
    expect(anchorCovers({ kind: 'table-rows', itemId: 't', from: 4, to: 7 }, 5)).toEqual({ row: true });
    expect(anchorCovers({ kind: 'table-cell', itemId: 't', row: 6, column: 2 }, 5)).toEqual({ row: false, column: 1 });
  });
});
