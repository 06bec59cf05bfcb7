/**
 * Pure helpers for rendering only the rows near the viewport. Rows may differ in height
 * (wrapped comments, embedded line breaks), so positions come from per-row heights: measured
 * once a row has been on screen, estimated before that.
 */

/** offsets[i] is the top of the i-th displayed row; offsets[n] the total height. */
export function rowOffsets(order: readonly number[], heightOf: (row: number) => number): Float64Array {
  const offsets = new Float64Array(order.length + 1);
  for (let i = 0; i < order.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(order[i] ?? 0);
  return offsets;
}

/** The index of the displayed row containing vertical position `y` (clamped to the rows). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The displayed rows [start, end) to render for a viewport, with `overscan` pixels either side. */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = rowAt(offsets, Math.max(0, scrollTop - overscan));
  const end = Math.min(count, rowAt(offsets, scrollTop + viewportHeight + overscan) + 1);
  return { start, end };
}

/**
 * A first guess at a row's height before it is measured: the tallest cell, counting its line
 * breaks and how often it wraps in its column. Within a line or two is good enough — scroll
 * anchoring absorbs the correction once the row is measured.
 */
export function estimateRowHeight(
  cells: readonly string[],
  columnWidths: readonly number[],
  { lineHeight, charWidth, padding }: { lineHeight: number; charWidth: number; padding: number },
): number {
  let lines = 1;
  cells.forEach((cell, index) => {
    if (cell.length === 0) return;
    const width = Math.max(1, (columnWidths[index] ?? 200) - padding);
    const perLine = Math.max(1, Math.floor(width / charWidth));
    let cellLines = 0;
    for (const line of cell.split(/\r\n|\r|\n/)) cellLines += Math.max(1, Math.ceil(line.length / perLine));
    lines = Math.max(lines, cellLines);
  });
  return Math.round(lines * lineHeight + padding);
}
