import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/hub/db/open';
import { onServer, POSTGRES_TEMPLATE, startTestPostgres, type PostgresContext, type TestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data folder, created and migrated once, that each test hub starts from a copy of. */
    pgliteTemplate: string;
    /** The run's PostgreSQL server and its migrated template database, or why the PostgreSQL suites skip. */
    postgres: PostgresContext;
  }
}

/**
 * Runs once per `vitest run`, before any hub test file:
 *
 * - Creating a PGlite database runs initdb inside WebAssembly: about 2.5 s, against 0.4 s to open
 *   an existing one. Every hub test file copies this template instead (tests/hub/support/hub.ts),
 *   which keeps the suite well inside its time budget on two cores. The template is made by the
 *   hub's own openDatabase, so it holds exactly what migrations produce; db.test.ts still migrates
 *   a fresh folder.
 * - A real PostgreSQL server is started (tests/hub/support/postgres.ts) and the hub migrates a
 *   template database on it; each test file that runs on PostgreSQL gets its own database created
 *   from that template (support/backends.ts). Without PostgreSQL binaries those suites are skipped
 *   with the reason printed here — except in CI, which installs PostgreSQL and so must run them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [pglite, server] = await Promise.allSettled([pgliteTemplate(), postgresServer()]);
  if (pglite.status === 'rejected' || server.status === 'rejected') {
    // Clean up whichever half did start before failing the run.
    if (pglite.status === 'fulfilled') await rm(pglite.value, { recursive: true, force: true });
    if (server.status === 'fulfilled' && 'stop' in server.value) await server.value.stop();
    throw pglite.status === 'rejected' ? pglite.reason : (server as PromiseRejectedResult).reason;
  }
  const dir = pglite.value;
  const postgres = server.value;
  project.provide('pgliteTemplate', join(dir, 'pglite'));
  project.provide(
    'postgres',
    'missing' in postgres ? { skip: postgres.missing } : { url: postgres.url, template: POSTGRES_TEMPLATE },
  );
  return async () => {
    await Promise.all(['stop' in postgres ? postgres.stop() : undefined, rm(dir, { recursive: true, force: true })]);
  };
}

async function pgliteTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'anchor-hub-template-'));
  const db = await openDatabase({ dataDir: dir });
  await db.close();
  return dir;
}

async function postgresServer(): Promise<TestPostgres | { missing: string }> {
  const server = await startTestPostgres();
  if ('missing' in server) {
    if (process.env.CI) {
      throw new Error(`CI runs the hub tests on PostgreSQL too, but cannot here: ${server.missing}.`);
    }
    console.warn(`\nhub tests: the PostgreSQL suites are SKIPPED: ${server.missing}.\n`);
    return server;
  }
  try {
    await onServer(server.url, (admin) => admin.query(`create database ${POSTGRES_TEMPLATE}`));
    // The hub's own start-up path migrates the template, exactly as it would a production database.
    const template = await openDatabase({ databaseUrl: server.urlFor(POSTGRES_TEMPLATE), dataDir: tmpdir() });
    await template.close();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
