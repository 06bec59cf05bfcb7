/**
 * Where the assessor is in a table, for comments: an active cell, and optionally a row range
 * (Shift+↑/↓ or Shift+click) from a fixed row to the active one. Positions are places in the
 * displayed (possibly sorted) order; anchors name rows in file order, so sorting never changes
 * what a comment points at. Free of the DOM so it can be unit tested.
 */
import type { EvidenceAnchor } from '../../../shared/domain/score';

export interface TableSelection {
  /** Display position (0-based) and column (0-based) of the active cell. */
  position: number;
  column: number;
  /** Display position where a row range started; null when a single cell is selected. */
  rangeFrom: number | null;
}

export type TableAnchor = Extract<EvidenceAnchor, { kind: 'table-cell' | 'table-rows' }>;

/** The anchor for a selection: the cell, or the rows from the first to the last selected (file order). */
export function selectionAnchor(itemId: string, selection: TableSelection, order: readonly number[]): TableAnchor {
  const fileRow = (position: number) => (order[position] ?? position) + 1;
  if (selection.rangeFrom === null) {
    return { kind: 'table-cell', itemId, row: fileRow(selection.position), column: selection.column + 1 };
  }
  const a = fileRow(selection.rangeFrom);
  const b = fileRow(selection.position);
  return { kind: 'table-rows', itemId, from: Math.min(a, b), to: Math.max(a, b) };
}

/** Whether a row (0-based, file order) is inside a table anchor, and which cell column if it is a cell. */
export function anchorCovers(anchor: TableAnchor, fileRow: number): { row: boolean; column?: number } {
  const row = fileRow + 1;
  if (anchor.kind === 'table-cell')
    return anchor.row === row ? { row: false, column: anchor.column - 1 } : { row: false };
  return { row: row >= anchor.from && row <= anchor.to };
}

/** The display position to scroll to for an anchor: its first row as the table is ordered now. */
export function anchorPosition(anchor: TableAnchor, order: readonly number[]): number {
  const first = (anchor.kind === 'table-cell' ? anchor.row : anchor.from) - 1;
  const position = order.indexOf(first);
  return position >= 0 ? position : 0;
}

/** The selection an anchor stands for, as the table is ordered now (used when revealing it). */
export function selectionFor(anchor: TableAnchor, order: readonly number[]): TableSelection {
  if (anchor.kind === 'table-cell') {
    return { position: anchorPosition(anchor, order), column: anchor.column - 1, rangeFrom: null };
  }
  const from = order.indexOf(anchor.from - 1);
  const to = order.indexOf(anchor.to - 1);
  return { position: to >= 0 ? to : 0, column: 0, rangeFrom: from >= 0 ? from : 0 };
}

/**
 * The selection after a key, or null when the key is not a table key: arrows move the active
 * cell (Shift+↑/↓ extends a row range), Home/End go to the row's first/last cell, Page keys
 * move by `page` rows, Shift+Space selects the active row, Escape drops a row range.
 */
export function selectionAfterKey(
  selection: TableSelection,
  key: { key: string; shiftKey: boolean },
  size: { rows: number; columns: number; page: number },
): TableSelection | null {
  const clampRow = (p: number) => Math.min(size.rows - 1, Math.max(0, p));
  const clampColumn = (c: number) => Math.min(size.columns - 1, Math.max(0, c));
  const { position, column, rangeFrom } = selection;
  const vertical = (delta: number): TableSelection =>
    key.shiftKey
      ? { position: clampRow(position + delta), column, rangeFrom: rangeFrom ?? position }
      : { position: clampRow(position + delta), column, rangeFrom: null };
  switch (key.key) {
    case 'ArrowUp':
      return vertical(-1);
    case 'ArrowDown':
      return vertical(1);
    case 'PageUp':
      return vertical(-size.page);
    case 'PageDown':
      return vertical(size.page);
    case 'ArrowLeft':
      return { position, column: clampColumn(column - 1), rangeFrom: null };
    case 'ArrowRight':
      return { position, column: clampColumn(column + 1), rangeFrom: null };
    case 'Home':
      return { position, column: 0, rangeFrom: null };
    case 'End':
      return { position, column: size.columns - 1, rangeFrom: null };
    case ' ':
      return key.shiftKey ? { position, column, rangeFrom: position } : null;
    case 'Escape':
      return rangeFrom === null ? null : { position, column, rangeFrom: null };
    default:
      return null;
  }
}
