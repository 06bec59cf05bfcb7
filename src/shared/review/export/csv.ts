/** A cell: text is quoted and defused as needed; numbers are written as they are. */
export type CsvValue = string | number | undefined;

// Spreadsheets treat a cell starting with these as a formula (CSV injection, OWASP): = + - @ are
// formula starters, and a leading tab or carriage return can hide one from a quick look.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula gets a leading ' so it shows
 * as typed; numbers are produced by Anchor itself and cannot carry a formula, so -1 stays -1.
 */
export function csvField(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) as RFC 4180 text with CRLF line ends, ending with one. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
