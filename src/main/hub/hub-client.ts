import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { z } from 'zod';
import type {
  AssignmentView,
  ConflictView,
  DeclareConflictRequest,
  PacketView,
  QualificationNotice,
} from '../../shared/contract/assignments';
import {
  HUB_ROUTES,
  hubPath,
  hubResponseSchema,
  type HubRequestBody,
  type HubRouteId,
  type HubRouteParams,
  type HubSuccessBody,
} from '../../shared/contract/hub-routes';
import { ErrorBody } from '../../shared/contract/hub-errors';
import type { UserView } from '../../shared/contract/hub-session';
import { ScoreConflictBody, type ScoreReceipt, type ScoreView } from '../../shared/contract/scores';
import type { ScoreRecord } from '../../shared/domain/score';
import { DiskError, getEvidence, STALL_MS, type EvidenceResponse } from './evidence-download';
import { sha256Of } from '../../node/files/file-digest';
import { HubError } from './hub-error';
import type { TokenStore } from './token-store';

export type ScoreUpload =
  { kind: 'stored'; receipt: ScoreReceipt } | { kind: 'conflict'; server: ScoreView | null; message: string };

/**
 * Talks to an Anchor hub for the desktop app (main process) and browser mode (host process):
 * sign-in, assignments, packets, resumable verified evidence downloads and idempotent score
 * uploads. Every request is built from the hub's route table (method, path, parameters, body)
 * and every answer read with the table's schema for its status. Tokens never leave the
 * TokenStore; an expired access token is refreshed once.
 */
export class HubClient {
  private refreshing: Promise<string> | undefined;

  private readonly callTimeoutMs: number;
  private readonly evidenceStallMs: number;

  constructor(
    private readonly tokens: TokenStore,
    options: {
      /** How long a JSON call may take, answer included, before the hub counts as unreachable. */
      callTimeoutMs?: number;
      /** How long an evidence download may receive nothing before it is dropped (and resumed later). */
      evidenceStallMs?: number;
    } = {},
  ) {
    this.callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
    this.evidenceStallMs = options.evidenceStallMs ?? STALL_MS;
  }

  /** Signs in and keeps the session; returns who signed in. */
  async signIn(hubUrl: string, username: string, password: string): Promise<UserView> {
    const base = new URL(hubUrl).origin;
    const response = await this.send(`${base}${hubPath('signIn', {})}`, {
      method: HUB_ROUTES.signIn.method,
      json: { username, password } satisfies HubRequestBody<'signIn'>,
    });
    if (response.status === 401 || response.status === 429) {
      throw new HubError(
        'signed-out',
        await errorMessage(response, 'The user name or password is not right.'),
        response.status,
      );
    }
    const session = answer('signIn', response.status, await expectOk(response));
    await this.tokens.save({
      hubUrl: base,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      user: session.user,
    });
    return session.user;
  }

  /** Ends the session on the hub (best effort) and forgets it here. */
  async signOut(): Promise<void> {
    await this.call('signOut', {}).catch(() => undefined);
    await this.tokens.clear();
  }

  /** The signed-in user, if any, without calling the hub. */
  async currentUser(): Promise<(UserView & { hubUrl: string }) | undefined> {
    const saved = await this.tokens.load();
    return saved ? { ...saved.user, roles: saved.user.roles as UserView['roles'], hubUrl: saved.hubUrl } : undefined;
  }

  async assignments(): Promise<AssignmentView[]> {
    return (await this.assignmentList()).assignments;
  }

  /** The queue with the hub's notices: open windows that need a qualification the assessor lacks. */
  async assignmentList(): Promise<{ assignments: AssignmentView[]; notices: QualificationNotice[] }> {
    return this.ok('listAssignments', {});
  }

  /** The conflicts of interest the signed-in assessor has declared. */
  async conflicts(): Promise<ConflictView[]> {
    return (await this.ok('listConflicts', {})).conflicts;
  }

  async declareConflict(conflict: z.input<typeof DeclareConflictRequest>): Promise<ConflictView> {
    return this.ok('declareConflict', { json: conflict });
  }

  async packet(packetId: string): Promise<PacketView> {
    return this.ok('getPacket', { params: { packetId } });
  }

