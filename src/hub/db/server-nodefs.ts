import { fdatasyncSync, fsyncSync } from 'node:fs';
import { NodeFS } from '@electric-sql/pglite/nodefs';

interface SetAttr {
  mode?: number;
}
/** The parts of PGlite's Emscripten module this file reaches into (not in PGlite's public types). */
interface EmscriptenNodeFs {
  NODEFS: {
    node_ops: { setattr(node: unknown, attr: SetAttr): void };
    stream_ops: {
      fsync?: (stream: { nfd: number; node: unknown }) => number | void;
      setattr(stream: unknown, attr: SetAttr): void;
    };
    tryFSOperation<T>(operation: () => T): T;
    realPath(node: unknown): string;
  };
}

/** A write-ahead log segment: preallocated at its full size, so its data is all a flush must carry. */
const WAL_SEGMENT = /[/\\]pg_wal[/\\][0-9A-F]{24}$/;

/** Clears group's and others' permission bits, keeping the file type and the owner's bits. */
const OWNER_ONLY = ~0o077;

/**
 * PGlite's NodeFS made fit for a server's data folder: durable and private.
 *
 * Durable: Emscripten's NODEFS stream operations have no `fsync`, so PostgreSQL's fsync() of a WAL
 * segment at COMMIT returns success without reaching the disk (and fdatasync() is a no-op in
 * Emscripten's syscall layer whatever the file system, so PostgreSQL is told to use fsync()). This
 * adds the operation, flushing the host file descriptor behind the Emscripten stream. Errors are passed on as errno (through
 * NODEFS's own translation), so a failed fsync makes PostgreSQL PANIC rather than acknowledge a
 * write that may be lost.
 *
 * Private: Emscripten chmods every file it creates to the mode asked for, past the process's
 * umask, and PGlite unpacks its initial database as 0666 files; the mode is masked to the owner.
 */
export class ServerNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(...args);
    const preRun = [...(emscriptenOpts.preRun ?? []), (module: unknown) => patch(module as EmscriptenNodeFs)];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } };
  }
}

function patch({ NODEFS }: EmscriptenNodeFs): void {
  // fdatasync(2) for WAL segments, as PostgreSQL itself does on Linux (wal_sync_method=fdatasync):
  // it skips the inode's timestamps, about half of fsync's cost on ext4. Everything else (data files
  // at a checkpoint, folders after a rename) gets a full fsync(2).
  NODEFS.stream_ops.fsync = (stream) =>
    NODEFS.tryFSOperation(() =>
      WAL_SEGMENT.test(NODEFS.realPath(stream.node)) ? fdatasyncSync(stream.nfd) : fsyncSync(stream.nfd),
    );
  const ownerOnly = (attr: SetAttr): SetAttr =>
    attr.mode === undefined ? attr : { ...attr, mode: attr.mode & OWNER_ONLY };
  const { node_ops, stream_ops } = NODEFS;
  const nodeSetattr = node_ops.setattr.bind(node_ops);
  const streamSetattr = stream_ops.setattr.bind(stream_ops);
  node_ops.setattr = (node, attr) => nodeSetattr(node, ownerOnly(attr));
  stream_ops.setattr = (stream, attr) => streamSetattr(stream, ownerOnly(attr));
}
