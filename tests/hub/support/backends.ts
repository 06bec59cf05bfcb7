import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import { onServer } from './postgres';

/**
 * The two database engines the hub runs on: PGlite in a data folder (the default) and a real
 * PostgreSQL server (`--database-url`), which global-setup.ts starts for the run.
 */
export type Backend = 'pglite' | 'postgres';

export const BACKEND_NAME: Record<Backend, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/**
 * Declares a file's suite once per engine, as `on PGlite` and `on PostgreSQL`. The PostgreSQL copy
 * is skipped, with the reason in its title, when the run has no server (global-setup.ts prints the
 * reason too, and in CI refuses to skip). Each copy starts its own hub on its own database.
 */
export function forEachBackend(body: (backend: Backend) => void): void {
  describe(`on ${BACKEND_NAME.pglite}`, () => body('pglite'));
  describeOnPostgres(`on ${BACKEND_NAME.postgres}`, () => body('postgres'));
}

/** A suite that only makes sense on a PostgreSQL server; skipped, with the reason in its title, without one. */
export function describeOnPostgres(title: string, body: () => void): void {
  const postgres = inject('postgres');
  if ('skip' in postgres) describe.skip(`${title} (skipped: ${postgres.skip})`, body);
  else describe(title, body);
}

export interface TestDatabase {
  /** postgres://… for `--database-url`. */
  url: string;
  /** Drops the database; the hub using it must be closed first. */
  drop(): Promise<void>;
}

/**
 * A new database of its own on the run's PostgreSQL server: a copy of the migrated template (a
 * few milliseconds), or with `empty`, one with no hub schema at all, for the migration tests.
 */
export async function createPostgresDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const postgres = inject('postgres');
  if ('skip' in postgres) throw new Error(`no PostgreSQL server in this run: ${postgres.skip}`);
  const name = `anchor_test_${randomBytes(8).toString('hex')}`;
  await onServer(postgres.url, (admin) =>
    admin.query(`create database ${name}${empty ? '' : ` template ${postgres.template}`}`),
  );
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await onServer(postgres.url, (admin) => admin.query(`drop database if exists ${name}`));
    },
  };
}
