import type { Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { connect as netConnect, isIP, type OnReadOpts, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { framingFor, type BodyFraming } from './http1/body-framing';
import { headEnd, parseHead, type ResponseHead } from './http1/response-head';

/**
 * Received bytes are read into, and written to disk from, buffers of this size. Not 1 MB, though
 * that is about 10 % faster on a quiet machine: Linux (6.x, ext4) backs a 1 MB write with one
 * 1 MB page-cache folio, and on a virtual machine whose free memory was handed back to the host
 * (free page reporting, as here), touching that memory again can cost 0.5 s of system time per
 * 200 MB. Writes of 512 KB were not seen to hit it (BENCHMARKS.md, 2026-11-24 notes).
 */
const BATCH = 512 * 1024;
/** A buffer with less room left than this is written out: a read into a sliver costs as much as a full one. */
const MIN_READ_ROOM = 64 * 1024;
/** Buffers written or waiting to be written before reading pauses, so a slow disk sets the pace. */
const MAX_QUEUED_WRITES = 2;

/** A download that receives nothing for this long is dropped, to be resumed by the next attempt. */
export const STALL_MS = 30_000;

/** The file could not be written (a full disk, a missing folder): not the hub's or the network's doing. */
export class DiskError extends Error {
  constructor(cause: unknown) {
    super((cause as Error).message, { cause });
    this.name = 'DiskError';
  }
}

/** The hub's answer to an evidence GET, head read, body not yet: save it, read it as JSON, or drop it. */
export interface EvidenceResponse extends ResponseHead {
  /**
   * Writes the body to `file` (appending when resuming, replacing otherwise) and feeds every byte
   * to `hash` as it arrives, so the file is never read back to verify it. Rejects when the body
   * stops early, or with a DiskError when the disk refuses; what did arrive is on disk by then,
   * so the next attempt can resume after it.
   */
  save(file: string, options: { append: boolean; hash: Hash; onChunk: (bytes: number) => void }): Promise<void>;
  /** The body as JSON (an error answer: small). */
  json(): Promise<unknown>;
  /** Closes the connection without reading the body. */
  discard(): void;
}

/**
 * GETs `url` over a socket of its own and resolves once the response head is in.
 *
 * Why not node:http: on a fast link a download is CPU-bound, and node:http gives every socket read
 * a freshly allocated 64 KB buffer that the garbage collector then has to reclaim, and parses the
 * body through its general HTTP machinery. Here the socket reads (`onread`) straight into a few
 * reused 512 KB buffers, the bytes are hashed where they land, and the same buffers are written to
 * disk: about half the CPU per byte (bench/hub-download.bench.ts). HTTP/1.1 responses are simple
 * to read (http1/); the request is one GET with `Connection: close`, so there is no keep-alive
 * to manage. `tls` options are for tests (a private CA); the system's trust store applies otherwise.
 *
 * A connection on which nothing arrives for `stallMs` (a hub that hangs, a network that silently
 * went away) is destroyed, before or during the body: otherwise the pull queue would wait on it
 * forever instead of resuming later.
 */
export function getEvidence(
  url: string,
  headers: Record<string, string>,
  options: { stallMs?: number; tls?: ConnectionOptions } = {},
): Promise<EvidenceResponse> {
  return new EvidenceRequest(new URL(url), headers, options).answer;
}

/** What the body's bytes go to, once the caller has chosen. */
interface BodyConsumer {
  /** Body bytes just read; they stay where they are until `full` hands their buffer over. */
  data(bytes: Buffer): void;
  /** The current buffer holds `length` body bytes and no more fit; the consumer owns it now. */
  full(buffer: Buffer, length: number): void;
  /** The body is complete (no error) or the connection ended early; `rest` are the last bytes. */
  done(rest: Buffer, error?: Error): void;
}

class EvidenceRequest {
  readonly answer: Promise<EvidenceResponse>;
  private resolveAnswer!: (response: EvidenceResponse) => void;
  private rejectAnswer!: (error: Error) => void;

  private readonly socket: Socket;
  /** The buffer the socket reads into: head bytes until the head is parsed, body bytes after. */
  private buffer: Buffer = Buffer.allocUnsafe(BATCH);
  private filled = 0;
  /** Buffers the disk is done with. */
  readonly spare: Buffer[] = [];
  private head: ResponseHead | undefined;
  private framing: BodyFraming | undefined;
  private consumer: BodyConsumer | undefined;
  /** Set once the body is complete or the connection ended; a consumer attached later gets it at once. */
  private outcome: { error?: Error } | undefined;
  private failure: Error | undefined;
  /** Reading is paused until the disk catches up. */
  private waitingForDisk = false;

  constructor(url: URL, headers: Record<string, string>, options: { stallMs?: number; tls?: ConnectionOptions }) {
    this.answer = new Promise((resolve, reject) => {
      this.resolveAnswer = resolve;
      this.rejectAnswer = reject;
    });
    const request = requestHead(url, headers);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const onread: OnReadOpts = {
      buffer: () => this.buffer.subarray(this.filled),
      callback: (count: number) => this.received(count),
    };
    this.socket =
      url.protocol === 'https:'
        ? tlsConnect({
            host,
            port: Number(url.port) || 443,
            servername: isIP(host) ? undefined : host,
            ALPNProtocols: ['http/1.1'],
            ...options.tls,
            // TLS sockets take onread too (node's tls passes it to net.Socket); @types/node omits it.
            ...({ onread } as ConnectionOptions),
          })
        : netConnect({ host, port: Number(url.port) || 80, onread });
    const stallMs = options.stallMs ?? STALL_MS;
    this.socket.setTimeout(stallMs, () => this.socket.destroy(new Error(`nothing arrived for ${stallMs / 1000} s`)));
    this.socket.on('error', (error) => (this.failure ??= error));
    this.socket.on('close', () => this.closed());
    this.socket.write(request);
  }

  /** The socket read `count` bytes into the buffer at `filled`; false pauses reading. */
  private received(count: number): boolean {
    if (this.outcome) return false;
    try {
      if (!this.framing) return this.receivedHead(count);
      const start = this.filled;
      this.filled = this.framing.take(this.buffer, start, start + count);
      this.consumer?.data(this.buffer.subarray(start, this.filled));
      if (this.framing.complete) {
        this.settle();
        return false;
      }
      return this.makeRoom();
    } catch (error) {
      this.socket.destroy(error as Error);
      return false;
    }
  }

  private receivedHead(count: number): boolean {
    this.filled += count;
    const end = headEnd(this.buffer.subarray(0, this.filled));
    if (end < 0) return true;
    const head = parseHead(this.buffer.toString('latin1', 0, end - 4));
    this.buffer.copyWithin(0, end, this.filled);
    this.filled -= end;
    // An interim answer (100 Continue, 103 Early Hints) is followed by the real one.
    if (head.status < 200) return this.receivedHead(0);
    this.framing = framingFor(head.status, head.headers);
    this.filled = this.framing.take(this.buffer, 0, this.filled);
    this.head = head;
    this.resolveAnswer(this.response(head));
    if (this.framing.complete) this.settle();
    // Paused until the caller chooses what the body is for.
    return false;
  }

  /** Hands a nearly full buffer to the consumer and reads into a spare one; false pauses reading. */
  private makeRoom(): boolean {
    if (this.buffer.length - this.filled >= MIN_READ_ROOM || !this.consumer) return true;
    this.consumer.full(this.buffer, this.filled);
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafe(BATCH);
    this.filled = 0;
    return !this.waitingForDisk;
  }

  private closed(): void {
    if (this.outcome) return;
    if (!this.head) {
      const closed = this.filled ? 'in the middle of its answer' : 'without answering';
      this.rejectAnswer(this.failure ?? new Error(`the hub closed the connection ${closed}`));
      this.outcome = {};
      return;
    }
    let error = this.failure;
    if (!error) {
      try {
        this.framing!.closed();
      } catch (closedEarly) {
        error = closedEarly as Error;
      }
    }
    this.settle(error);
  }

  /** The body is complete, or (with an error) will not be. */
  private settle(error?: Error): void {
    if (this.outcome) return;
    this.outcome = error ? { error } : {};
    // Nothing more is wanted from the hub (the request said Connection: close anyway).
    this.socket.destroy();
    this.consumer?.done(this.buffer.subarray(0, this.filled), error);
  }

  /** Attaches the consumer, gives it the body bytes that came with the head, and reads on. */
  private attach(consumer: BodyConsumer): void {
    if (this.consumer) throw new Error('the body is already being read');
    this.consumer = consumer;
    try {
      consumer.data(this.buffer.subarray(0, this.filled));
      if (this.outcome) consumer.done(this.buffer.subarray(0, this.filled), this.outcome.error);
      else if (this.makeRoom()) this.socket.resume();
    } catch (error) {
      this.socket.destroy(error as Error);
    }
  }

  /** The disk refused a write: nothing more is read; save() rejects with the disk's error. */
  diskFailed(error: Error): void {
    this.socket.destroy(error);
  }

  /** Reading waits while the disk is MAX_QUEUED_WRITES buffers behind. */
  diskBehind(behind: boolean): void {
    if (this.waitingForDisk === behind) return;
    this.waitingForDisk = behind;
    if (!behind && !this.outcome) this.socket.resume();
  }

  private response(head: ResponseHead): EvidenceResponse {
    return {
      ...head,
      save: (file, options) => this.save(file, options),
      json: () => this.json(),
      discard: () => {
        this.outcome ??= {};
        this.socket.destroy();
      },
    };
  }

  private async save(
    file: string,
    options: { append: boolean; hash: Hash; onChunk: (bytes: number) => void },
  ): Promise<void> {
    const handle = await open(file, options.append ? 'a' : 'w', 0o600).catch((error: unknown) => {
      this.socket.destroy();
      throw new DiskError(error);
    });
    const writer = new BatchWriter(handle, this);
    return new Promise((resolve, reject) => {
      this.attach({
        data: (bytes) => {
          options.hash.update(bytes);
          options.onChunk(bytes.length);
        },
        full: (buffer, length) => writer.write(buffer, length),
        done: (rest, error) => {
          // What did arrive is written even when the body stopped early: the next attempt resumes after it.
          writer.write(rest, rest.length);
          writer.close().then(() => (error ? reject(error) : resolve()), reject);
        },
      });
    });
  }

  private json(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.attach({
        data: () => undefined,
        full: () => {
          throw new Error('the answer is longer than an error message');
        },
        done: (body, error) => {
          if (error) return reject(error);
          try {
            resolve(JSON.parse(body.toString('utf8')));
          } catch (notJson) {
            reject(notJson as Error);
          }
        },
      });
    });
  }
}

