import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchLibrary, benchViewers } from './browser.bench';
import { benchImport } from './import.bench';
import { benchReview } from './review.bench';
import { describeMachine, type BudgetResult } from './machine';

/**
 * `npm run bench`: measures every budget, prints a table, records it in BENCHMARKS.md and
 * exits non-zero when a budget is missed. Needs `npm run build:web` first and Chromium.
 */
async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'anchor-bench-'));
  const results: BudgetResult[] = [];
  try {
    results.push(await benchImport(work));
    results.push(...(await benchViewers(work)));
    results.push(await benchLibrary(work, 2000));
    results.push(...(await benchReview(work)));
    results.push(await benchLibrary(work, 10_000));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const table = [
    '| budget | measured | limit | result |',
    '| --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.budget} | ${r.measured}${r.notes ? ` (${r.notes})` : ''} | ${r.limit} | ${r.pass ? 'pass' : '**FAIL**'} |`,
    ),
  ].join('\n');
  const section = `## ${new Date().toISOString().slice(0, 10)} — ${describeMachine()}\n\n${table}\n`;
  console.log(section);
  const file = resolve(import.meta.dirname, '../BENCHMARKS.md');
  const previous = await readFile(file, 'utf8').catch(
    () => '# Benchmarks\n\nRun `npm run bench` (after `npm run build:web`). Newest first.\n',
  );
  const [head, ...rest] = previous.split(/\n(?=## )/);
  await writeFile(file, [head!.trimEnd(), section.trimEnd(), ...rest.map((s) => s.trimEnd())].join('\n\n') + '\n');
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

await main();
