import '../viewers.css';
import { memo, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { columnLetters } from '../../../shared/review/export/anchor-label';
import { describeError } from '../common/describeError';
import { useFetchedText } from '../common/useFetchedText';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import type { ViewerMarker, ViewerProps } from '../types';
import { parseCsv } from '../../../shared/csv/parse-csv';
import { canvasMeasure, columnWidths } from './columnWidths';
import { estimateRowHeight, rowOffsets, visibleRange } from './rowWindow';
import { buildTable, sortOrder, type Column, type SortDirection, type TableModel } from './tableModel';
import { anchorCovers, type TableAnchor } from './tableSelection';
import { useTableAnchors, type RevealRequest } from './useTableAnchors';

interface Sort {
  column: number;
  direction: SortDirection;
}

/** CSV evidence (gradebooks, assessment data) as a sortable, accessible table. */
export function TableViewer(props: ViewerProps) {
  return <TableView key={props.url} {...props} />;
}

const isTableAnchor = (anchor: ViewerMarker['anchor']): anchor is TableAnchor =>
  anchor.kind === 'table-cell' || anchor.kind === 'table-rows';

function TableView({ item, url, handleRef, markers }: ViewerProps) {
  // The handle is ready at once (a broken file can still take a whole-item comment); the table,
  // once shown, fills `capture` with its selection and takes reveal requests.
  const capture = useRef<(() => TableAnchor | null) | null>(null);
  const [revealRequest, setRevealRequest] = useState<RevealRequest | null>(null);
  useImperativeHandle(
    handleRef,
    () => ({
      captureAnchor: () => capture.current?.() ?? { kind: 'item', itemId: item.id },
      reveal(anchor) {
        if (isTableAnchor(anchor) && anchor.itemId === item.id) setRevealRequest({ anchor, at: Date.now() });
      },
      position: () => ({}),
    }),
    [item.id],
  );
  const commented = useMemo(
    () => (markers ?? []).flatMap((m) => (isTableAnchor(m.anchor) && m.anchor.itemId === item.id ? [m.anchor] : [])),
    [markers, item.id],
  );
  const load = useFetchedText(url);
  const parsed = useMemo((): { model: TableModel } | { problem: string } | null => {
    if (load.phase !== 'ready') return null;
    try {
      const delimiter = item.mediaType === 'text/tab-separated-values' ? '\t' : ',';
      return { model: buildTable(parseCsv(load.result.text, { delimiter })) };
    } catch (error) {
      return { problem: describeError(error) };
    }
  }, [load, item.mediaType]);

  if (load.phase === 'loading') return <LoadingState what="table" />;
  if (load.phase === 'error') return <ErrorState message={`This table could not be opened: ${load.problem}`} />;
  if (!parsed || 'problem' in parsed) {
    return <ErrorState message={`This table could not be read: ${parsed?.problem ?? 'an unknown error occurred.'}`} />;
  }
  return (
    <SortableTable
      itemId={item.id}
      title={item.title}
      model={parsed.model}
      fallbackEncoding={load.result.fallbackEncoding}
      capture={capture}
      revealRequest={revealRequest}
      commented={commented}
    />
  );
}

/** Tables up to this many rows are rendered whole; longer ones render only the rows near the viewport. */
const FULL_RENDER_LIMIT = 400;
/** Rows are rendered this far (in pixels) above and below the viewport, so fast scrolling stays filled. */
const OVERSCAN = 800;
/** Matches the cell padding and line height in viewers.css; used only for first estimates. */
const ROW_METRICS = { lineHeight: 20, charWidth: 7.4, padding: 11 };
/** The row-number column, in pixels, when widths are fixed. */
const ROW_NUMBER_WIDTH = 56;

/** How a row looks for comments: which of its cells are active, selected, commented or revealed. */
interface RowMarks {
  active: number;
  selected: boolean;
  commentedRow: boolean;
  commentedCells: string;
  flashRow: boolean;
  flashCell: number;
}

function SortableTable({
  itemId,
  title,
  model,
  fallbackEncoding,
  capture,
  revealRequest,
  commented,
}: {
  itemId: string;
  title: string;
  model: TableModel;
  fallbackEncoding?: string;
  capture: { current: (() => TableAnchor | null) | null };
  revealRequest: RevealRequest | null;
  commented: readonly TableAnchor[];
}) {
  const captionId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [sort, setSort] = useState<Sort | null>(null);
  const windowed = model.rows.length > FULL_RENDER_LIMIT;
  const [widths, setWidths] = useState<number[] | null>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 900 });
  const [measured, setMeasured] = useState<ReadonlyMap<number, number>>(() => new Map());

  const order = useMemo(
    () => (sort ? sortOrder(model, sort.column, sort.direction) : model.rows.map((_, index) => index)),
    [model, sort],
  );
  const numeric = useMemo(() => model.columns.map((column) => column.numeric), [model]);
  const estimates = useMemo(() => {
    if (!windowed) return null;
    const columnWidthsPx = widths ?? model.columns.map(() => 200);
    return model.rows.map((cells) => estimateRowHeight(cells, columnWidthsPx, ROW_METRICS));
  }, [model, widths, windowed]);
  const offsets = useMemo(
    () =>
      estimates ? rowOffsets(order, (row) => measured.get(row) ?? estimates[row] ?? ROW_METRICS.lineHeight) : null,
    [order, measured, estimates],
  );
  const range = offsets
    ? visibleRange(offsets, viewport.top, viewport.height, OVERSCAN)
    : { start: 0, end: order.length };
  const topPad = offsets ? (offsets[range.start] ?? 0) : 0;
  const bottomPad = offsets ? (offsets[order.length] ?? 0) - (offsets[range.end] ?? 0) : 0;

  // Fixed column widths, measured once per file, keep columns still while rows come and go.
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!windowed || !table) return;
    const style = getComputedStyle(table);
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const headerFont = `${style.fontStyle} 600 ${style.fontSize} ${style.fontFamily}`;
    setWidths(columnWidths(model, canvasMeasure(font, headerFont)));
  }, [model, windowed]);

  // Track the scroll position (once per frame) and the viewport size.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!windowed || !scroller) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const headHeight = headRef.current?.offsetHeight ?? 0;
      setViewport({ top: Math.max(0, scroller.scrollTop - headHeight), height: scroller.clientHeight });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    scroller.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(scroller);
    read();
    return () => {
      scroller.removeEventListener('scroll', schedule);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [windowed]);

  // Replace estimates with real heights for the rows on screen. This settles after one pass:
  // a row's height depends only on its content and the (fixed) column widths.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!windowed || !body) return;
    let next: Map<number, number> | null = null;
    for (const tr of Array.from(body.rows)) {
      const row = tr.dataset.row;
      if (row === undefined) continue;
      const index = Number(row);
      const height = tr.getBoundingClientRect().height;
      const known = measured.get(index);
      if (known === undefined || Math.abs(known - height) > 0.5) {
        next ??= new Map(measured);
        next.set(index, height);
      }
    }
    if (next) setMeasured(next);
  }, [windowed, measured, range.start, range.end, order, widths]);

  /** Brings a display position on screen: by its estimated offset when rows are windowed. */
  function scrollTo(position: number) {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const headHeight = headRef.current?.offsetHeight ?? 0;
    if (offsets) {
      const top = (offsets[position] ?? 0) + headHeight;
      const bottom = (offsets[position + 1] ?? top) + headHeight;
      if (top < scroller.scrollTop + headHeight || bottom > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 2);
      return;
    }
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-position="${position}"]`);
    if (row) scroller.scrollTop = Math.max(0, row.offsetTop - scroller.clientHeight / 2);
  }

  const anchors = useTableAnchors({
    itemId,
    order,
    columns: model.columns.length,
    capture,
    revealRequest,
    bodyRef,
    scrollTo,
  });

  /** Per file row: how it is marked. Recomputed only when the selection, comments or flash change. */
  const marksFor = (rowIndex: number, position: number): RowMarks => {
    const { selection, anchor, flash } = anchors;
    const inRange =
      selection?.rangeFrom !== null && selection !== null && anchor?.kind === 'table-rows'
        ? anchorCovers(anchor, rowIndex).row
        : false;
    const cells: number[] = [];
    let commentedRow = false;
    for (const c of commented) {
      const covers = anchorCovers(c, rowIndex);
      if (covers.row) commentedRow = true;
      if (covers.column !== undefined) cells.push(covers.column);
    }
    const flashed = flash ? anchorCovers(flash, rowIndex) : { row: false };
    return {
      active: selection && selection.rangeFrom === null && selection.position === position ? selection.column : -1,
      selected: inRange,
      commentedRow,
      commentedCells: cells.join(','),
      flashRow: flashed.row,
      flashCell: flashed.column ?? -1,
    };
  };
  // Before anything is selected, the first rendered cell is the way in for Tab.
  const tabStop = anchors.selection
    ? { position: anchors.selection.position, column: anchors.selection.column }
    : { position: range.start, column: 0 };

  function toggle(column: number) {
    setSort((current) => {
      if (current?.column !== column) return { column, direction: 'ascending' };
      if (current.direction === 'ascending') return { column, direction: 'descending' };
      return null;
    });
    // A new order starts at its top: the first rows are the ones the assessor sorted for.
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }

  const rowCount = model.rows.length;
  const columnCount = model.columns.length;
  if (columnCount === 0) {
    return (
      <div className="av-viewer av-table">
        <p className="av-note av-note--centred">This table is empty.</p>
      </div>
    );
  }

  const fixedWidth = windowed && widths ? widths.reduce((sum, width) => sum + width, ROW_NUMBER_WIDTH) : null;
  return (
    <div className="av-viewer av-table">
      <p className="av-table__summary">
        {rowCount.toLocaleString()} {rowCount === 1 ? 'row' : 'rows'} · {columnCount}{' '}
        {columnCount === 1 ? 'column' : 'columns'}
        {!model.hasHeader && ' · no header row in the file'}
        {fallbackEncoding && ` · shown as ${fallbackEncoding} (not valid UTF-8)`}
        <span aria-hidden="true"> · click a cell or row number, or Tab in and use the arrows; C comments</span>
      </p>
      <p className="av-sr-only" aria-live="polite">
        {anchors.status}
      </p>
      {/* Focusable so the table can be scrolled from the keyboard; named after the table it holds. */}
      <div ref={scrollerRef} className="av-table__scroller" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table
          ref={tableRef}
          className="av-table__table"
          style={fixedWidth ? { tableLayout: 'fixed', width: fixedWidth } : undefined}
          // With only some rows in the DOM, these tell assistive technology the real size and positions.
          aria-rowcount={windowed ? rowCount + 1 : undefined}
        >
          <caption id={captionId} className="av-sr-only">
            {title}
          </caption>
          {fixedWidth && widths && (
            <colgroup>
              <col style={{ width: ROW_NUMBER_WIDTH }} />
              {widths.map((width, index) => (
                <col key={index} style={{ width }} />
              ))}
            </colgroup>
          )}
          <thead ref={headRef}>
            <tr aria-rowindex={windowed ? 1 : undefined}>
              <th scope="col" className="av-table__rownum">
                <span className="av-sr-only">Row</span>
                <span aria-hidden="true">#</span>
              </th>
              {model.columns.map((column, index) => (
                <HeaderCell
                  key={index}
                  letter={columnLetters(index + 1)}
                  column={column}
                  sort={sort?.column === index ? sort.direction : 'none'}
                  onToggle={() => toggle(index)}
                />
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef} onClick={anchors.onClick} onFocus={anchors.onFocus} onKeyDown={anchors.onKeyDown}>
            {topPad > 0 && <Spacer height={topPad} columns={columnCount} />}
            {order.slice(range.start, range.end).map((rowIndex, offset) => {
              const position = range.start + offset;
              return (
                <Row
                  key={rowIndex}
                  row={rowIndex}
                  position={position}
                  marks={marksFor(rowIndex, position)}
                  tabColumn={tabStop.position === position ? tabStop.column : -1}
                  cells={model.rows[rowIndex] ?? []}
                  numeric={numeric}
                  striped={position % 2 === 1}
                  ariaRowIndex={windowed ? position + 2 : undefined}
                />
              );
            })}
            {bottomPad > 0 && <Spacer height={bottomPad} columns={columnCount} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Stands in for the rows that are not rendered, so the scrollbar reflects the whole table. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="av-table__spacer" aria-hidden="true">
      <td colSpan={columns + 1} style={{ height }} />
    </tr>
  );
}

function HeaderCell({
  column,
  letter,
  sort,
  onToggle,
}: {
  column: Column;
  letter: string;
  sort: SortDirection | 'none';
  onToggle(): void;
}) {
  const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕';
  return (
    <th scope="col" aria-sort={sort} className={column.numeric ? 'av-num' : undefined}>
      <button type="button" className="av-sort" onClick={onToggle}>
        <span className="av-sort__name">
          {/* The letter is what comment labels use ("cell C5"), on its own line so it takes no width. */}
          <span className="av-col-letter" aria-hidden="true">
            {letter}
          </span>
          {column.name}
        </span>
        <span className={`av-sort__arrow${sort === 'none' ? ' av-sort__arrow--idle' : ''}`} aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}

interface RowProps {
  row: number;
  /** Place in the displayed order (the selection's coordinates). */
  position: number;
  marks: RowMarks;
  /** The column of this row's cell that Tab reaches (-1: none). */
  tabColumn: number;
  cells: string[];
  numeric: boolean[];
  striped: boolean;
  ariaRowIndex: number | undefined;
}

/** Memoised (props compared field by field): scrolling re-renders only the rows entering the window. */
const Row = memo(
  function Row({ row, position, marks, tabColumn, cells, numeric, striped, ariaRowIndex }: RowProps) {
    const commentedCells = marks.commentedCells ? marks.commentedCells.split(',').map(Number) : [];
    const rowClass = [
      striped && 'av-table__row--striped',
      marks.selected && 'av-table__row--selected',
      marks.commentedRow && 'av-table__row--commented',
      marks.flashRow && 'av-table__row--flash',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <tr data-row={row} data-position={position} className={rowClass || undefined} aria-rowindex={ariaRowIndex}>
        <th scope="row" className="av-table__rownum" data-position={position} data-column={-1}>
          {row + 1}
        </th>
        {cells.map((cell, index) => {
          const cellClass = [
            numeric[index] && 'av-num',
            marks.active === index && 'av-table__cell--active',
            commentedCells.includes(index) && 'av-table__cell--commented',
            marks.flashCell === index && 'av-table__cell--flash',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <td
              key={index}
              className={cellClass || undefined}
              data-position={position}
              data-column={index}
              tabIndex={tabColumn === index ? 0 : -1}
            >
              {cell}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.position === b.position &&
    a.tabColumn === b.tabColumn &&
    a.cells === b.cells &&
    a.numeric === b.numeric &&
    a.striped === b.striped &&
    a.ariaRowIndex === b.ariaRowIndex &&
    a.marks.active === b.marks.active &&
    a.marks.selected === b.marks.selected &&
    a.marks.commentedRow === b.marks.commentedRow &&
    a.marks.commentedCells === b.marks.commentedCells &&
    a.marks.flashRow === b.marks.flashRow &&
    a.marks.flashCell === b.marks.flashCell,
);
