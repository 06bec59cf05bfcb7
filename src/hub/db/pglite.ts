import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { syncTree } from '../../node/files/sync-tree';
import type { Db, Queryable } from './db';
import { ServerNodeFS } from './server-nodefs';

/**
 * PGlite starts PostgreSQL with `-F` (fsync off). A hub acknowledges a score only after its
 * transaction commits, and the client then drops it from its outbox, so a commit must be on disk:
 * fsync stays on, and the WAL is flushed with fsync() because Emscripten's fdatasync() is a no-op
 * (ServerNodeFS makes fsync() real).
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'synchronous_commit=on',
  '-c',
  'wal_sync_method=fsync',
];

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly, persisted in a data folder (or in
 * memory when no folder is given). PGlite has a single connection and runs statements one at a
 * time, and queries issued outside a running transaction wait for it to finish, so transactions
 * are serialisable here without any locking of our own.
 */
export async function openPglite(dataDir?: string, { durable = true }: { durable?: boolean } = {}): Promise<Db> {
  if (dataDir === undefined) return wrap(await PGlite.create());
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = await PGlite.create({
    dataDir,
    ...(durable ? { fs: new ServerNodeFS(dataDir), startParams: DURABLE_START_PARAMS } : {}),
  });
  // PGlite unpacks a new database with plain writes; flush them once, before any commit relies on them.
  if (created && durable) await syncTree(dataDir);
  return wrap(pg);
}

function wrap(pg: PGlite): Db {
  const run = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<R>(sql, [...params])).rows;
    },
  });
  return {
    engine: 'pglite',
    ...run(pg),
    transaction: (fn) => pg.transaction((tx) => fn(run(tx))),
    close: () => pg.close(),
  };
}
