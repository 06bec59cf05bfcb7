import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/hub/db/open';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data folder, created and migrated once, that each test hub starts from a copy of. */
    pgliteTemplate: string;
  }
}

/**
 * Creating a PGlite database runs initdb inside WebAssembly: about 2.5 s, against 0.4 s to open an
 * existing one. Every hub test file copies this template instead (tests/hub/support/hub.ts), which
 * keeps the suite well inside its time budget on two cores. The template is made by the hub's own
 * openDatabase, so it holds exactly what migrations produce; db.test.ts still migrates a fresh folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'anchor-hub-template-'));
  const db = await openDatabase({ dataDir: dir });
  await db.close();
  project.provide('pgliteTemplate', join(dir, 'pglite'));
  return () => rm(dir, { recursive: true, force: true });
}
