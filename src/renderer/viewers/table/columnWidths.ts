import type { TableModel } from './tableModel';

export const MIN_COLUMN_WIDTH = 64;
export const MAX_COLUMN_WIDTH = 420;
/** Horizontal cell padding (both sides) plus room for the sort arrow in the header. */
const CELL_PADDING = 26;
const HEADER_EXTRA = 22;
/** Measuring every cell of a huge file buys nothing; a spread-out sample finds the wide ones. */
const SAMPLE_LIMIT = 2000;

/**
 * Column widths for a long table, where only some rows are in the DOM at a time: the table is
 * laid out with fixed widths so columns do not jump as rows scroll in and out. `measure` returns
 * the rendered width of a string (canvas measureText in the browser).
 */
export function columnWidths(model: TableModel, measure: (text: string, header: boolean) => number): number[] {
  const { rows, columns } = model;
  const step = Math.max(1, Math.ceil(rows.length / SAMPLE_LIMIT));
  return columns.map((column, index) => {
    let widest = measure(column.name, true) + HEADER_EXTRA;
    for (let r = 0; r < rows.length; r += step) {
      const cell = rows[r]?.[index] ?? '';
      if (!cell) continue;
      for (const line of cell.split(/\r\n|\r|\n/)) widest = Math.max(widest, measure(line, false));
      if (widest >= MAX_COLUMN_WIDTH) break;
    }
    return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + CELL_PADDING)));
  });
}

/** A measuring function backed by a canvas, using the fonts the table actually renders with. */
export function canvasMeasure(cellFont: string, headerFont: string): (text: string, header: boolean) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 8;
  const cache = new Map<string, number>();
  return (text, header) => {
    const key = `${header ? 'h' : 'c'}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = header ? headerFont : cellFont;
      width = context.measureText(text).width;
      if (cache.size < 20_000) cache.set(key, width);
    }
    return width;
  };
}
