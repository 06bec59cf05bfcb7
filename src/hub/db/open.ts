import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './db';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseOptions {
  /** postgres://… for a real server; when absent, PGlite stores the database under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** PGlite only; see HubStorageOptions.durableCommits. */
  durableCommits?: boolean;
}

/** Opens the configured engine and runs pending migrations before anything else touches it. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    db = await openPostgres(options.databaseUrl);
  } else {
    const folder = join(options.dataDir, 'pglite');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    db = await openPglite(folder, { durable: options.durableCommits ?? true });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
