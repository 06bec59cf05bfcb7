/**
 * Turns parsed CSV records into what the table shows: column names (from a header row when the
 * file seems to have one), which columns are numeric, and sort orders.
 */
export interface Column {
  name: string;
  numeric: boolean;
}

export interface TableModel {
  columns: Column[];
  /** Data rows only, each as wide as `columns`. */
  rows: string[][];
  hasHeader: boolean;
}

export type SortDirection = 'ascending' | 'descending';

/** A column counts as numeric when at least this share of its non-empty cells are numbers. */
const NUMERIC_SHARE = 0.75;
/** Header detection looks at this many rows; enough to judge, cheap on huge files. */
const SAMPLE_ROWS = 200;

const NUMBER = /^[-+\u2212]?[$€£¥]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?%?$/i;

/**
 * Reads "12", "-3.5", "1,234", "$12.50", "85%", "1e3" (and a typographic minus) as numbers,
 * or returns null. Percentages keep their face value: sorting 85% after 9% is what matters.
 */
export function parseNumber(text: string): number | null {
  const value = text.trim();
  if (!value || !/\d/.test(value) || !NUMBER.test(value)) return null;
  const cleaned = value.replace('\u2212', '-').replace(/[$€£¥,%]/g, '');
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

function isNumericColumn(values: string[]): boolean {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return false;
  const numbers = filled.filter((v) => parseNumber(v) !== null).length;
  return numbers / filled.length >= NUMERIC_SHARE;
}

/**
 * Decides whether the first record names the columns. Each column votes, as in Python's
 * csv.Sniffer: a text cell above numbers says "header", a number above numbers says "data", a
 * cell that repeats a value from below says "data". When no column has an opinion (all-text
 * files), a first row of short, distinct, non-empty, non-numeric cells is taken as a header:
 * that is what nearly every exported spreadsheet looks like.
 */
export function detectHeader(records: string[][]): boolean {
  const [first, ...rest] = records;
  if (!first || rest.length === 0) return false;
  const sample = rest.slice(0, SAMPLE_ROWS);
  if (first.some((cell) => cell.trim() === '')) return false;
  let votes = 0;
  first.forEach((cell, column) => {
    const below = sample.map((row) => row[column] ?? '').filter((v) => v.trim() !== '');
    if (below.length === 0) return;
    const headerIsNumber = parseNumber(cell) !== null;
    if (isNumericColumn(below)) {
      votes += headerIsNumber ? -1 : 1;
    } else if (below.includes(cell)) {
      votes -= 1;
    } else {
      const lengths = new Set(below.map((v) => v.length));
      if (lengths.size === 1 && !lengths.has(cell.length)) votes += 1;
    }
  });
  if (votes !== 0) return votes > 0;
  const distinct = new Set(first.map((cell) => cell.trim().toLowerCase())).size === first.length;
  return distinct && first.every((cell) => parseNumber(cell) === null && cell.length <= 60);
}

export function buildTable(records: string[][]): TableModel {
  // Entirely blank records (blank lines, ",,,") carry nothing an assessor can use.
  const nonBlank = records.filter((row) => row.some((cell) => cell.trim() !== ''));
  const width = nonBlank.reduce((max, row) => Math.max(max, row.length), 0);
  const square = nonBlank.map((row) =>
    row.length === width ? row : [...row, ...Array<string>(width - row.length).fill('')],
  );
  const hasHeader = detectHeader(square);
  const header = hasHeader ? square[0] : undefined;
  const rows = hasHeader ? square.slice(1) : square;
  const columns = Array.from({ length: width }, (_, index) => {
    const name = header?.[index]?.trim();
    return { name: name || `Column ${index + 1}`, numeric: isNumericColumn(rows.map((row) => row[index] ?? '')) };
  });
  return { columns, rows, hasHeader };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Row indices in sorted order. Empty cells always sink to the bottom, whichever the direction,
 * so the data stays on top; ties keep file order.
 */
export function sortOrder(model: TableModel, column: number, direction: SortDirection): number[] {
  const numeric = model.columns[column]?.numeric ?? false;
  const sign = direction === 'ascending' ? 1 : -1;
  const keys = model.rows.map((row) => {
    const text = (row[column] ?? '').trim();
    return { text, number: numeric ? parseNumber(text) : null };
  });
  const order = model.rows.map((_, index) => index);
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (!ka || !kb) return 0;
    const emptyA = ka.text === '';
    const emptyB = kb.text === '';
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    let result = 0;
    if (numeric && (ka.number !== null || kb.number !== null)) {
      // In a numeric column, stray text ("n/a", "absent") ranks after every number.
      if (ka.number === null) result = 1;
      else if (kb.number === null) result = -1;
      else result = ka.number - kb.number;
      if (ka.number === null || kb.number === null) return result || a - b;
    } else {
      result = collator.compare(ka.text, kb.text);
    }
    return result * sign || a - b;
  });
  return order;
}
