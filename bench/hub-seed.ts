import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { startHub, type HubOptions, type RunningHub } from '../src/hub/server';
import { hashPassword } from '../src/hub/auth/password';
import { ingestPacket } from '../src/hub/services/ingest-packet';
import { insertAssignment } from '../src/hub/store/assignments';
import { insertUser } from '../src/hub/store/users';
import { insertWindow } from '../src/hub/store/windows';
import type { Role } from '../src/shared/contract/hub-api';
import type { ScoreRecord } from '../src/shared/domain/score';
import { onServer, startTestPostgres } from '../tests/hub/support/postgres';
import { manifestFor, scoreRecord, writePacket, type TestFile } from '../tests/support/packets';

/** Every bench account's password. */
export const BENCH_PASSWORD = 'bench horse battery staple';

export type BenchEngine = 'PGlite' | 'PostgreSQL';

export interface BenchHub {
  engine: BenchEngine;
  running: RunningHub;
  dir: string;
  /** Problems the hub logged (a clean run has none). */
  logged: string[];
  close(): Promise<void>;
}

/**
 * A hub on a loopback port 0 with its data in `dir`: PGlite by default, or a database on a
 * PostgreSQL server when `databaseUrl` is given. Seeding below goes straight to the services and
 * stores: only what a benchmark times goes over HTTP.
 */
export async function startBenchHub(
  dir: string,
  databaseUrl?: string,
  options: Partial<HubOptions> = {},
): Promise<BenchHub> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const logged: string[] = [];
  const running = await startHub({
    dataDir: dir,
    databaseUrl,
    port: 0,
    log: (message, details) => logged.push(`${message} ${JSON.stringify(details ?? {})}`),
    ...options,
  });
  return {
    engine: databaseUrl ? 'PostgreSQL' : 'PGlite',
    running,
    dir,
    logged,
    async close() {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs fn with the URL of an empty database on a throw-away PostgreSQL server (the one the hub
 * tests start: tests/hub/support/postgres.ts), or returns why there is none.
 */
export async function withPostgres<T>(fn: (databaseUrl: string) => Promise<T>): Promise<T | { missing: string }> {
  const server = await startTestPostgres();
  if ('missing' in server) return server;
  try {
    await onServer(server.url, (db) => db.query('create database anchor_bench'));
    return await fn(server.urlFor('anchor_bench'));
  } finally {
    await server.stop();
  }
}

/** Creates accounts directly, all with BENCH_PASSWORD (hashed once: scrypt is slow on purpose). */
export async function seedUsers(
  hub: RunningHub,
  usernames: readonly string[],
  roles: readonly Role[] = ['assessor'],
): Promise<{ id: string; username: string }[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  return hub.hub.db.transaction(async (tx) => {
    const users: { id: string; username: string }[] = [];
    for (const username of usernames) users.push(await insertUser(tx, { username, passwordHash, roles }));
    return users;
  });
}

/** A review window open from a minute ago for two weeks. */
export async function seedOpenWindow(hub: RunningHub): Promise<string> {
  const now = hub.hub.now();
  return insertWindow(hub.hub.db, {
    name: `Bench window ${randomUUID().slice(0, 8)}`,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 14 * 86_400_000).toISOString(),
    decisionsDueAt: new Date(now + 35 * 86_400_000).toISOString(),
    status: 'open',
  });
}

/**
 * Uploads `count` small packets (one text file each, the test rubric "cfu-rubric" v1 with one
 * criterion) through the hub's own ingest — the validator every upload passes — without HTTP.
 */
export async function seedSmallPackets(hub: RunningHub, scratch: string, count: number): Promise<string[]> {
  await mkdir(scratch, { recursive: true });
  const files: TestFile[] = [
    {
      path: 'notes.txt',
      data: Buffer.from('The candidate checked for understanding with exit tickets.\n'.repeat(20)),
      kind: 'text',
      mediaType: 'text/plain',
    },
  ];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const packetId = randomUUID();
    const file = await writePacket(scratch, `${packetId}.anchor`, { files, manifest: manifestFor(files, packetId) });
    const outcome = await ingestPacket(hub.hub, file, { uploadedBy: null, school: null, district: null });
    if (!outcome.ok) throw new Error(`bench packet refused: ${JSON.stringify(outcome.problems)}`);
    await rm(file);
    ids.push(packetId);
  }
  return ids;
}

/** Assigns packets to assessors in the window, directly in the database. */
export async function seedAssignments(
  hub: RunningHub,
  windowId: string,
  pairs: readonly { packetId: string; assessor: { id: string; username: string } }[],
): Promise<void> {
  const now = hub.hub.now();
  await hub.hub.db.transaction(async (tx) => {
    for (const { packetId, assessor } of pairs) {
      await insertAssignment(
        tx,
        { windowId, packetId, assessorId: assessor.id, assessorUsername: assessor.username, assignedBy: null },
        now,
      );
    }
  });
}

/** A complete, valid score for a small bench packet (see seedSmallPackets). */
export function benchScore(packetId: string, assessor: string, revision: number): ScoreRecord {
  return scoreRecord(packetId, assessor, { revision, privateNotes: '' });
}
