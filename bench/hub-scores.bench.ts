import { join } from 'node:path';
import type { ScoreRecord } from '../src/shared/domain/score';
import { startClientProcess, type PutScoreResult } from './hub-clients';
import {
  BENCH_PASSWORD,
  benchScore,
  seedAssignments,
  seedOpenWindow,
  seedSmallPackets,
  seedUsers,
  startBenchHub,
  withPostgres,
  type BenchHub,
} from './hub-seed';
import { median, percentile, type BudgetResult } from './machine';

const ASSESSORS = 200;
const P99_LIMIT_MS = 150;
/** The steady round: every assessor uploads this many revisions at random moments within PACED_SECONDS. */
const PACED_PER_ASSESSOR = 5;
const PACED_SECONDS = 10;

interface Round {
  name: string;
  /** Whether the round's latencies count toward the budget (rounds of one upload per assessor). */
  timed: boolean;
  sequential?: boolean;
  uploads: { username: string; record: ScoreRecord; baseRevision: number }[];
}

/**
 * 200 assessors, each signed in through a HubClient of their own with one packet assigned in an
 * open window, upload scores over loopback in six rounds:
 *
 * 1. first upload (revision 1), all 200 in the same millisecond, each on a new connection (the
 *    hub has just started: its first burst);
 * 2. a replay of that same upload (a client that lost the answer retries): 200 with the receipt;
 * 3. a new revision (2, based on 1);
 * 4. revision 3, sent twice at once by every assessor (a retry racing the original: 400 PUTs);
 * 5. revision 4, one assessor after another: the hub's uncontended time per upload, for context;
 * 6. the steady round: all 200 uploading concurrently through their HubClients, each five
 *    revisions at random moments within ten seconds (about 100 uploads a second).
 *
 * Rounds 1–5 send with the lean generator (raw-score-upload.ts: the same requests on node:http),
 * because 200 HubClients in one process on the hub's own two cores cost more CPU than the hub
 * does; the notes give both processes' CPU time per round. The worst case (p50/p95/p99 over
 * rounds 1–3, 600 uploads, 200 at a time) and the steady round are each judged against the
 * budget. Afterwards the scores table must hold exactly the distinct uploads the hub acknowledged:
 * no loss, no duplicates.
 */
export async function benchScores(work: string): Promise<BudgetResult[]> {
  const pglite = await startBenchHub(join(work, 'hub-scores-pglite'));
  let results: BudgetResult[];
  try {
    results = await scoreBurst(pglite, join(work, 'hub-scores-scratch'));
  } finally {
    await pglite.close();
  }
  const postgres = await withPostgres(async (databaseUrl) => {
    const hub = await startBenchHub(join(work, 'hub-scores-postgres'), databaseUrl);
    try {
      return await scoreBurst(hub, join(work, 'hub-scores-scratch'));
    } finally {
      await hub.close();
    }
  });
  if ('missing' in postgres) {
    console.log(`hub scores on PostgreSQL: not measured (${postgres.missing})`);
    for (const result of results) result.notes = `${result.notes}; PostgreSQL not measured: ${postgres.missing}`;
    return results;
  }
  return [...results, ...postgres];
}

