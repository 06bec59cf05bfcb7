import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { columnLetters } from '../../../shared/review/export/anchor-label';
import {
  anchorPosition,
  selectionAfterKey,
  selectionAnchor,
  selectionFor,
  type TableAnchor,
  type TableSelection,
} from './tableSelection';

/** How long a revealed cell or row range stays highlighted. */
const FLASH_MS = 2500;
/** Page Up/Down move this many rows. */
const PAGE_ROWS = 10;

/** A reveal asked of the viewer; `at` makes asking twice for the same place count twice. */
export interface RevealRequest {
  anchor: TableAnchor;
  at: number;
}

/**
 * Cell and row-range selection for comments, by mouse (click a cell; click a row number; Shift
 * extends a row range) and keyboard (Tab into the table, arrows between cells, Shift+↑/↓ or
 * Shift+Space for rows, Escape back to a cell). The body's cells carry data-position (display
 * order) and data-column; handlers are delegated to the <tbody> so rows can stay memoised.
 */
export function useTableAnchors({
  itemId,
  order,
  columns,
  capture,
  revealRequest,
  bodyRef,
  scrollTo,
}: {
  itemId: string;
  order: readonly number[];
  columns: number;
  /** Filled with a function returning the current selection's anchor (null without one). */
  capture: RefObject<(() => TableAnchor | null) | null>;
  revealRequest: RevealRequest | null;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  /** Brings a display position on screen (the table may render only some rows). */
  scrollTo(position: number): void;
}) {
  const [selection, setSelection] = useState<TableSelection | null>(null);
  const [flash, setFlash] = useState<TableAnchor | null>(null);
  const focusWanted = useRef(false);

  useLayoutEffect(() => {
    capture.current = () => (selection ? selectionAnchor(itemId, selection, order) : null);
    return () => {
      capture.current = null;
    };
  }, [capture, selection, itemId, order]);

  // After a key moved the selection, focus follows to the active cell (once it is rendered).
  useLayoutEffect(() => {
    if (!focusWanted.current || !selection) return;
    const cell = bodyRef.current?.querySelector<HTMLElement>(
      `[data-position="${selection.position}"][data-column="${selection.column}"]`,
    );
    if (cell) {
      focusWanted.current = false;
      cell.focus({ preventScroll: true });
      cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });

  useEffect(() => {
    if (!revealRequest) return;
    const next = selectionFor(revealRequest.anchor, order);
    setSelection(next);
    setFlash(revealRequest.anchor);
    scrollTo(anchorPosition(revealRequest.anchor, order));
    // Only a new request reveals; a re-sort afterwards must not jump back.
  }, [revealRequest]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  function cellOf(target: EventTarget | null): { position: number; column: number } | null {
    const cell = (target as Element | null)?.closest?.('[data-position]');
    if (!(cell instanceof HTMLElement)) return null;
    return { position: Number(cell.dataset.position), column: Number(cell.dataset.column ?? -1) };
  }

  function onClick(event: MouseEvent<HTMLElement>) {
    const cell = cellOf(event.target);
    if (!cell) return;
    setSelection((current) => {
      const wholeRow = cell.column < 0;
      if (event.shiftKey && current)
        return { position: cell.position, column: current.column, rangeFrom: current.rangeFrom ?? current.position };
      if (wholeRow) return { position: cell.position, column: 0, rangeFrom: cell.position };
      return { position: cell.position, column: cell.column, rangeFrom: null };
    });
  }

  /** Tabbing into the table selects the cell that receives focus. */
  function onFocus(event: FocusEvent<HTMLElement>) {
    const cell = cellOf(event.target);
    if (!cell || cell.column < 0) return;
    setSelection((current) =>
      current && current.position === cell.position && current.column === cell.column
        ? current
        : { position: cell.position, column: cell.column, rangeFrom: null },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey || !selection || !cellOf(event.target)) return;
    const next = selectionAfterKey(selection, event, { rows: order.length, columns, page: PAGE_ROWS });
    if (!next) return;
    event.preventDefault();
    focusWanted.current = true;
    setSelection(next);
    if (next.position !== selection.position) scrollTo(next.position);
  }

  const anchor = selection ? selectionAnchor(itemId, selection, order) : null;
  const status = !anchor
    ? ''
    : anchor.kind === 'table-cell'
      ? `Cell ${columnLetters(anchor.column)}${anchor.row} selected. Press C to comment on it, Shift+Space for its row.`
      : `Row${anchor.from === anchor.to ? ` ${anchor.from}` : `s ${anchor.from}–${anchor.to}`} selected. Press C to comment on ${anchor.from === anchor.to ? 'it' : 'them'}.`;

  return { selection, anchor, flash, status, onClick, onFocus, onKeyDown };
}