  /**
   * Downloads one evidence file to `target`, resuming a partial download with Range, and
   * proves its sha256 before it is renamed into place. A mismatch deletes the partial file
   * so the next attempt starts clean. The bytes are hashed as they arrive (after the part
   * already on disk, when resuming), so the finished file is not read back to verify it.
   */
  async downloadEvidence(
    packetId: string,
    evidenceId: string,
    target: string,
    expected: { bytes: number; sha256: string },
    onBytes: (bytes: number) => void = () => undefined,
  ): Promise<void> {
    const partial = `${target}.partial`;
    const have = await stat(partial).then(
      (s) => s.size,
      () => 0,
    );
    const resuming = have > 0 && have < expected.bytes;
    const headers: Record<string, string> = resuming ? { Range: `bytes=${have}-` } : {};
    // The part on disk is hashed before asking, so the answer is read as soon as it comes.
    const partHash = resuming ? await sha256Of(partial) : undefined;
    const response = await this.withToken(
      hubPath('getEvidence', { packetId, evidenceId }),
      (url, token) => this.requestEvidence(url, { ...headers, Authorization: `Bearer ${token}` }),
      (refused) => refused.discard(),
    );
    const status = response.status;
    if (status < 200 || status > 299) await expectOk({ ok: false, status, json: () => response.json() });
    // A hub that ignores Range answers 200 with the whole file, which then replaces the part.
    const resumed = status === 206 && partHash !== undefined;
    const hash = resumed ? partHash : createHash('sha256');
    let received = resumed ? have : 0;
    onBytes(received);
    try {
      await response.save(partial, {
        append: resumed,
        hash,
        onChunk: (bytes) => onBytes((received += bytes)),
      });
    } catch (error) {
      if (error instanceof DiskError) {
        throw new HubError(
          'rejected',
          `The evidence could not be saved on this computer (${error.message}). Make room or check the app's data folder, then download again.`,
        );
      }
      throw new HubError('unreachable', `The download stopped: ${(error as Error).message}. It will resume.`);
    }
    const digest = hash.digest('hex');
    if (digest !== expected.sha256 || received !== expected.bytes) {
      await rm(partial, { force: true });
      throw new HubError(
        'hash-mismatch',
        `The downloaded file does not match its sha256 (got ${digest.slice(0, 12)}…, ${received} bytes); it was discarded and can be downloaded again.`,
      );
    }
    await rename(partial, target);
  }

  /**
   * Opens the hub's event stream (server-sent events) for the signed-in user; the caller reads
   * the body. An expired token is refreshed first, like any other call.
   */
  async openEvents(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const response = await this.call('events', { headers: { Accept: 'text/event-stream' }, signal });
    if (!response.ok) await expectOk(response);
    if (!response.body) throw new HubError('rejected', 'The hub sent no event stream.');
    return response.body;
  }

  /** A route's answer as text (a report as CSV, for norming-staff.ts); any failure throws a HubError. */
  async okText<K extends HubRouteId>(id: K, request: HubRequest<K>): Promise<string> {
    const response = await this.call(id, request);
    if (!response.ok) await expectOk(response);
    return response.text();
  }

  /** A route's answer as bytes (a candidate report as PDF); any failure throws a HubError. */
  async okBytes<K extends HubRouteId>(id: K, request: HubRequest<K>): Promise<Uint8Array> {
    const response = await this.call(id, request);
    if (!response.ok) await expectOk(response);
    return new Uint8Array(await response.arrayBuffer());
  }

  /**
   * A route's answer with a refusal's body kept: 409 answers come back as { status, body } for a
   * caller that shows what the hub listed (a release refused over named packets); any other failure
   * throws a HubError as ok() does.
   */
  async okOrConflict<K extends HubRouteId>(
    id: K,
    request: HubRequest<K>,
  ): Promise<{ status: 'ok'; body: HubSuccessBody<K> } | { status: 'conflict'; body: unknown }> {
    const response = await this.call(id, request);
    if (response.status === 409) return { status: 'conflict', body: await response.json().catch(() => undefined) };
    return { status: 'ok', body: answer(id, response.status, await expectOk(response)) };
  }