/**
 * Writes buffers to a file in order, one at a time, handing each back to the request's spares when
 * it is on disk, and holding reading while MAX_QUEUED_WRITES are waiting.
 */
class BatchWriter {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: Error | undefined;

  constructor(
    private readonly handle: FileHandle,
    private readonly request: Pick<EvidenceRequest, 'spare' | 'diskBehind' | 'diskFailed'>,
  ) {}

  write(buffer: Buffer, length: number): void {
    if (length === 0) return;
    this.queued++;
    this.request.diskBehind(this.queued >= MAX_QUEUED_WRITES);
    this.queue = this.queue.then(async () => {
      try {
        if (!this.failure) await writeFully(this.handle, buffer, length);
      } catch (error) {
        this.failure = new DiskError(error);
        this.request.diskFailed(this.failure);
      }
      this.queued--;
      this.request.spare.push(buffer);
      this.request.diskBehind(this.queued >= MAX_QUEUED_WRITES);
    });
  }

  /** Waits for every write, closes the file; rejects with the first write's failure. */
  async close(): Promise<void> {
    await this.queue;
    await this.handle.close().catch((error: unknown) => {
      this.failure ??= new DiskError(error);
    });
    if (this.failure) throw this.failure;
  }
}

/** write until every byte is on disk (a short write resumes where it stopped). */
async function writeFully(handle: FileHandle, buffer: Buffer, length: number): Promise<void> {
  let offset = 0;
  while (offset < length) offset += (await handle.write(buffer, offset, length - offset)).bytesWritten;
}

/** The GET's request head; refuses header values that would smuggle in lines of their own. */
function requestHead(url: URL, headers: Record<string, string>): string {
  const fields = {
    Host: url.host,
    // Without this the hub may compress (RFC 9110 §12.5.3), and the sha256 is of the plain bytes.
    'Accept-Encoding': 'identity',
    ...headers,
    Connection: 'close',
  };
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`];
  for (const [name, value] of Object.entries(fields)) {
    if (/[\r\n]/.test(name + value)) throw new Error(`the request header ${JSON.stringify(name)} holds a line break`);
    lines.push(`${name}: ${value}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}
