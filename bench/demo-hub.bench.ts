import { join } from 'node:path';
import { DemoHub } from '../src/demo/demo-hub';
import { median, type BudgetResult } from './machine';

const LIMIT_MS = 5000;
const RUNS = 3;

/**
 * The local demo hub's start, from `start()` to the URL being served (issue 10: it took about
 * 45 s on a busy machine). First start: no template yet, so PGlite's initdb, the migrations and
 * the seed all run, and the seeded folder becomes the template (`npm run setup` does this once).
 * Warm start: a new data folder with the template present (a copy). Restart: the same folder again.
 */
export async function benchDemoHub(work: string): Promise<BudgetResult[]> {
  const templateRoot = join(work, 'template');
  const timeStart = async (dataDir: string): Promise<number> => {
    const demo = new DemoHub(dataDir, () => undefined, { templateRoot });
    const started = performance.now();
    await demo.start();
    const ms = performance.now() - started;
    await demo.close();
    return ms;
  };
  const first = await timeStart(join(work, 'first'));
  const warm: number[] = [];
  const restart: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    warm.push(await timeStart(join(work, `warm-${run}`)));
    restart.push(await timeStart(join(work, `warm-${run}`)));
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    {
      budget: 'Demo hub first start (no template: initdb + migrations + seed, then the template is kept)',
      measured: seconds(first),
      limit: 'reported (one-off; `npm run setup` makes the template)',
      pass: true,
    },
    {
      budget: 'Demo hub start in a new data folder (template copied)',
      measured: seconds(median(warm)),
      limit: seconds(LIMIT_MS),
      pass: median(warm) <= LIMIT_MS,
      notes: `median of ${RUNS}; slowest ${seconds(Math.max(...warm))}`,
    },
    {
      budget: 'Demo hub restart (same data folder)',
      measured: seconds(median(restart)),
      limit: seconds(LIMIT_MS),
      pass: median(restart) <= LIMIT_MS,
      notes: `median of ${RUNS}`,
    },
  ];
}
