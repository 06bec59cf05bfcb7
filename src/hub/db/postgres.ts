import pg from 'pg';
import type { Db, Queryable, Row } from './db';

/** Connects to a real PostgreSQL server (`--database-url postgres://…`) through a small pool. */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<Db> {
  // The hub acknowledges a write once its transaction commits, so a commit must wait for its WAL
  // flush even on a server whose default is synchronous_commit=off. (fsync itself is server-wide;
  // PostgreSQL's default is on.)
  const pool = new pg.Pool({ connectionString, max: maxConnections, options: '-c synchronous_commit=on' });
  // An idle client that loses its server connection emits 'error' on the pool; without a listener
  // Node would crash the hub. The next query simply gets a fresh connection.
  pool.on('error', () => undefined);
  // Fail at start-up, with the driver's message, rather than on the first request.
  await pool.query('select 1');
  const query = async <R extends object = Row>(sql: string, params: readonly unknown[] = []) =>
    (await pool.query(sql, [...params])).rows as R[];
  return {
    engine: 'postgres',
    query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // While a client is checked out the pool does not listen for its errors. A connection cut
      // while fn awaits something else (the server restarts, an administrator ends the session)
      // would emit 'error' with no listener and crash the hub; this way fn's next query fails
      // instead, the transaction rejects, and the broken connection is discarded, not pooled.
      let broken = false;
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn({
          query: async <R extends object = Row>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as R[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
