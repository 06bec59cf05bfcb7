/**
 * The head of an HTTP/1.1 response (RFC 9112 §4–5): the status line and the header fields, as
 * the evidence download reads them off its own socket (see evidence-download.ts for why it does).
 */
export interface ResponseHead {
  status: number;
  /** Field names in lower case; repeated fields joined with ", " (RFC 9110 §5.3). */
  headers: Record<string, string>;
}

/** A head longer than this is not a hub's answer; reading it further would only buffer garbage. */
export const MAX_HEAD_BYTES = 64 * 1024;

const CRLF_CRLF = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.[01] ([1-5]\d\d)(?: .*)?$/;
/** A field name is a token (RFC 9110 §5.1); the value may not hold control characters. */
const FIELD = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/**
 * Where the body begins, if `bytes` holds the whole head (the index after the blank line), or -1.
 * Throws as soon as the bytes cannot begin an HTTP/1.x answer (a server speaking something else
 * may wait for us forever), or once a head would be longer than MAX_HEAD_BYTES.
 */
export function headEnd(bytes: Buffer): number {
  const lineEnd = bytes.indexOf('\r\n');
  const firstLine = bytes.toString('latin1', 0, lineEnd < 0 ? Math.min(bytes.length, 40) : lineEnd);
  if (lineEnd < 0 ? !'HTTP/'.startsWith(firstLine.slice(0, 5)) : !STATUS_LINE.test(firstLine)) {
    throw notHttp(firstLine);
  }
  const at = bytes.indexOf(CRLF_CRLF);
  if (at >= 0 && at + 4 <= MAX_HEAD_BYTES) return at + 4;
  if (at >= 0 || bytes.length >= MAX_HEAD_BYTES) {
    throw new Error(`the answer's head is longer than ${MAX_HEAD_BYTES / 1024} KB`);
  }
  return -1;
}

/** Parses a head (without its closing blank line); throws on anything that is not HTTP/1.x. */
export function parseHead(text: string): ResponseHead {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const status = STATUS_LINE.exec(statusLine);
  if (!status) throw notHttp(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const field = FIELD.exec(line);
    // Obsolete line folding and stray control characters are refused, as RFC 9112 §5.2 allows.
    if (!field || hasControl(field[2]!)) {
      throw new Error(`the answer has a malformed header line ("${printable(line.slice(0, 40))}")`);
    }
    const name = field[1]!.toLowerCase();
    headers[name] = name in headers ? `${headers[name]}, ${field[2]}` : field[2]!;
  }
  return { status: Number(status[1]), headers };
}

/** Control characters other than tab (RFC 9110 §5.5). */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

function notHttp(firstLine: string): Error {
  return new Error(`the answer is not HTTP/1.1 (it begins "${printable(firstLine.slice(0, 40))}")`);
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
