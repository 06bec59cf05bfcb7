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
/** The burst: this many assessors upload a new revision in the same millisecond, BURST_ROUNDS times. */
const BURST_ASSESSORS = 200;
const BURST_ROUNDS = 5;
const COMMITS = 500;
const WARM_UP = 20;
const P99_LIMIT_MS = 150;
/** Group commit keeps a burst to a few fsyncs; its median may not grow by more than half. */
const BURST_RATIO_LIMIT = 1.5;

interface Timings {
  /** One score PUT at a time over loopback, each answered 201 (a new revision of one score). */
  upload: number[];
  /** One single-row INSERT transaction at a time, straight on the database: the commit alone. */
  commit: number[];
  /** Each PUT of the bursts (group commit gathers a burst into a few transactions, so a few fsyncs). */
  burst: number[];
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
  // The bursts alternate between the two hubs, so that a busy moment on a shared machine hits both.
  const hubs = await Promise.all([
    burstHub(join(work, 'burst-fsync'), true),
    burstHub(join(work, 'burst-nofsync'), false),
  ]);
  try {
    for (let round = 1; round <= BURST_ROUNDS; round++) {
      durable.burst.push(...(await hubs[0].burst(round)));
      relaxed.burst.push(...(await hubs[1].burst(round)));
    }
  } finally {
    await Promise.all(hubs.map((hub) => hub.close()));
  }
  const p = (values: number[], q: number) => percentile(values, q).toFixed(2);
  const extra = (pick: (t: Timings) => number[]) => {
    const ms = percentile(pick(durable), 50) - percentile(pick(relaxed), 50);
    return `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(2)}`;
  };
  const burstRatio = percentile(durable.burst, 50) / percentile(relaxed.burst, 50);
  const burstP99 = (t: Timings) => percentile(t.burst, 99).toFixed(0);
  return [
    {
      budget: 'Cost of fsync per acknowledged score upload, one at a time, loopback (PGlite)',
      measured: `with fsync p50 ${p(durable.upload, 50)} ms, p99 ${p(durable.upload, 99)} ms; without p50 ${p(relaxed.upload, 50)} ms, p99 ${p(relaxed.upload, 99)} ms (${extra((t) => t.upload)} ms at p50)`,
      limit: `p99 < ${P99_LIMIT_MS} ms with fsync`,
      pass: percentile(durable.upload, 99) < P99_LIMIT_MS,
      notes: `${UPLOADS} PUTs each; the commit alone (${COMMITS} one-row transactions): with fsync p50 ${p(durable.commit, 50)} ms, p99 ${p(durable.commit, 99)} ms, without p50 ${p(relaxed.commit, 50)} ms, p99 ${p(relaxed.commit, 99)} ms (${extra((t) => t.commit)} ms)`,
    },
    {
      budget: `Cost of fsync in a burst: ${BURST_ASSESSORS} assessors upload in the same millisecond, loopback (PGlite)`,
      measured: `with fsync p50 ${p(durable.burst, 50)} ms, p99 ${burstP99(durable)} ms; without p50 ${p(relaxed.burst, 50)} ms, p99 ${burstP99(relaxed)} ms (p50 ratio ${burstRatio.toFixed(2)})`,
      limit: `p50 with fsync ≤ ${BURST_RATIO_LIMIT} × without (the absolute budget is the 200-assessor row, whose generator runs apart)`,
      pass: burstRatio <= BURST_RATIO_LIMIT,
      notes: `${BURST_ROUNDS} rounds of ${BURST_ASSESSORS} simultaneous PUTs from this process (fetch), the two hubs alternating round by round, so both see the same machine; tokens issued directly, not by sign-in`,
    },
  ];
}

async function measure(dir: string, durableCommits: boolean): Promise<Timings> {
  const hub = await startBenchHub(dir, undefined, { durableCommits });
  try {
    return { upload: await uploads(hub, dir), commit: await commits(hub), burst: [] };
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

/** A hub with BURST_ASSESSORS assessors, each with a packet and a token; burst(r) sends revision r from all at once. */
async function burstHub(dir: string, durableCommits: boolean) {
  const hub = await startBenchHub(dir, undefined, { durableCommits });
  const { running } = hub;
  const usernames = Array.from({ length: BURST_ASSESSORS }, (_, i) => `assessor${String(i + 1).padStart(3, '0')}`);
  const assessors = await seedUsers(running, usernames);
  const windowId = await seedOpenWindow(running);
  const packets = await seedSmallPackets(running, join(dir, 'scratch'), BURST_ASSESSORS);
  await seedAssignments(
    running,
    windowId,
    assessors.map((assessor, i) => ({ packetId: packets[i]!, assessor })),
  );
  const tokens = await Promise.all(assessors.map(async (a) => (await running.hub.tokens.signIn(a.id)).accessToken));
  return {
    async burst(revision: number): Promise<number[]> {
      return Promise.all(
        assessors.map(async (assessor, i) => {
          const record = benchScore(packets[i]!, assessor.username, revision);
          const started = performance.now();
          const answer = await fetch(`${running.url}/api/v1/scores/${record.id}`, {
            method: 'PUT',
            headers: { Authorization: `Bearer ${tokens[i]}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ baseRevision: revision - 1, record }),
          });
          await answer.arrayBuffer();
          if (answer.status !== 201) throw new Error(`commit bench: burst upload answered ${answer.status}`);
          return performance.now() - started;
        }),
      );
    },
    close: () => hub.close(),
  };
}
