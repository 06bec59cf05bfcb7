import type { Writable } from 'node:stream';

/** What the store knows about one stored blob. */
export interface BlobInfo {
  sha256: string;
  bytes: number;
}

/**
 * Evidence bytes, content-addressed by sha256: the same file in two packets is stored once, and
 * a blob's name proves its content. The filesystem implementation is the default; an
 * S3-compatible object store can implement the same three calls later (issue 4).
 */
export interface BlobStore {
  /**
   * Takes ownership of a local file: hashes it, refuses it when the digest is not `expectedSha256`,
   * and stores it under its digest. The source file is moved or removed either way.
   */
  putFile(file: string, expectedSha256: string): Promise<BlobInfo>;
  /** The stored blob's size, or undefined when it is absent. */
  stat(sha256: string): Promise<BlobInfo | undefined>;
  /**
   * Writes bytes [start, end] (inclusive) of a stored blob to `destination` (not ending it).
   * Rejects when the destination fails or closes first (a player that cancelled its range).
   */
  send(sha256: string, start: number, end: number, destination: Writable): Promise<void>;
}

/** Thrown by putFile when the bytes do not hash to the digest the caller expected. */
export class BlobDigestMismatch extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`blob hashes to ${actual}, expected ${expected}`);
    this.name = 'BlobDigestMismatch';
  }
}