async function scoreBurst(hub: BenchHub, scratch: string): Promise<BudgetResult[]> {
  const { running, engine } = hub;
  const usernames = Array.from({ length: ASSESSORS }, (_, i) => `assessor${String(i + 1).padStart(3, '0')}`);
  const assessors = await seedUsers(running, usernames);
  const windowId = await seedOpenWindow(running);
  const packets = await seedSmallPackets(running, scratch, ASSESSORS);
  await seedAssignments(
    running,
    windowId,
    assessors.map((assessor, i) => ({ packetId: packets[i]!, assessor })),
  );

  const first = assessors.map((a, i) => benchScore(packets[i]!, a.username, 1));
  const second = assessors.map((a, i) => benchScore(packets[i]!, a.username, 2));
  const third = assessors.map((a, i) => benchScore(packets[i]!, a.username, 3));
  const fourth = assessors.map((a, i) => benchScore(packets[i]!, a.username, 4));
  // The steady round: revisions 5…9 from every assessor at random moments over PACED_SECONDS.
  const paced = assessors.flatMap((a, i) => {
    const moments = Array.from({ length: PACED_PER_ASSESSOR }, () => Math.random() * PACED_SECONDS * 1000).sort(
      (x, y) => x - y,
    );
    return moments.map((atMs, k) => {
      const record = benchScore(packets[i]!, a.username, 5 + k);
      return { username: a.username, record, baseRevision: 4 + k, atMs };
    });
  });
  const rounds: Round[] = [
    {
      name: 'first upload',
      timed: true,
      uploads: first.map((record) => ({ username: record.assessorId, record, baseRevision: 0 })),
    },
    {
      name: 'replay',
      timed: true,
      uploads: first.map((record) => ({ username: record.assessorId, record, baseRevision: 0 })),
    },
    {
      name: 'revision 2',
      timed: true,
      uploads: second.map((record) => ({ username: record.assessorId, record, baseRevision: 1 })),
    },
    {
      name: 'revision 3 twice at once',
      timed: false,
      uploads: third.flatMap((record) => [0, 1].map(() => ({ username: record.assessorId, record, baseRevision: 2 }))),
    },
    {
      name: 'revision 4 one at a time',
      timed: false,
      sequential: true,
      uploads: fourth.map((record) => ({ username: record.assessorId, record, baseRevision: 3 })),
    },
  ];

  const clients = startClientProcess();
  const all: PutScoreResult[] = [];
  const timed: number[] = [];
  const perRound: string[] = [];
  const cpu: string[] = [];
  let steady: number[] = [];
  let steadyWallMs = 0;
  try {
    // Sign-in (scrypt on the hub, ~100 ms of CPU each) happens before and outside the timing.
    await clients.call({
      op: 'signIn',
      hubUrl: running.url,
      usernames,
      password: BENCH_PASSWORD,
      concurrency: 8,
    });
    for (const round of rounds) {
      const hubCpuBefore = process.cpuUsage();
      const { results, wallMs, cpuMs } = await clients.call({
        op: 'putScores',
        uploads: round.uploads,
        sequential: round.sequential,
        raw: true,
      });
      const hubCpu = process.cpuUsage(hubCpuBefore);
      if (round.timed)
        cpu.push(`hub ${((hubCpu.user + hubCpu.system) / 1000).toFixed(0)}, generator ${cpuMs.toFixed(0)}`);
      all.push(...results);
      const ms = results.map((r) => r.ms);
      if (round.timed) timed.push(...ms);
      perRound.push(
        round.sequential
          ? `${round.name} (uncontended): median ${median(ms).toFixed(1)} ms`
          : `${round.name}: p99 ${percentile(ms, 99).toFixed(0)} ms, all ${round.uploads.length} answered in ${wallMs.toFixed(0)} ms`,
      );
    }
    const { results, wallMs } = await clients.call({ op: 'putScoresPaced', uploads: paced });
    all.push(...results);
    steady = results.map((r) => r.ms);
    steadyWallMs = wallMs;
  } finally {
    await clients.close();
  }

  // Exactly once: every upload acknowledged, replays answered with the first receipt, and the
  // table holding each acknowledged upload once.
  const problems: string[] = [];
  const receipts = new Map<string, string>();
  for (const result of all) {
    if (result.outcome.kind !== 'stored') {
      problems.push(`${result.username} ${result.scoreId}: ${JSON.stringify(result.outcome).slice(0, 200)}`);
      continue;
    }
    const receipt = JSON.stringify(result.outcome.receipt);
    const earlier = receipts.get(result.scoreId);
    if (earlier !== undefined && earlier !== receipt) problems.push(`${result.scoreId}: two different receipts`);
    receipts.set(result.scoreId, receipt);
  }
  const rows = await running.hub.db.query<{ id: string }>('select id from scores');
  const stored = new Set(rows.map((row) => row.id));
  const lost = [...receipts.keys()].filter((id) => !stored.has(id));
  const unexpected = [...stored].filter((id) => !receipts.has(id));
  if (rows.length !== stored.size) problems.push(`${rows.length - stored.size} duplicate rows`);
  if (lost.length) problems.push(`${lost.length} acknowledged uploads missing from the table`);
  if (unexpected.length) problems.push(`${unexpected.length} rows nobody was told about`);
  problems.push(...hub.logged.map((line) => `hub log: ${line}`));
  for (const problem of problems.slice(0, 20)) console.log(`hub scores (${engine}): ${problem}`);

  const p99 = percentile(timed, 99);
  const steadyP99 = percentile(steady, 99);
  return [
    {
      budget: `${ASSESSORS} assessors submitting scores concurrently, loopback (${engine})`,
      measured: `p50 ${percentile(steady, 50).toFixed(0)} ms, p95 ${percentile(steady, 95).toFixed(0)} ms, p99 ${steadyP99.toFixed(0)} ms over ${steady.length} PUTs`,
      limit: `p99 < ${P99_LIMIT_MS} ms`,
      pass: steadyP99 < P99_LIMIT_MS,
      notes: `one HubClient per assessor in a separate process, all ${ASSESSORS} signed in at once, each uploading ${PACED_PER_ASSESSOR} revisions at random moments within ${PACED_SECONDS} s (${(steady.length / (steadyWallMs / 1000)).toFixed(0)} uploads/s in all, about a thousand times a real review window's rate); the burst below is the worst case`,
    },
    {
      budget: `Worst case: ${ASSESSORS} assessors submit in the same millisecond, loopback (${engine})`,
      measured: `p50 ${percentile(timed, 50).toFixed(0)} ms, p95 ${percentile(timed, 95).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms over ${timed.length} PUTs`,
      limit: `p99 < ${P99_LIMIT_MS} ms`,
      pass: p99 < P99_LIMIT_MS,
      notes: `3 rounds of ${ASSESSORS} simultaneous PUT /api/v1/scores/{id} from a lean generator in a separate process, the first on new connections; ${perRound.join('; ')}; CPU ms per timed round (${engine === 'PostgreSQL' ? 'hub process, the PostgreSQL server not counted' : 'hub process with PGlite'} / generator): ${cpu.join('; ')}`,
    },
    {
      budget: `Score uploads stored exactly once (${engine})`,
      measured: `${rows.length} rows for ${receipts.size} distinct acknowledged uploads, from ${all.length} PUTs`,
      limit: 'rows = acknowledged uploads; no loss, no duplicates',
      pass: problems.length === 0 && rows.length === receipts.size,
      notes: problems.length ? problems.slice(0, 3).join('; ') : undefined,
    },
  ];
}
