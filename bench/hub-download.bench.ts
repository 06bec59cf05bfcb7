import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packFolder } from '../src/main/packet/pack';
import { ingestPacket } from '../src/hub/services/ingest-packet';
import { SessionResponse } from '../src/shared/contract/hub-api';
import { startClientProcess } from './hub-clients';
import { BENCH_PASSWORD, seedAssignments, seedOpenWindow, seedUsers, startBenchHub } from './hub-seed';
import { benchManifest } from './bench-manifest';
import { median, type BudgetResult } from './machine';

const run = promisify(execFile);
const EVIDENCE_MB = 200;
const RUNS = 3;
const LIMIT_RATIO = 0.8;
/** A fast office or home link: what an assessor's download really runs over. */
const SHAPED_RATE = '1gbit';

/**
 * One packet with a 200 MB evidence file of incompressible bytes (a WebM signature, then random
 * data: the hub sniffs the first bytes only) on a PGlite hub. The same file is downloaded with
 * `curl -s -o` and with HubClient.downloadEvidence (which also proves its sha256), three times
 * each, alternating; the medians are compared. curl's rate is its own transfer time
 * (`%{time_total}`: no process start-up), so the comparison is the strict one.
 */
export async function benchDownload(work: string): Promise<BudgetResult[]> {
  const hub = await startBenchHub(join(work, 'hub-download'));
  const clients = startClientProcess();
  try {
    const folder = join(work, 'hub-download-src');
    await mkdir(join(folder, 'video'), { recursive: true });
    const evidenceBytes = await writeIncompressible(join(folder, 'video', 'lesson.webm'), EVIDENCE_MB);
    const packetId = randomUUID();
    await writeFile(
      join(folder, 'manifest.json'),
      JSON.stringify(
        benchManifest(packetId, 'Downloads quickly.', [
          { id: 'video', kind: 'video', title: 'Lesson video', path: 'video/lesson.webm', mediaType: 'video/webm' },
        ]),
      ),
    );
    const packetFile = join(work, 'hub-download.anchor');
    const packed = await packFolder(folder, packetFile);
    if (!packed.ok) throw new Error(JSON.stringify(packed.problems));
    await rm(folder, { recursive: true, force: true });
    const ingested = await ingestPacket(hub.running.hub, packetFile, {
      uploadedBy: null,
      school: null,
      district: null,
    });
    if (!ingested.ok) throw new Error(JSON.stringify(ingested.problems));
    await rm(packetFile);
    const evidence = ingested.packet.manifest.evidence[0]!;
    const expected = { bytes: evidence.bytes, sha256: evidence.sha256 };

    const [assessor] = await seedUsers(hub.running, ['assessor1']);
    await seedAssignments(hub.running, await seedOpenWindow(hub.running), [{ packetId, assessor: assessor! }]);
    await clients.call({
      op: 'signIn',
      hubUrl: hub.running.url,
      usernames: ['assessor1'],
      password: BENCH_PASSWORD,
      concurrency: 1,
    });
    // curl gets a session of its own.
    const signedIn = await fetch(`${hub.running.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'assessor1', password: BENCH_PASSWORD }),
    });
    const { accessToken } = SessionResponse.parse(await signedIn.json());
    const url = `${hub.running.url}/api/v1/packets/${packetId}/evidence/${evidence.id}`;

    const megabytes = evidenceBytes / 1024 / 1024;
    /** curl and HubClient in turn, RUNS times each; the medians compared. */
    const compare = async (link: string): Promise<BudgetResult> => {
      const curlTimes: number[] = [];
      const clientTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const curlTarget = join(work, 'curl.bin');
        const { stdout } = await run('curl', [
          '-s',
          '-o',
          curlTarget,
          '-H',
          `Authorization: Bearer ${accessToken}`,
          '-w',
          '%{http_code} %{size_download} %{time_total}',
          url,
        ]);
        const [code, size, seconds] = stdout.trim().split(' ');
        if (code !== '200' || Number(size) !== evidenceBytes) throw new Error(`curl got ${stdout}`);
        curlTimes.push(Number(seconds) * 1000);
        await rm(curlTarget);

        const clientTarget = join(work, 'client.bin');
        const { ms } = await clients.call({
          op: 'download',
          username: 'assessor1',
          packetId,
          evidenceId: evidence.id,
          target: clientTarget,
          expected,
        });
        if ((await stat(clientTarget)).size !== evidenceBytes) throw new Error('HubClient wrote the wrong size');
        clientTimes.push(ms);
        await rm(clientTarget);
      }
      if (hub.logged.length) throw new Error(`the hub logged problems: ${hub.logged.join('; ')}`);
      const curlRate = megabytes / (median(curlTimes) / 1000);
      const clientRate = megabytes / (median(clientTimes) / 1000);
      const ratio = clientRate / curlRate;
      return {
        budget: `Download a ${Math.round(megabytes)} MB evidence file from the hub (${link}, PGlite)`,
        measured: `HubClient ${clientRate.toFixed(0)} MB/s (sha256 verified) = ${ratio.toFixed(2)} × curl (${curlRate.toFixed(0)} MB/s); medians of ${RUNS}, alternating`,
        limit: `≥ ${LIMIT_RATIO} × curl`,
        pass: ratio >= LIMIT_RATIO,
        notes: `HubClient ${clientTimes.map((t) => t.toFixed(0)).join('/')} ms, curl ${curlTimes.map((t) => t.toFixed(0)).join('/')} ms`,
      };
    };
    const results = [await compare('raw loopback, CPU-bound')];
    const shaped = await withShapedLoopback(() =>
      compare(`loopback shaped to ${SHAPED_RATE} with tc, a fast real link`),
    );
    if ('missing' in shaped) console.log(`hub download over a shaped link: not measured (${shaped.missing})`);
    else results.push(shaped);
    return results;
  } finally {
    await clients.close();
    await hub.close();
  }
}

/** A WebM signature followed by random bytes, `megabytes` MiB in all; returns the size. */
async function writeIncompressible(file: string, megabytes: number): Promise<number> {
  const out = createWriteStream(file);
  const chunk = 1024 * 1024;
  for (let i = 0; i < megabytes; i++) {
    const bytes = randomBytes(chunk);
    if (i === 0) bytes.set([0x1a, 0x45, 0xdf, 0xa3], 0);
    if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return megabytes * chunk;
}

/**
 * Runs `fn` with the loopback interface shaped to SHAPED_RATE (a token bucket, `tc qdisc … tbf`),
 * so curl and HubClient are compared over a link like an assessor's instead of on a loopback that
 * only measures CPU. Needs root and tc; the shaping is removed afterwards whatever happens.
 */
async function withShapedLoopback<T>(fn: () => Promise<T>): Promise<T | { missing: string }> {
  if (process.getuid?.() !== 0) return { missing: 'needs root to shape the loopback with tc' };
  try {
    await run('tc', [
      'qdisc',
      'add',
      'dev',
      'lo',
      'root',
      'tbf',
      'rate',
      SHAPED_RATE,
      'burst',
      '256kb',
      'latency',
      '50ms',
    ]);
  } catch (error) {
    return { missing: `tc could not shape the loopback (${String(error).split('\n')[0]})` };
  }
  try {
    return await fn();
  } finally {
    await run('tc', ['qdisc', 'del', 'dev', 'lo', 'root']).catch(() => undefined);
  }
}
