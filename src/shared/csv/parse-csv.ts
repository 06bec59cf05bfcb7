/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes inside them, CRLF or LF line ends,
 * and line breaks inside quoted fields. It is lenient where real exports are sloppy — a stray
 * quote inside an unquoted field is kept as text, a bare CR also ends a record, and a quote left
 * open at the end of the file closes there — because an assessor needs to see the data, not a
 * parse error.
 */
export interface CsvOptions {
  /** Field separator; "," unless the file is tab-separated. */
  delimiter?: string;
}

export function parseCsv(input: string, { delimiter = ',' }: CsvOptions = {}): string[][] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new Error(`unsupported CSV delimiter ${JSON.stringify(delimiter)}`);
  }
  // A byte-order mark would otherwise end up glued to the first header.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  // Whether the current field began with a quote: only then does a quote have special meaning.
  let quotedField = false;
  let i = 0;
  const length = text.length;

  const endField = () => {
    row.push(field);
    field = '';
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < length) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      // Copy the run up to the next quote in one go; large quoted blocks are common in exports.
      const next = text.indexOf('"', i);
      const end = next === -1 ? length : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '' && !quotedField) {
      inQuotes = true;
      quotedField = true;
      i += 1;
    } else if (ch === delimiter) {
      endField();
      i += 1;
    } else if (ch === '\n') {
      endRow();
      i += 1;
    } else if (ch === '\r') {
      endRow();
      i += text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  // The last record has no line break after it unless the file ended with one.
  if (field !== '' || row.length > 0 || quotedField) endRow();
  return rows;
}

/** Pads ragged rows so every row has as many cells as the widest one. */
export function squareUp(rows: string[][]): string[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => (row.length === width ? row : [...row, ...Array<string>(width - row.length).fill('')]));
}
