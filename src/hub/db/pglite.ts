import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly, persisted in a data folder (or in
 * memory when no folder is given). PGlite has a single connection and runs statements one at a
 * time, and queries issued outside a running transaction wait for it to finish, so transactions
 * are serialisable here without any locking of our own.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
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