  /** A route that answers 204 with no body (removing an assignment); any failure throws a HubError. */
  async okEmpty<K extends HubRouteId>(id: K, request: HubRequest<K>): Promise<void> {
    const response = await this.call(id, request);
    if (!response.ok) await expectOk(response);
  }

  /** Uploads a submitted review under its own id; the same upload again is harmless. */
  async putScore(record: ScoreRecord, baseRevision: number): Promise<ScoreUpload> {
    const response = await this.call('putScore', { params: { scoreId: record.id }, json: { baseRevision, record } });
    if (response.status === 409) {
      const body = ScoreConflictBody.safeParse(await response.json().catch(() => undefined));
      return {
        kind: 'conflict',
        server: body.success ? body.data.server : null,
        message: body.success ? body.data.error.message : 'The hub holds a different version of this review.',
      };
    }
    return { kind: 'stored', receipt: answer('putScore', response.status, await expectOk(response)) };
  }

  /**
   * A successful call's answer, read with the table's schema for its status; any failure throws a
   * HubError. Public so a feature's own module (norming-participant.ts) can call its routes
   * without this class growing a method per route.
   */
  async ok<K extends HubRouteId>(id: K, request: HubRequest<K>): Promise<HubSuccessBody<K>> {
    const response = await this.call(id, request);
    return answer(id, response.status, await expectOk(response));
  }

  /** One route of the table with the access token, refreshing it once when the hub says it expired. */
  private call<K extends HubRouteId>(id: K, request: HubRequest<K>): Promise<Response> {
    const { params, json, headers, signal, query, file } = request as HubRequest<K> & {
      params?: HubRouteParams<K>;
      json?: HubRequestBody<K>;
    };
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    return this.withToken(`${hubPath(id, (params ?? {}) as HubRouteParams<K>)}${search}`, (url, token) =>
      this.send(url, {
        method: HUB_ROUTES[id].method,
        json,
        file,
        signal,
        headers: { ...headers, Authorization: `Bearer ${token}` },
      }),
    );
  }

  /**
   * Calls `call` with the hub's URL for `path` and the access token; when the hub answers 401
   * the refused answer is let go (`discard`) and the call made once more with a refreshed token.
   */
  private async withToken<T extends { status?: number; statusCode?: number }>(
    path: string,
    call: (url: string, token: string) => Promise<T>,
    discard: (refused: T) => void = () => undefined,
  ): Promise<T> {
    const session = await this.tokens.load();
    if (!session) throw new HubError('signed-out', 'Sign in to a hub first.');
    const url = `${session.hubUrl}${path}`;
    const first = await call(url, session.accessToken);
    if ((first.status ?? first.statusCode) !== 401) return first;
    discard(first);
    return call(url, await this.refreshedToken(session.accessToken));
  }

