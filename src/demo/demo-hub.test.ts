import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DemoHub } from './demo-hub';
import type * as hubSeed from './hub-seed';
import { seedDemo } from './hub-seed';
import { SEEDED_FILE } from './hub-template';
import { openHub } from '../hub/open';

vi.mock('./hub-seed', async (original) => {
  const actual = await original<typeof hubSeed>();
  return { ...actual, seedDemo: vi.fn(actual.seedDemo) };
});

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'anchor-demo-hub-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function startAndClose(dataDir: string): Promise<void> {
  const demo = new DemoHub(dataDir, () => undefined, { templateRoot: join(work, 'template') });
  await demo.start();
  await demo.close();
}

describe('the demo hub starts from a seeded template (a first start took ~45 s on a busy machine)', () => {
  it('seeds once into the template; a new folder is a copy and a restart seeds nothing', async () => {
    await startAndClose(join(work, 'a'));
    expect(seedDemo).toHaveBeenCalledTimes(1); // the template
    const [key] = await readdir(join(work, 'template'));
    expect(key).toMatch(/^[0-9a-f]{16}$/);

    await startAndClose(join(work, 'b'));
    await startAndClose(join(work, 'b'));
    expect(seedDemo).toHaveBeenCalledTimes(1);
    expect(await readFile(join(work, 'b', 'demo-hub', SEEDED_FILE), 'utf8')).toBe(key);

    // The copy holds the whole demo: its accounts, packets, assignments and norming session.
    const opened = await openHub({ dataDir: join(work, 'b', 'demo-hub') });
    try {
      const count = async (table: string) =>
        Number((await opened.hub.db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
      expect(await count('users')).toBe(7);
      expect(await count('packets')).toBe(9); // six to assess and three norming anchors
      expect(await count('norming_sessions')).toBe(1);
      expect(await count('assignments')).toBe(12);
    } finally {
      await opened.close();
    }
  }, 120_000);

  it('without a template, seeds the folder itself', async () => {
    vi.mocked(seedDemo).mockClear();
    const demo = new DemoHub(join(work, 'c'), () => undefined, { templateRoot: null });
    await demo.start();
    await demo.close();
    expect(seedDemo).toHaveBeenCalledTimes(1);
    expect(await readdir(join(work, 'c', 'demo-hub'))).toContain(SEEDED_FILE);
  }, 120_000);
});
