import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WINDOW, seedDemo } from './hub-seed';
import { findResourcesDir } from './resources';
import { MIGRATIONS } from '../hub/db/migrations';
import type { HubContext } from '../hub/context';
import { openHub } from '../hub/open';
import type { Log } from '../shared/log';

/** Written into a demo hub folder once it holds the seed; its text is the template key. */
export const SEEDED_FILE = 'seeded';

/** A template older than this is made again, so the demo window it holds is still open when copied. */
const TEMPLATE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Per data folder, not copied: the lock, the port and upload scratch space. */
const NOT_COPIED = new Set(['.anchor.lock', 'port', 'uploads']);

/** `<repository>/.cache/demo-hub-template` (git-ignored), or undefined when there is no repository around this module. */
export function defaultTemplateRoot(): string | undefined {
  try {
    return join(dirname(findResourcesDir()), '.cache', 'demo-hub-template');
  } catch {
    return undefined;
  }
}

/**
 * A hash of everything that shapes a seeded demo hub: the schema (migrations), the seed's
 * accounts and window, the code that seeds it (the demo sources when run from the repository,
 * else the bundle this module is in) and the demo resources (names and sizes).
 */
export async function demoTemplateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ MIGRATIONS, DEMO_USERS, DEMO_PASSWORD, DEMO_WINDOW }));
  const here = import.meta.dirname;
  const sources = (await readFile(join(here, 'hub-seed.ts')).catch(() => undefined))
    ? await listFiles(here, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    : [import.meta.filename];
  for (const file of sources) hash.update(relative(here, file)).update(await readFile(file));
  try {
    const resources = join(findResourcesDir(), 'demo');
    for (const file of await listFiles(resources, () => true)) {
      hash.update(`${relative(resources, file)}:${(await stat(file)).size}`);
    }
  } catch {
    // No resources next to the code: the code's hash stands for them.
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(root: string, keep: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The folder of a seeded, closed demo hub for this key, made now if missing or stale: seeded in
 * a scratch folder and renamed into place, so a start that is killed half-way, or two starting
 * at once, never leave a half-made template behind.
 */
export async function ensureDemoTemplate(root: string, key: string, log: Log): Promise<string> {
  return ensureHubTemplate(root, key, seedDemo, log);
}

/**
 * The folder of a closed hub for this key, seeded by `seed` (nothing: an empty hub with its schema
 * migrated, which the tests copy instead of migrating a new hub every time), made as above.
 */
export async function ensureHubTemplate(
  root: string,
  key: string,
  seed: (hub: HubContext) => Promise<unknown>,
  log: Log,
): Promise<string> {
  const template = join(root, key);
  const made = await stat(join(template, SEEDED_FILE)).catch(() => undefined);
  if (made && Date.now() - made.mtimeMs < TEMPLATE_MAX_AGE_MS) return template;
  await mkdir(root, { recursive: true });
  const scratch = join(root, `${key}.making-${process.pid}-${Date.now()}`);
  try {
    const opened = await openHub({ dataDir: scratch, log });
    try {
      await seed(opened.hub);
    } finally {
      await opened.close();
    }
    await rm(join(scratch, 'uploads'), { recursive: true, force: true });
    await writeFile(join(scratch, SEEDED_FILE), key);
    if (made) await rm(template, { recursive: true, force: true });
    await rename(scratch, template).catch(async (error: unknown) => {
      // Another start made it first: theirs is as good as ours.
      if (!(await stat(join(template, SEEDED_FILE)).catch(() => undefined))) throw error;
    });
    log('hub template made', { template });
    // Templates of other keys are from older code: remove them.
    for (const name of await readdir(root)) {
      if (name !== key && !name.includes('.making-')) await rm(join(root, name), { recursive: true, force: true });
    }
    return template;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Copies a template into a new hub folder (its lock, port and scratch space stay behind). */
export async function copyDemoTemplate(template: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await cp(template, dir, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(relative(template, source).split(/[\\/]/)[0]!),
  });
}

/** Makes the default template now (`npm run setup` does), so even the first demo hub start is a copy. */
export async function prepareDemoTemplate(log: Log): Promise<string> {
  const root = defaultTemplateRoot();
  if (!root) throw new Error('no repository folder around the demo code to keep the demo hub template in');
  return ensureDemoTemplate(root, await demoTemplateKey(), log);
}
