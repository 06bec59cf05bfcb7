import { randomUUID } from 'node:crypto';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Role, SessionResponse } from '../../../src/shared/contract/hub-api';
import { startHub, type HubOptions, type RunningHub } from '../../../src/hub/server';
import { createUser } from '../../../src/hub/services/users';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../../support/packets';
import { createPostgresDatabase, type Backend, type TestDatabase } from './backends';

/** The password every test account gets. */
export const PASSWORD = 'correct horse battery';

export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The body parsed as JSON (throws when it is not JSON). */
  json: <T = any>() => T; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read fields freely
}

export interface TestHub {
  backend: Backend;
  running: RunningHub;
  dir: string;
  /** Moves the hub's clock forward (token expiry, throttling, windows). */
  advance(ms: number): void;
  api(
    method: string,
    path: string,
    options?: { token?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export interface TestHubOptions extends Partial<HubOptions> {
  /** The database engine; PGlite unless a suite runs on PostgreSQL too (see forEachBackend). */
  backend?: Backend;
}

/**
 * A hub on port 0 with a clock the test controls, on a database of its own that starts migrated:
 * PGlite in a fresh temporary folder (a copy of the template made by global-setup.ts), or a new
 * database on the run's PostgreSQL server (a copy of its template database). Evidence blobs live
 * in the temporary folder either way.
 */
export async function startTestHub({ backend = 'pglite', ...options }: TestHubOptions = {}): Promise<TestHub> {
  const dir = await tempDir('anchor-hub-test-');
  const dataDir = join(dir, 'data');
  let database: TestDatabase | undefined;
  if (backend === 'postgres') database = await createPostgresDatabase();
  else await cp(inject('pgliteTemplate'), join(dataDir, 'pglite'), { recursive: true });
  let offset = 0;
  let running: RunningHub;
  try {
    running = await startHub({
      dataDir,
      databaseUrl: database?.url,
      port: 0,
      log: () => undefined,
      now: () => Date.now() + offset,
      ...options,
    });
  } catch (error) {
    await database?.drop();
    throw error;
  }
  return {
    backend,
    running,
    dir,
    advance(ms) {
      offset += ms;
    },
    async api(method, path, { token, json, body, headers = {} } = {}) {
      const response = await fetch(running.url + path, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: json !== undefined ? JSON.stringify(json) : body && new Uint8Array(body),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      return {
        status: response.status,
        headers: response.headers,
        body: bytes,
        json: () => JSON.parse(bytes.toString('utf8')),
      };
    },
    async close() {
      await running.close();
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: string;
  username: string;
  token: string;
  session: SessionResponse;
}

/** Creates an account directly (no admin needed) and signs it in over HTTP. */
export async function addUser(hub: TestHub, username: string, roles: Role[]): Promise<TestUser> {
  const user = await createUser(hub.running.hub, { username, password: PASSWORD, roles }, null);
  const session = await signIn(hub, username);
  return { id: user.id, username, token: session.accessToken, session };
}

export async function signIn(hub: TestHub, username: string, password = PASSWORD): Promise<SessionResponse> {
  const answer = await hub.api('POST', '/api/v1/session', { json: { username, password } });
  if (answer.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${answer.status} ${answer.body.toString()}`);
  return answer.json<SessionResponse>();
}

/** Writes a valid test packet with its own id; returns the file, its bytes and the id. */
export async function packetFile(dir: string, packetId = randomUUID()) {
  const files = await defaultFiles();
  const file = await writePacket(dir, `${packetId}.anchor`, { files, manifest: manifestFor(files, packetId) });
  return { file, bytes: await readFile(file), packetId, files };
}

/** Uploads a packet as an admin; returns its id. */
export async function uploadPacket(hub: TestHub, admin: TestUser, query = ''): Promise<string> {
  const { bytes, packetId } = await packetFile(hub.dir);
  const answer = await hub.api('POST', `/api/v1/packets${query}`, {
    token: admin.token,
    body: bytes,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  if (answer.status !== 201) throw new Error(`upload failed: ${answer.status} ${answer.body.toString()}`);
  return packetId;
}

/** Creates a review window open now (unless told otherwise) and returns its id. */
export async function openWindow(
  hub: TestHub,
  admin: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const now = hub.running.hub.now();
  const answer = await hub.api('POST', '/api/v1/windows', {
    token: admin.token,
    json: {
      name: `Window ${randomUUID().slice(0, 8)}`,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      decisionsDueAt: new Date(now + 35 * 86_400_000).toISOString(),
      ...overrides,
    },
  });
  if (answer.status !== 201) throw new Error(`window failed: ${answer.status} ${answer.body.toString()}`);
  return answer.json().id;
}

export async function assign(hub: TestHub, admin: TestUser, windowId: string, packetId: string, assessor: TestUser) {
  const answer = await hub.api('POST', '/api/v1/assignments', {
    token: admin.token,
    json: { windowId, packetId, assessorId: assessor.id },
  });
  if (answer.status !== 201) throw new Error(`assignment failed: ${answer.status} ${answer.body.toString()}`);
  return answer.json();
}

// The score record helper lives with the test packet it scores (vitest-free, so bench/ uses it too).
export { scoreRecord } from '../../support/packets';

/** The accounts and the window most hub tests start from. */
export interface Staff {
  admin: TestUser;
  chair: TestUser;
  /** assessor1: the one a test's packets are assigned to. */
  assessor: TestUser;
  /** assessor2: another assessor, who must not see assessor1's work. */
  other: TestUser;
  /** A review window open now. */
  windowId: string;
}

/** Signs up admin1, chair1, assessor1 and assessor2 and opens a window: the one fixture for users and windows. */
export async function staffHub(hub: TestHub): Promise<Staff> {
  const admin = await addUser(hub, 'admin1', ['admin']);
  const chair = await addUser(hub, 'chair1', ['chair']);
  const assessor = await addUser(hub, 'assessor1', ['assessor']);
  const other = await addUser(hub, 'assessor2', ['assessor']);
  return { admin, chair, assessor, other, windowId: await openWindow(hub, admin) };
}
