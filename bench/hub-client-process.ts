import { HubClient } from '../src/main/hub/hub-client';
import { MemoryTokenStore } from '../src/main/hub/token-store';
import type { ClientRequest, ClientResults, PutScoreResult } from './hub-clients';
import { RawScoreUploader, type PreparedUpload } from './raw-score-upload';

/** The bench's assessors, one signed-in HubClient each (forked by hub-clients.ts). */
const clients = new Map<string, { client: HubClient; tokens: MemoryTokenStore }>();
let raw: RawScoreUploader | undefined;

function signedIn(username: string) {
  const found = clients.get(username);
  if (!found) throw new Error(`${username} is not signed in`);
  return found;
}

function client(username: string): HubClient {
  return signedIn(username).client;
}

/** The lean generator's request for an upload, with the assessor's current access token. */
async function prepared({ username, record, baseRevision }: UploadRequest): Promise<PreparedUpload> {
  const session = await signedIn(username).tokens.load();
  if (!session) throw new Error(`${username} is signed out`);
  raw ??= new RawScoreUploader(session.hubUrl);
  const body = Buffer.from(JSON.stringify({ baseRevision, record }));
  return { username, scoreId: record.id, accessToken: session.accessToken, body };
}

type UploadRequest = Extract<ClientRequest, { op: 'putScores' }>['uploads'][number];

/** One upload through the assessor's own HubClient, timed from the call to its answer. */
async function uploadThroughClient({ username, record, baseRevision }: UploadRequest): Promise<PutScoreResult> {
  const begin = performance.now();
  const outcome = await client(username)
    .putScore(record, baseRevision)
    .catch((error: unknown) => ({ kind: 'error' as const, message: String(error) }));
  return { username, scoreId: record.id, ms: performance.now() - begin, outcome };
}

/** CPU time this process has used so far, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs fn over items with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let index = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (index < items.length) await fn(items[index++]!);
    }),
  );
}

async function handle(request: ClientRequest): Promise<ClientResults[ClientRequest['op']]> {
  switch (request.op) {
    case 'signIn': {
      const start = performance.now();
      await eachLimited(request.usernames, request.concurrency, async (username) => {
        const tokens = new MemoryTokenStore();
        const hubClient = new HubClient(tokens);
        await hubClient.signIn(request.hubUrl, username, request.password);
        clients.set(username, { client: hubClient, tokens });
      });
      return { ms: performance.now() - start };
    }
    case 'putScores': {
      // The lean generator's bodies are serialised before the clock starts.
      const ready = request.raw ? await Promise.all(request.uploads.map(prepared)) : undefined;
      const send = (i: number) => (ready ? raw!.put(ready[i]!) : uploadThroughClient(request.uploads[i]!));
      const cpuBefore = cpuMs();
      const start = performance.now();
      const results: PutScoreResult[] = [];
      if (request.sequential) for (let i = 0; i < request.uploads.length; i++) results.push(await send(i));
      // Otherwise every upload starts in the same tick: the assessors press "Submit" at once.
      else results.push(...(await Promise.all(request.uploads.map((_, i) => send(i)))));
      return { results, wallMs: performance.now() - start, cpuMs: cpuMs() - cpuBefore };
    }
    case 'putScoresPaced': {
      const start = performance.now();
      const byAssessor = new Map<string, typeof request.uploads>();
      for (const item of request.uploads)
        byAssessor.set(item.username, [...(byAssessor.get(item.username) ?? []), item]);
      const results: PutScoreResult[] = [];
      await Promise.all(
        [...byAssessor.values()].map(async (mine) => {
          for (const { username, record, baseRevision, atMs } of mine.sort((a, b) => a.atMs - b.atMs)) {
            const wait = start + atMs - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            results.push(await uploadThroughClient({ username, record, baseRevision }));
          }
        }),
      );
      return { results, wallMs: performance.now() - start };
    }
    case 'pullMetadata': {
      const hubClient = client(request.username);
      const start = performance.now();
      const assignments = await hubClient.assignments();
      let packets = 0;
      let criteria = 0;
      await eachLimited(assignments, request.concurrency, async (assignment) => {
        const { manifest } = await hubClient.packet(assignment.packetId);
        packets++;
        criteria += manifest.rubric.criteria.length;
      });
      return { ms: performance.now() - start, assignments: assignments.length, packets, criteria };
    }
    case 'download': {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await client(request.username).downloadEvidence(
        request.packetId,
        request.evidenceId,
        request.target,
        request.expected,
      );
      const used = process.cpuUsage(cpu);
      return { ms: performance.now() - start, userMs: used.user / 1000, systemMs: used.system / 1000 };
    }
  }
}

process.on('message', (message: { id: number; request: ClientRequest }) => {
  handle(message.request).then(
    (result) => process.send!({ id: message.id, ok: true, result }),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: String(error) }),
  );
});
// The bench closes the channel when it is done; idle keep-alive sockets must not keep this process up.
process.on('disconnect', () => process.exit(0));
