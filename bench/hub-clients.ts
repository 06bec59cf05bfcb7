import { fork, type ChildProcess } from 'node:child_process';
import type { ScoreUpload } from '../src/main/hub/hub-client';
import type { ScoreRecord } from '../src/shared/domain/score';

/** What the client process can be asked to do (see hub-client-process.ts). */
export type ClientRequest =
  | { op: 'signIn'; hubUrl: string; usernames: string[]; password: string; concurrency: number }
  | {
      op: 'putScores';
      uploads: { username: string; record: ScoreRecord; baseRevision: number }[];
      /** One after another instead of all at once (the uncontended service time). */
      sequential?: boolean;
      /** Send with the lean generator (raw-score-upload.ts) instead of each assessor's HubClient. */
      raw?: boolean;
    }
  | {
      /** Each upload starts `atMs` after the call (an assessor's own uploads one after another). */
      op: 'putScoresPaced';
      uploads: { username: string; record: ScoreRecord; baseRevision: number; atMs: number }[];
    }
  | { op: 'pullMetadata'; username: string; concurrency: number }
  | {
      op: 'download';
      username: string;
      packetId: string;
      evidenceId: string;
      target: string;
      expected: { bytes: number; sha256: string };
    };

export interface PutScoreResult {
  username: string;
  scoreId: string;
  /** From just before the upload is sent (HubClient.putScore, or the lean generator) to its answer. */
  ms: number;
  outcome: ScoreUpload | { kind: 'error'; message: string };
}

export interface ClientResults {
  signIn: { ms: number };
  /** cpuMs: the client process's own CPU time during the round (user + system). */
  putScores: { results: PutScoreResult[]; wallMs: number; cpuMs: number };
  putScoresPaced: { results: PutScoreResult[]; wallMs: number };
  pullMetadata: { ms: number; assignments: number; packets: number; criteria: number };
  /** The client process's CPU time during the download, in user space (mostly sha256) and in the kernel (copies). */
  download: { ms: number; userMs: number; systemMs: number };
}

export interface ClientProcess {
  call<K extends ClientRequest['op']>(request: Extract<ClientRequest, { op: K }>): Promise<ClientResults[K]>;
  close(): Promise<void>;
}

/**
 * The desktop side of the hub benchmarks runs in a process of its own, as it does in life (the
 * assessors' machines): the hub's event loop then serves requests and nothing else, and client
 * work (fetch, JSON, zod, hashing) is not counted as hub latency. One HubClient per account, each
 * with its own MemoryTokenStore.
 */
export function startClientProcess(): ClientProcess {
  const child: ChildProcess = fork(new URL('./hub-client-process.ts', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.result);
    else waiting?.reject(new Error(`bench client: ${message.error}`));
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`bench client process exited (${code})`));
    pending.clear();
  });
  return {
    call(request) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, request });
      });
    },
    async close() {
      if (child.exitCode === null && child.connected) child.disconnect();
      await exited;
    },
  };
}
