import { join } from 'node:path';
import {
  BENCH_PASSWORD,
  benchScore,
  seedAssignments,
  seedOpenWindow,
  seedSmallPackets,
  seedUsers,
  startBenchHub,
  type BenchHub,
} from './hub-seed';
import { percentile, type BudgetResult } from './machine';

const UPLOADS = 300;
const COMMITS = 500;
const WARM_UP = 20;
const P99_LIMIT_MS = 150;

interface Timings {
  /** One score PUT at a time over loopback, each answered 201 (a new revision of one score). */
  upload: number[];
  /** One single-row INSERT transaction at a time, straight on the database: the commit alone. */
  commit: number[];
}

/**
 * What fsync costs PGlite per acknowledged write. The same work runs on two hubs, one started as
 * shipped (fsync on, the WAL flushed with fsync(2) before COMMIT returns) and one as PGlite starts
 * by default (fsync off: the commit stays in the page cache). Uncontended, one at a time, so the
 * difference is the flush itself; the 200-assessor budgets (hub-scores.bench.ts) show it under load.
 */
export async function benchCommitCost(work: string): Promise<BudgetResult[]> {
  const durable = await measure(join(work, 'commit-fsync'), true);
  const relaxed = await measure(join(work, 'commit-nofsync'), false);
  const p = (values: number[], q: number) => percentile(values, q).toFixed(2);
  const extra = (pick: (t: Timings) => number[]) =>
    (percentile(pick(durable), 50) - percentile(pick(relaxed), 50)).toFixed(2);
  return [
    {
      budget: 'Cost of fsync per acknowledged score upload, one at a time, loopback (PGlite)',
      measured: `with fsync p50 ${p(durable.upload, 50)} ms, p99 ${p(durable.upload, 99)} ms; without p50 ${p(relaxed.upload, 50)} ms, p99 ${p(relaxed.upload, 99)} ms (+${extra((t) => t.upload)} ms at p50)`,
      limit: `p99 < ${P99_LIMIT_MS} ms with fsync`,
      pass: percentile(durable.upload, 99) < P99_LIMIT_MS,
      notes: `${UPLOADS} PUTs each; the commit alone (${COMMITS} one-row transactions): with fsync p50 ${p(durable.commit, 50)} ms, p99 ${p(durable.commit, 99)} ms, without p50 ${p(relaxed.commit, 50)} ms, p99 ${p(relaxed.commit, 99)} ms (+${extra((t) => t.commit)} ms)`,
    },
  ];
}

async function measure(dir: string, durableCommits: boolean): Promise<Timings> {
  const hub = await startBenchHub(dir, undefined, { durableCommits });
  try {
    return { upload: await uploads(hub, dir), commit: await commits(hub) };
  } finally {
    await hub.close();
  }
}

async function uploads({ running }: BenchHub, dir: string): Promise<number[]> {
  const [assessor] = await seedUsers(running, ['assessor001']);
  const windowId = await seedOpenWindow(running);
  const [packetId] = await seedSmallPackets(running, join(dir, 'scratch'), 1);
  await seedAssignments(running, windowId, [{ packetId: packetId!, assessor: assessor! }]);
  const session = await fetch(`${running.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'assessor001', password: BENCH_PASSWORD }),
  });
  const { accessToken } = (await session.json()) as { accessToken: string };
  const times: number[] = [];
  for (let revision = 1; revision <= WARM_UP + UPLOADS; revision++) {
    const record = benchScore(packetId!, 'assessor001', revision);
    const started = performance.now();
    const answer = await fetch(`${running.url}/api/v1/scores/${record.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseRevision: revision - 1, record }),
    });
    await answer.arrayBuffer();
    if (answer.status !== 201) throw new Error(`commit bench: upload answered ${answer.status}`);
    if (revision > WARM_UP) times.push(performance.now() - started);
  }
  return times;
}

async function commits({ running }: BenchHub): Promise<number[]> {
  const { db } = running.hub;
  await db.query('create table bench_commit (id serial primary key, note text not null)');
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + COMMITS; i++) {
    const started = performance.now();
    await db.transaction((tx) => tx.query('insert into bench_commit (note) values ($1)', ['x'.repeat(200)]));
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  return times;
}
