import type { Db } from './db';
import { MIGRATIONS, type Migration } from './migrations';

/** An arbitrary constant: the advisory lock that serialises hubs migrating the same database. */
const MIGRATION_LOCK = 4_741_226;

/**
 * Brings the schema up to date: every migration not yet recorded in schema_migrations runs, in
 * order, inside one transaction with its record, so a failed start leaves the schema untouched.
 * Returns the versions applied by this call.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Two hubs starting against one PostgreSQL server must not both apply migration 1.
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await tx.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const ran: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      ran.push(migration.version);
    }
    return ran;
  });
}
