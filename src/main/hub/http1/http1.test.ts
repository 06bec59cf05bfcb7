import { describe, expect, it } from 'vitest';
import { framingFor, type BodyFraming } from './body-framing';
import { headEnd, MAX_HEAD_BYTES, parseHead } from './response-head';

/** Feeds `wire` to `framing` in reads of `step` bytes, the way the socket fills a buffer; returns the body. */
function decode(framing: BodyFraming, wire: string, step: number): string {
  const buffer = Buffer.alloc(wire.length);
  let filled = 0;
  for (let at = 0; at < wire.length && !framing.complete; at += step) {
    const read = Buffer.from(wire.slice(at, at + step), 'latin1');
    read.copy(buffer, filled);
    filled = framing.take(buffer, filled, filled + read.length);
  }
  return buffer.toString('latin1', 0, filled);
}

describe('response head', () => {
  it('finds the end of the head and parses status and fields, repeated ones joined', () => {
    const wire = Buffer.from('HTTP/1.1 206 Partial Content\r\nContent-Length: 5\r\nX-A: 1\r\nx-a:  2 \r\n\r\nhello');
    const end = headEnd(wire);
    expect(wire.toString('latin1', end)).toBe('hello');
    expect(parseHead(wire.toString('latin1', 0, end - 4))).toEqual({
      status: 206,
      headers: { 'content-length': '5', 'x-a': '1, 2' },
    });
    expect(headEnd(Buffer.from('HTTP/1.1 200 OK\r\nContent-Le'))).toBe(-1);
  });

  it('refuses what is not an HTTP/1.x answer, malformed lines and endless heads', () => {
    expect(() => parseHead('SSH-2.0-OpenSSH_9.2')).toThrow(/not HTTP\/1\.1 \(it begins "SSH-2\.0/);
    expect(() => parseHead('HTTP/2 200')).toThrow(/not HTTP\/1\.1/);
    expect(() => parseHead('HTTP/1.1 200 OK\r\nno colon here')).toThrow(/malformed header line/);
    expect(() => parseHead('HTTP/1.1 200 OK\r\n folded: value')).toThrow(/malformed header line/);
    // Before the head is complete: a server speaking another protocol may never send a blank line.
    expect(() => headEnd(Buffer.from('SSH-2.0-OpenSSH_9.2\r\n'))).toThrow(/not HTTP\/1\.1/);
    expect(() => headEnd(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02]))).toThrow(/not HTTP\/1\.1/);
    expect(headEnd(Buffer.from('HTT'))).toBe(-1);
    const endless = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\n'), Buffer.alloc(MAX_HEAD_BYTES, 'a')]);
    expect(() => headEnd(endless)).toThrow(/longer than 64 KB/);
  });
});

describe('body framing', () => {
  it('takes exactly Content-Length bytes and knows a connection closed before them', () => {
    const framing = framingFor(200, { 'content-length': '5' });
    expect(decode(framing, 'hello, and more', 3)).toBe('hello');
    expect(framing.complete).toBe(true);
    const short = framingFor(200, { 'content-length': '10' });
    decode(short, 'hello', 2);
    expect(() => short.closed()).toThrow('the connection closed 5 bytes before the end');
  });

  it('decodes chunked bodies in place, whatever the read boundaries, with extensions and trailers', () => {
    const wire = '5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\nignored';
    for (const step of [1, 2, 3, 7, wire.length]) {
      const framing = framingFor(200, { 'transfer-encoding': 'chunked' });
      expect(decode(framing, wire, step)).toBe('hello, world');
      expect(framing.complete).toBe(true);
    }
    const cut = framingFor(200, { 'transfer-encoding': 'chunked' });
    decode(cut, '5\r\nhel', 4);
    expect(() => cut.closed()).toThrow('the connection closed before the last chunk');
  });

  it('refuses chunked framing it cannot trust', () => {
    const chunked = () => framingFor(200, { 'transfer-encoding': 'chunked' });
    expect(() => decode(chunked(), 'zz\r\n', 4)).toThrow(/malformed chunk size \("zz"\)/);
    expect(() => decode(chunked(), '2\r\nabc\r\n', 9)).toThrow('the answer has a chunk longer than its size');
    expect(() => decode(chunked(), '1'.repeat(5000), 100)).toThrow('the answer has a chunk line that never ends');
  });

  it('reads until the close when nothing delimits the body, and nothing for 204 and 304', () => {
    const open = framingFor(200, {});
    expect(decode(open, 'all of it', 4)).toBe('all of it');
    expect(open.complete).toBe(false);
    open.closed();
    expect(open.complete).toBe(true);
    expect(framingFor(204, {}).complete).toBe(true);
    expect(framingFor(304, { 'content-length': '99' }).complete).toBe(true);
  });

  it('refuses invalid lengths and encodings it does not undo', () => {
    expect(() => framingFor(200, { 'content-length': '-1' })).toThrow(/Content-Length is invalid/);
    expect(() => framingFor(200, { 'content-length': '5, 6' })).toThrow(/Content-Length is invalid/);
    expect(framingFor(200, { 'content-length': '0, 0' }).complete).toBe(true);
    expect(() => framingFor(200, { 'transfer-encoding': 'gzip, chunked' })).toThrow(
      'the answer uses a transfer encoding this client does not decode (gzip, chunked)',
    );
  });
});
