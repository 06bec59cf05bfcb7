import '../viewers.css';
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../common/describeError';
import { useFetchedText } from '../common/useFetchedText';
import { ErrorState, LoadingState } from '../common/ViewerStatus';
import { useItemHandle } from '../common/useItemHandle';
import type { ViewerProps } from '../types';
import { parseCsv } from '../../../shared/csv/parse-csv';
import { canvasMeasure, columnWidths } from './columnWidths';
import { estimateRowHeight, rowOffsets, visibleRange } from './rowWindow';
import { buildTable, sortOrder, type Column, type SortDirection, type TableModel } from './tableModel';

interface Sort {
  column: number;
  direction: SortDirection;
}

/** CSV evidence (gradebooks, assessment data) as a sortable, accessible table. */
export function TableViewer(props: ViewerProps) {
  return <TableView key={props.url} {...props} />;
}

function TableView({ item, url, handleRef }: ViewerProps) {
  useItemHandle(handleRef, item.id);
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
  return <SortableTable title={item.title} model={parsed.model} fallbackEncoding={load.result.fallbackEncoding} />;
}

/** Tables up to this many rows are rendered whole; longer ones render only the rows near the viewport. */
const FULL_RENDER_LIMIT = 400;
/** Rows are rendered this far (in pixels) above and below the viewport, so fast scrolling stays filled. */
const OVERSCAN = 800;
/** Matches the cell padding and line height in viewers.css; used only for first estimates. */
const ROW_METRICS = { lineHeight: 20, charWidth: 7.4, padding: 11 };

function SortableTable({
  title,
  model,
  fallbackEncoding,
}: {
  title: string;
  model: TableModel;
  fallbackEncoding?: string;
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

  const fixedWidth = windowed && widths ? widths.reduce((sum, width) => sum + width, 0) : null;
  return (
    <div className="av-viewer av-table">
      <p className="av-table__summary">
        {rowCount.toLocaleString()} {rowCount === 1 ? 'row' : 'rows'} · {columnCount}{' '}
        {columnCount === 1 ? 'column' : 'columns'}
        {!model.hasHeader && ' · no header row in the file'}
        {fallbackEncoding && ` · shown as ${fallbackEncoding} (not valid UTF-8)`}
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
              {widths.map((width, index) => (
                <col key={index} style={{ width }} />
              ))}
            </colgroup>
          )}
          <thead ref={headRef}>
            <tr aria-rowindex={windowed ? 1 : undefined}>
              {model.columns.map((column, index) => (
                <HeaderCell
                  key={index}
                  column={column}
                  sort={sort?.column === index ? sort.direction : 'none'}
                  onToggle={() => toggle(index)}
                />
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {topPad > 0 && <Spacer height={topPad} columns={columnCount} />}
            {order.slice(range.start, range.end).map((rowIndex, offset) => {
              const position = range.start + offset;
              return (
                <Row
                  key={rowIndex}
                  row={rowIndex}
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
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

function HeaderCell({ column, sort, onToggle }: { column: Column; sort: SortDirection | 'none'; onToggle(): void }) {
  const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕';
  return (
    <th scope="col" aria-sort={sort} className={column.numeric ? 'av-num' : undefined}>
      <button type="button" className="av-sort" onClick={onToggle}>
        <span className="av-sort__name">{column.name}</span>
        <span className={`av-sort__arrow${sort === 'none' ? ' av-sort__arrow--idle' : ''}`} aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}

interface RowProps {
  row: number;
  cells: string[];
  numeric: boolean[];
  striped: boolean;
  ariaRowIndex: number | undefined;
}

/** Memoised: scrolling re-renders only the rows entering the window. */
const Row = memo(function Row({ row, cells, numeric, striped, ariaRowIndex }: RowProps) {
  return (
    <tr data-row={row} className={striped ? 'av-table__row--striped' : undefined} aria-rowindex={ariaRowIndex}>
      {cells.map((cell, index) => (
        <td key={index} className={numeric[index] ? 'av-num' : undefined}>
          {cell}
        </td>
      ))}
    </tr>
  );
});
