import { join } from 'node:path';
import { startClientProcess } from './hub-clients';
import {
  BENCH_PASSWORD,
  seedAssignments,
  seedOpenWindow,
  seedSmallPackets,
  seedUsers,
  startBenchHub,
} from './hub-seed';
import { median, type BudgetResult } from './machine';

const PACKETS = 500;
const CONCURRENCY = 6;
const LIMIT_MS = 2000;
const RUNS = 3;

/**
 * The metadata an assessor's app pulls before it downloads any evidence: GET /assignments, then
 * GET /packets/{id} for every assignment (the manifest carries the rubric, prompts and evidence
 * list), six at a time, through HubClient. One assessor with 500 packets in an open window, on
 * the default PGlite. The first pull is reported as well as the median of three.
 */
export async function benchPull(work: string): Promise<BudgetResult> {
  const hub = await startBenchHub(join(work, 'hub-pull'));
  const clients = startClientProcess();
  try {
    const [assessor] = await seedUsers(hub.running, ['assessor1']);
    const windowId = await seedOpenWindow(hub.running);
    const packets = await seedSmallPackets(hub.running, join(work, 'hub-pull-scratch'), PACKETS);
    await seedAssignments(
      hub.running,
      windowId,
      packets.map((packetId) => ({ packetId, assessor: assessor! })),
    );
    await clients.call({
      op: 'signIn',
      hubUrl: hub.running.url,
      usernames: ['assessor1'],
      password: BENCH_PASSWORD,
      concurrency: 1,
    });
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const pulled = await clients.call({ op: 'pullMetadata', username: 'assessor1', concurrency: CONCURRENCY });
      if (pulled.assignments !== PACKETS || pulled.packets !== PACKETS) {
        throw new Error(`pulled ${pulled.assignments} assignments and ${pulled.packets} packets, not ${PACKETS}`);
      }
      times.push(pulled.ms);
    }
    if (hub.logged.length) throw new Error(`the hub logged problems: ${hub.logged.join('; ')}`);
    const ms = median(times);
    return {
      budget: `Pull ${PACKETS} assignments' metadata (assignments + every packet's manifest and rubric, PGlite)`,
      measured: `${ms.toFixed(0)} ms, median of ${RUNS} (first ${times[0]!.toFixed(0)} ms)`,
      limit: `≤ ${LIMIT_MS} ms`,
      pass: Math.max(ms, times[0]!) <= LIMIT_MS,
      notes: `1 + ${PACKETS} requests through HubClient, ${CONCURRENCY} at a time, client in a separate process`,
    };
  } finally {
    await clients.close();
    await hub.close();
  }
}