  /**
   * One refresh at a time: refresh tokens are single-use and the hub treats a second use as
   * theft (and ends the session), so parallel calls that all hit an expired token share one
   * refresh, and a call whose token was already replaced simply uses the new one.
   */
  private refreshedToken(expired: string): Promise<string> {
    this.refreshing ??= (async () => {
      const session = await this.tokens.load();
      if (!session) throw new HubError('signed-out', 'Sign in to a hub first.');
      if (session.accessToken !== expired) return session.accessToken;
      const refreshed = await this.send(`${session.hubUrl}${hubPath('refreshSession', {})}`, {
        method: HUB_ROUTES.refreshSession.method,
        json: { refreshToken: session.refreshToken } satisfies HubRequestBody<'refreshSession'>,
      });
      if (!refreshed.ok) {
        await this.tokens.clear();
        throw new HubError('signed-out', 'Your hub session has ended; sign in again.', refreshed.status);
      }
      const next = answer('refreshSession', refreshed.status, await expectOk(refreshed));
      await this.tokens.save({
        ...session,
        accessToken: next.accessToken,
        refreshToken: next.refreshToken,
        user: next.user,
      });
      return next.accessToken;
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async send(
    url: string,
    init: { method: string; json?: unknown; file?: string; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    try {
      // A file goes as a Blob backed by the disk, so a packet of videos is streamed, not held in memory
      // (opened again for a retry with a refreshed token).
      const fileBody = init.file !== undefined ? await openAsBlob(init.file) : undefined;
      const contentType = fileBody
        ? 'application/octet-stream'
        : init.json !== undefined
          ? 'application/json'
          : undefined;
      return await fetch(url, {
        method: init.method,
        headers: { ...(contentType ? { 'Content-Type': contentType } : {}), ...init.headers },
        body: fileBody ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
        redirect: 'error',
        // The event stream brings its own signal; every other call gets a deadline, so a hub
        // that accepts and never answers cannot hold an upload (or a screen) for undici's 5 minutes.
        signal: init.signal ?? AbortSignal.timeout(this.callTimeoutMs),
      });
    } catch (error) {
      throw unreachable(url, error);
    }
  }

  /** The evidence GET: a socket reading into reused buffers rather than fetch (see getEvidence). */
  private async requestEvidence(url: string, headers: Record<string, string>): Promise<EvidenceResponse> {
    try {
      return await getEvidence(url, headers, { stallMs: this.evidenceStallMs });
    } catch (error) {
      throw unreachable(url, error);
    }
  }
}

/** What a call of one route sends: its path parameters and JSON body when the table has them. */
export type HubRequest<K extends HubRouteId> = (keyof HubRouteParams<K> extends never
  ? { params?: undefined }
  : { params: HubRouteParams<K> }) &
  (HubRequestBody<K> extends undefined ? { json?: undefined } : { json: HubRequestBody<K> }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
    /** Query parameters the table documents (queryDocs), such as a report's format. */
    query?: Record<string, string>;
    /** A local file sent as the raw body, for routes that take one (rawBody: a packet upload). */
    file?: string;
  };

/**
 * Reads a successful answer with the table's schema for its status (only JSON answers are read
 * here). An answer the table does not describe, or one that does not fit, is the hub's fault:
 * an outage to retry, not a refusal.
 */
function answer<K extends HubRouteId>(id: K, status: number, body: unknown): HubSuccessBody<K> {
  const schema = hubResponseSchema(id, status);
  const parsed = schema?.safeParse(body);
  if (!parsed?.success) {
    throw new HubError('unreachable', `The hub's answer to ${id} (${status}) is not what its API describes.`);
  }
  return parsed.data as HubSuccessBody<K>;
}

/** JSON calls answer in well under a second; this is for a hub that hangs, not a slow one. */
const CALL_TIMEOUT_MS = 30_000;

function unreachable(url: string, error: unknown): HubError {
  return new HubError(
    'unreachable',
    `The hub at ${new URL(url).origin} cannot be reached (${(error as Error).message}).`,
  );
}

/** What expectOk needs of an answer: a fetch Response, or a streamed evidence answer adapted. */
type Answer = Pick<Response, 'ok' | 'status' | 'json'>;

async function expectOk(response: Answer): Promise<unknown> {
  if (response.ok) {
    // A body cut off, timed out or garbled on the way is an outage to retry, not a refusal.
    return response.json().catch((error: unknown) => {
      throw new HubError('unreachable', `The hub's answer could not be read (${(error as Error).message}).`);
    });
  }
  const { message, problems } = await errorOf(response, `The hub answered ${response.status}.`);
  if (response.status === 404) throw new HubError('not-found', message, 404);
  if (response.status === 401) throw new HubError('signed-out', message, 401);
  if (response.status === 409) throw new HubError('conflict', message, 409);
  if (response.status >= 500) throw new HubError('unreachable', message, response.status);
  throw new HubError('rejected', message, response.status, problems);
}

async function errorOf(
  response: Answer,
  fallback: string,
): Promise<{ message: string; problems: { path: string; message: string }[] }> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { message?: string; problems?: unknown } } | undefined;
  // Problems are read only when they fit the documented shape; the message alone is enough to act on.
  const problems = ErrorBody.shape.error.shape.problems.safeParse(body?.error?.problems);
  return { message: body?.error?.message ?? fallback, problems: (problems.success && problems.data) || [] };
}

async function errorMessage(response: Answer, fallback: string): Promise<string> {
  return (await errorOf(response, fallback)).message;
}
