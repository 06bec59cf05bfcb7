import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeMachine, type BudgetResult } from './machine';
import { newestSection, recordRun } from './record';

/**
 * The groups of budgets; `npx tsx bench/run.ts hub` runs only the hub's. Each group imports its
 * benches when it runs, so one group does not need what only the other needs (Chromium, a build).
 */
const GROUPS = {
  /** The desktop app: import, viewers, queue, review screen. Needs `npm run build:web` and Chromium. */
  app: async (): Promise<BudgetResult[]> => {
    const { benchImport } = await import('./import.bench');
    const { benchLibrary, benchViewers } = await import('./browser.bench');
    const { benchReview } = await import('./review.bench');
    const { benchWorkspaceSwitch } = await import('./workspace.bench');
    const work = await mkdtemp(join(tmpdir(), 'anchor-bench-'));
    const results: BudgetResult[] = [];
    try {
      results.push(await benchImport(work));
      results.push(...(await benchViewers(work)));
      results.push(await benchLibrary(work, 2000));
      results.push(await benchWorkspaceSwitch(work, 2000));
      results.push(...(await benchReview(work)));
      results.push(await benchLibrary(work, 10_000));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    return results;
  },
  /** The hub (issue 4): concurrent score uploads, metadata pull, evidence download. Needs curl. */
  hub: () =>
    inHubWork(async (work) => {
      const { benchScores } = await import('./hub-scores.bench');
      const { benchPull } = await import('./hub-pull.bench');
      const { benchDownload } = await import('./hub-download.bench');
      const { benchCommitCost } = await import('./hub-commit.bench');
      return [
        ...(await benchScores(work)),
        ...(await benchCommitCost(work)),
        await benchPull(work),
        ...(await benchDownload(work)),
      ];
    }),
  /** What fsync costs the embedded hub per acknowledged write (part of hub). */
  'hub-commit': () =>
    inHubWork(async (work) => {
      const { benchCommitCost } = await import('./hub-commit.bench');
      return benchCommitCost(work);
    }),
  /** Norming (issue 11): the agreement statistics for the largest session. Pure computation. */
  agreement: async (): Promise<BudgetResult[]> => {
    const { benchAgreement } = await import('./agreement.bench');
    return [benchAgreement()];
  },
  /** Norming (issue 11): the facilitator's board with 50 participants connected, and the calibration report. Needs Chromium. */
  norming: () =>
    inHubWork(async (work) => {
      const { benchNormingReport } = await import('./norming-report.bench');
      const { benchNormingBoard } = await import('./norming-board.bench');
      return [await benchNormingBoard(), await benchNormingReport(work)];
    }),
  /**
   * Committees (issue 12): a chair's dashboard of a 5,000-packet window (needs Chromium), policy
   * routing of 1,000 submissions, releasing 5,000 decisions all or nothing, batch-deciding 1,000
   * agreeing packets in one transaction, the admin's packet list of a 10,000-packet hub.
   */
  committee: () =>
    inHubWork(async (work) => {
      const { benchWindowDashboard } = await import('./window-dashboard.bench');
      const { benchBatchDecide, benchRelease, benchRouting } = await import('./committee-decisions.bench');
      const { benchPacketList } = await import('./packet-list.bench');
      return [
        await benchWindowDashboard(work),
        await benchRouting(work),
        await benchRelease(work),
        await benchBatchDecide(work),
        await benchPacketList(work),
      ];
    }),
  /** The hub's evidence download alone (raw and shaped loopback against curl). Needs curl. */
  'hub-download': () =>
    inHubWork(async (work) => {
      const { benchDownload } = await import('./hub-download.bench');
      return benchDownload(work);
    }),
  /** The local demo hub's start: first (makes the template), in a new folder (copies it), restart. */
  'demo-hub': () =>
    inHubWork(async (work) => {
      const { benchDemoHub } = await import('./demo-hub.bench');
      return benchDemoHub(work);
    }),
} satisfies Record<string, () => Promise<BudgetResult[]>>;

type Group = keyof typeof GROUPS;

/** Runs `fn` in a fresh folder under bench/.work (git-ignored: the download bench writes a 200 MB file). */
async function inHubWork(fn: (work: string) => Promise<BudgetResult[]>): Promise<BudgetResult[]> {
  const parent = resolve(import.meta.dirname, '.work');
  await mkdir(parent, { recursive: true });
  const work = await mkdtemp(join(parent, 'hub-'));
  try {
    return await fn(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * `npm run bench`: measures every budget, prints a table, records it in BENCHMARKS.md (see record.ts) and
 * exits non-zero when a budget is missed. `npx tsx bench/run.ts hub` (or `app`, `hub-download`, `demo-hub`, `agreement`, `norming`, `committee`, `hub-commit`)
 * runs one group.
 */
async function main(): Promise<void> {
  const names = Object.keys(GROUPS) as Group[];
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !names.includes(name as Group));
  if (unknown.length) {
    console.error(`unknown bench group(s) ${unknown.join(', ')}; choose from ${names.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  // Everything by default; hub-download and hub-commit are part of hub, not groups of their own then.
  const everything = names.filter((name) => name !== 'hub-download' && name !== 'hub-commit');
  const selected = asked.length ? (asked as Group[]) : everything;
  const results: BudgetResult[] = [];
  for (const name of selected) results.push(...(await GROUPS[name]()));
  const run = {
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    groups: asked.length ? selected : [],
    results,
  };
  console.log(`${newestSection(run)}\n`);
  const file = resolve(import.meta.dirname, '../BENCHMARKS.md');
  await writeFile(file, recordRun(await readFile(file, 'utf8'), run));
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

await main();
