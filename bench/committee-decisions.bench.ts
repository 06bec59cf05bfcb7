import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { routeAfterScore } from '../src/hub/services/score-routing';
import { insertDecision } from '../src/hub/store/decisions';
import { insertScoreRows } from '../src/hub/store/scores';
import { insertWindow } from '../src/hub/store/windows';
import { DEFAULT_DECISION_TYPES } from '../src/shared/committee/decision-types';
import { ScoringPolicy } from '../src/shared/committee/policy';
import { benchScore, seedAssignments, seedUsers, startBenchHub } from './hub-seed';
import type { BudgetResult } from './machine';
import { seedPacketRows } from './window-dashboard.bench';

const DAY = 86_400_000;
const DECISIONS = 5_000;
const SUBMISSIONS = 1_000;
const BATCH = 1_000;

/**
 * Releasing a window of 5,000 decided packets, over HTTP as a chair: POST /windows/{id}/releases
 * with no list (every decided packet) until the 201 arrives. All or nothing: first a release that
 * lists the 5,000 plus one undecided packet is refused (409) and must leave nothing released; then
 * the real release must release all 5,000. Seeded straight through the stores.
 */
export async function benchRelease(work: string): Promise<BudgetResult> {
  const bench = await startBenchHub(join(work, 'release-hub'));
  try {
    const { hub } = bench.running;
    const [chair] = await seedUsers(bench.running, ['chair1'], ['chair']);
    const now = hub.now();
    const windowId = await insertWindow(hub.db, {
      name: 'Bench release window',
      opensAt: new Date(now - 30 * DAY).toISOString(),
      closesAt: new Date(now - 10 * DAY).toISOString(),
      decisionsDueAt: new Date(now + DAY).toISOString(),
      status: 'closed',
    });
    const packetIds = await seedPacketRows(hub, DECISIONS + 1);
    const undecided = packetIds.pop()!;
    const earned = DEFAULT_DECISION_TYPES[0]!;
    await hub.db.transaction(async (tx) => {
      for (const packetId of packetIds) {
        await insertDecision(tx, {
          windowId,
          packetId,
          revision: 1,
          decisionType: earned,
          decision: { kind: 'earned' },
          criteria: [{ criterionId: 'design', levelId: 'l3', rationale: '' }],
          feedback: { overall: 'Clear, well-aligned checks.', byCriterion: [] },
          reason: 'Scorings agree.',
          by: chair!.id,
          at: now,
        });
      }
    });
    const token = (await hub.tokens.signIn(chair!.id)).accessToken;
    const release = (body: unknown) =>
      fetch(`${bench.running.url}/api/v1/windows/${windowId}/releases`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const releasedCount = async () =>
      Number(
        (
          await hub.db.query<{ n: string }>('select count(*) as n from released_decisions where window_id = $1', [
            windowId,
          ])
        )[0]!.n,
      );

    const refusedStart = performance.now();
    const refused = await release({ packetIds: [...packetIds, undecided] });
    const refusedBody = (await refused.json()) as { refused?: unknown[] };
    const refusedMs = performance.now() - refusedStart;
    const afterRefusal = await releasedCount();

    const start = performance.now();
    const answer = await release({});
    const body = (await answer.json()) as { packetIds?: string[] };
    const measured = performance.now() - start;
    const afterRelease = await releasedCount();
    const allOrNothing =
      refused.status === 409 &&
      refusedBody.refused?.length === 1 &&
      afterRefusal === 0 &&
      answer.status === 201 &&
      body.packetIds?.length === DECISIONS &&
      afterRelease === DECISIONS;
    return {
      budget: `Releasing a window of ${DECISIONS.toLocaleString('en')} decisions, all or nothing`,
      measured: `${measured.toFixed(0)} ms`,
      notes:
        `${bench.engine}, over HTTP as a chair, one transaction; a release refused over one undecided packet ` +
        `(409, ${refusedMs.toFixed(0)} ms) left ${afterRefusal} released; the release then released ${afterRelease}` +
        (allOrNothing ? '' : ' — ALL-OR-NOTHING CHECK FAILED'),
      limit: '≤ 5 s',
      pass: measured <= 5_000 && allOrNothing,
    };
  } finally {
    await bench.close();
  }
}

/**
 * The window policy's routing of 1,000 first submissions: their score.received events published at
 * once, as a burst of uploads publishes them, timed until every packet's routing is recorded. Each
 * decides whether a second, blind assessor scores the packet and assigns one. A policy that selects about half (a 30 % random share and a
 * near-cut margin), 20 assessors; scores seeded without events, so only the timed calls route.
 */
export async function benchRouting(work: string): Promise<BudgetResult> {
  const bench = await startBenchHub(join(work, 'routing-hub'));
  try {
    const { hub } = bench.running;
    const assessors = await seedUsers(
      bench.running,
      Array.from({ length: 20 }, (_, i) => `assessor${String(i + 1).padStart(2, '0')}`),
    );
    const now = hub.now();
    const windowId = await insertWindow(hub.db, {
      name: 'Bench routing window',
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + 14 * DAY).toISOString(),
      decisionsDueAt: new Date(now + 35 * DAY).toISOString(),
      status: 'open',
      scoringPolicy: ScoringPolicy.parse({
        secondScoring: { randomShare: 0.3, resubmissions: true, nearCutMargin: 1 },
      }),
    });
    const packetIds = await seedPacketRows(hub, SUBMISSIONS);
    const pairs = packetIds.map((packetId, i) => ({ packetId, assessor: assessors[i % assessors.length]! }));
    await seedAssignments(bench.running, windowId, pairs);
    const scoreIds = pairs.map(() => randomUUID());
    await insertScoreRows(
      hub.db,
      pairs.map(({ packetId, assessor }, i) => ({
        id: scoreIds[i]!,
        packet_id: packetId,
        assessor_id: assessor.id,
        revision: 1,
        base_revision: 0,
        // Levels spread over the scale, so the near-cut rule selects some and not others.
        record: {
          ...benchScore(packetId, assessor.username, 1),
          criteria: [{ criterionId: 'design', levelId: `l${(i % 4) + 1}`, rationale: '' }],
        },
        received_at: new Date(now - 1000 + i),
      })),
    );
    const routedCount = async () =>
      Number(
        (
          await hub.db.query<{ n: string }>('select count(*) as n from second_scoring where window_id = $1', [windowId])
        )[0]!.n,
      );
    // The uploads' events, as the score route publishes them after each commit: routing runs behind them.
    const start = performance.now();
    for (const [i, { packetId, assessor }] of pairs.entries()) {
      hub.events.publish({
        type: 'score.received',
        scoreId: scoreIds[i]!,
        packetId,
        assessorId: assessor.id,
        revision: 1,
      });
    }
    while ((await routedCount()) < SUBMISSIONS && performance.now() - start < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const measured = performance.now() - start;
    // One submission routed alone (no batch to share the reads with), for comparison.
    const single = performance.now();
    await routeAfterScore(hub, pairs[0]!.packetId, pairs[0]!.assessor.id);
    const singleMs = performance.now() - single;
    const [routed] = await hub.db.query<{ n: string; assigned: string }>(
      'select count(*) as n, count(assignment_id) as assigned from second_scoring where window_id = $1',
      [windowId],
    );
    return {
      budget: `Policy routing of ${SUBMISSIONS.toLocaleString('en')} submissions`,
      measured: `${measured.toFixed(0)} ms`,
      notes:
        `${bench.engine}, in process: 1,000 score.received events published as a burst of uploads would, until all ` +
        `are routed (the routing batches what arrives while it runs); ${routed!.n} routed, ${routed!.assigned} ` +
        `second assessors assigned; one submission routed alone: ${singleMs.toFixed(1)} ms`,
      limit: '≤ 1 s',
      pass: measured <= 1_000 && Number(routed!.n) === SUBMISSIONS,
    };
  } finally {
    await bench.close();
  }
}

/**
 * Batch-deciding 1,000 packets whose two scorings agree, over HTTP as a chair: POST
 * /windows/{id}/decisions/batch listing all of them, until the 200 arrives. One transaction for
 * the batch; every packet must be decided, each with its audit entry. Seeded straight through the
 * stores (20 assessors, two blind scorings a packet with the same levels and decision).
 */
export async function benchBatchDecide(work: string): Promise<BudgetResult> {
  const bench = await startBenchHub(join(work, 'batch-decide-hub'));
  try {
    const { hub } = bench.running;
    const [chair] = await seedUsers(bench.running, ['chair1'], ['chair']);
    const assessors = await seedUsers(
      bench.running,
      Array.from({ length: 20 }, (_, i) => `assessor${String(i + 1).padStart(2, '0')}`),
    );
    const now = hub.now();
    const windowId = await insertWindow(hub.db, {
      name: 'Bench batch decision window',
      opensAt: new Date(now - 30 * DAY).toISOString(),
      closesAt: new Date(now - DAY).toISOString(),
      decisionsDueAt: new Date(now + 14 * DAY).toISOString(),
      status: 'closed',
    });
    const packetIds = await seedPacketRows(hub, BATCH);
    const pairs = packetIds.flatMap((packetId, i) => [
      { packetId, assessor: assessors[i % assessors.length]! },
      { packetId, assessor: assessors[(i + 1) % assessors.length]! },
    ]);
    await seedAssignments(bench.running, windowId, pairs);
    await insertScoreRows(
      hub.db,
      pairs.map(({ packetId, assessor }, i) => ({
        id: randomUUID(),
        packet_id: packetId,
        assessor_id: assessor.id,
        revision: 1,
        base_revision: 0,
        record: benchScore(packetId, assessor.username, 1),
        received_at: new Date(now - 10_000 + i),
      })),
    );
    const token = (await hub.tokens.signIn(chair!.id)).accessToken;
    const start = performance.now();
    const answer = await fetch(`${bench.running.url}/api/v1/windows/${windowId}/decisions/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ packetIds }),
    });
    const body = (await answer.json()) as { decided?: number; skipped?: number };
    const measured = performance.now() - start;
    const [written] = await hub.db.query<{ decisions: number; audited: number }>(
      `select (select count(*)::int from decisions where window_id = $1::uuid) as decisions,
              (select count(*)::int from audit_log where action = 'decision.record' and detail->>'windowId' = $1::text) as audited`,
      [windowId],
    );
    const complete =
      answer.status === 200 && body.decided === BATCH && written!.decisions === BATCH && written!.audited === BATCH;
    return {
      budget: `Batch-deciding ${BATCH.toLocaleString('en')} agreeing packets`,
      measured: `${measured.toFixed(0)} ms`,
      notes:
        `${bench.engine}, over HTTP as a chair, one transaction; ${body.decided ?? 0} decided, ${body.skipped ?? 0} ` +
        `skipped, ${written!.decisions} decisions and ${written!.audited} audit entries written` +
        (complete ? '' : ' — NOT EVERY PACKET WAS DECIDED'),
      limit: '≤ 2 s',
      pass: measured <= 2_000 && complete,
    };
  } finally {
    await bench.close();
  }
}

// `npx tsx bench/committee-decisions.bench.ts` runs the three alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const work = join(process.cwd(), 'out', 'bench-work');
  (async () => {
    console.log(JSON.stringify(await benchRouting(work), null, 2));
    console.log(JSON.stringify(await benchRelease(work), null, 2));
    console.log(JSON.stringify(await benchBatchDecide(work), null, 2));
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
