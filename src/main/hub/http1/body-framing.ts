/**
 * How an HTTP/1.1 response body is delimited (RFC 9112 §6.3), decoded in place: the evidence
 * download reads straight into its write buffers, so framing bytes (chunk sizes) are squeezed out
 * of the buffer between the body bytes rather than the body being copied somewhere else.
 */
export interface BodyFraming {
  /** Every byte of the body has been taken. */
  readonly complete: boolean;
  /**
   * Decodes the bytes just read, `buffer[start, end)`: the body bytes among them are moved to
   * begin at `start`, and the returned index is where they end. Bytes after the body are ignored.
   * Throws on framing that cannot be decoded.
   */
  take(buffer: Buffer, start: number, end: number): number;
  /** The connection has closed: throws unless that completes the body. */
  closed(): void;
}

/** The body's framing from the response head; throws for an encoding it cannot undo. */
export function framingFor(status: number, headers: Record<string, string>): BodyFraming {
  if (status < 200 || status === 204 || status === 304) return new LengthFraming(0);
  const transfer = headers['transfer-encoding'];
  if (transfer !== undefined) {
    const codings = transfer.split(',').map((coding) => coding.trim().toLowerCase());
    // No Accept-Encoding was sent, so anything but chunked is a hub (or proxy) misbehaving.
    if (codings.some((coding) => coding !== 'chunked')) {
      throw new Error(`the answer uses a transfer encoding this client does not decode (${transfer})`);
    }
    return new ChunkedFraming();
  }
  const length = headers['content-length'];
  if (length === undefined) return new UntilCloseFraming();
  // A repeated field is allowed only with one value throughout (RFC 9110 §8.6).
  const values = new Set(length.split(',').map((value) => value.trim()));
  const [value = ''] = values;
  if (values.size !== 1 || !/^\d{1,15}$/.test(value))
    throw new Error(`the answer's Content-Length is invalid (${length})`);
  return new LengthFraming(Number(value));
}

class LengthFraming implements BodyFraming {
  constructor(private remaining: number) {}

  get complete(): boolean {
    return this.remaining === 0;
  }

  take(_buffer: Buffer, start: number, end: number): number {
    const taken = Math.min(end - start, this.remaining);
    this.remaining -= taken;
    return start + taken;
  }

  closed(): void {
    if (this.remaining > 0) throw new Error(`the connection closed ${this.remaining} bytes before the end`);
  }
}

/** HTTP/1.0 style: the body is whatever arrives until the hub closes the connection. */
class UntilCloseFraming implements BodyFraming {
  complete = false;

  take(_buffer: Buffer, _start: number, end: number): number {
    return end;
  }

  closed(): void {
    this.complete = true;
  }
}

/** A chunk-size or trailer line longer than this is garbage, not a slow hub. */
const MAX_LINE = 4096;
const CHUNK_SIZE = /^([0-9a-fA-F]{1,12})[ \t]*(?:;.*)?$/;

class ChunkedFraming implements BodyFraming {
  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  private chunkLeft = 0;
  /** The part of a size or trailer line read so far (lines can straddle reads). */
  private line = '';

  get complete(): boolean {
    return this.state === 'done';
  }

  take(buffer: Buffer, start: number, end: number): number {
    let write = start;
    let read = start;
    while (read < end && this.state !== 'done') {
      if (this.state === 'data') {
        const count = Math.min(this.chunkLeft, end - read);
        if (write !== read) buffer.copyWithin(write, read, read + count);
        write += count;
        read += count;
        this.chunkLeft -= count;
        if (this.chunkLeft === 0) this.state = 'data-end';
        continue;
      }
      const newline = buffer.indexOf(0x0a, read);
      const lineEnd = newline < 0 || newline >= end ? end : newline;
      this.line += buffer.toString('latin1', read, lineEnd);
      if (this.line.length > MAX_LINE) throw new Error('the answer has a chunk line that never ends');
      read = lineEnd;
      if (lineEnd === end) break;
      read += 1;
      this.endOfLine(this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line);
      this.line = '';
    }
    return write;
  }

  closed(): void {
    if (this.state !== 'done') throw new Error('the connection closed before the last chunk');
  }

  private endOfLine(line: string): void {
    if (this.state === 'size') {
      const size = CHUNK_SIZE.exec(line);
      if (!size) throw new Error(`the answer has a malformed chunk size ("${line.slice(0, 20)}")`);
      this.chunkLeft = Number.parseInt(size[1]!, 16);
      this.state = this.chunkLeft === 0 ? 'trailer' : 'data';
    } else if (this.state === 'data-end') {
      if (line !== '') throw new Error('the answer has a chunk longer than its size');
      this.state = 'size';
    } else if (line === '') {
      // The blank line after the (ignored) trailer fields ends the body.
      this.state = 'done';
    }
  }
}
