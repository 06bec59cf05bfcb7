import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import type { z } from 'zod';
import {
  AssignmentList,
  ConflictList,
  ConflictView,
  PacketView,
  ScoreConflictBody,
  ScoreReceipt,
  SessionResponse,
  type AssignmentView,
  type ScoreView,
  type UserView,
} from '../../shared/contract/hub-api';
import type { ScoreRecord } from '../../shared/domain/score';
import { DiskError, getEvidence, STALL_MS, type EvidenceResponse } from './evidence-download';
import { sha256Of } from '../../node/files/file-digest';
import { HubError } from './hub-error';
import type { TokenStore } from './token-store';

export type ScoreUpload =
  | { kind: 'stored'; receipt: z.infer<typeof ScoreReceipt> }
  | { kind: 'conflict'; server: ScoreView | null; message: string };

/**
 * Talks to an Anchor hub for the desktop app (main process) and browser mode (host process):
 * sign-in, assignments, packets, resumable verified evidence downloads and idempotent score
 * uploads. Tokens never leave the TokenStore; an expired access token is refreshed once.
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
    const response = await this.send(`${base}/api/v1/session`, { method: 'POST', json: { username, password } });
    if (response.status === 401 || response.status === 429) {
      throw new HubError(
        'signed-out',
        await errorMessage(response, 'The user name or password is not right.'),
        response.status,
      );
    }
    const session = SessionResponse.parse(await expectOk(response));
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
    await this.authed('DELETE', '/api/v1/session').catch(() => undefined);
    await this.tokens.clear();
  }

  /** The signed-in user, if any, without calling the hub. */
  async currentUser(): Promise<(UserView & { hubUrl: string }) | undefined> {
    const saved = await this.tokens.load();
    return saved ? { ...saved.user, roles: saved.user.roles as UserView['roles'], hubUrl: saved.hubUrl } : undefined;
  }

  async assignments(): Promise<AssignmentView[]> {
    return AssignmentList.parse(await expectOk(await this.authed('GET', '/api/v1/assignments'))).assignments;
  }

  /** The conflicts of interest the signed-in assessor has declared. */
  async conflicts(): Promise<z.infer<typeof ConflictList>['conflicts']> {
    return ConflictList.parse(await expectOk(await this.authed('GET', '/api/v1/conflicts'))).conflicts;
  }

  async declareConflict(conflict: { school?: string; district?: string }): Promise<z.infer<typeof ConflictView>> {
    return ConflictView.parse(await expectOk(await this.authed('POST', '/api/v1/conflicts', { json: conflict })));
  }

  async packet(packetId: string): Promise<z.infer<typeof PacketView>> {
    return PacketView.parse(await expectOk(await this.authed('GET', `/api/v1/packets/${packetId}`)));
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
      `/api/v1/packets/${packetId}/evidence/${evidenceId}`,
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
    const response = await this.authed('GET', '/api/v1/events', { headers: { Accept: 'text/event-stream' }, signal });
    if (!response.ok) await expectOk(response);
    if (!response.body) throw new HubError('rejected', 'The hub sent no event stream.');
    return response.body;
  }

  /** Uploads a submitted review under its own id; the same upload again is harmless. */
  async putScore(record: ScoreRecord, baseRevision: number): Promise<ScoreUpload> {
    const response = await this.authed('PUT', `/api/v1/scores/${record.id}`, { json: { baseRevision, record } });
    if (response.status === 409) {
      const body = ScoreConflictBody.safeParse(await response.json().catch(() => undefined));
      return {
        kind: 'conflict',
        server: body.success ? body.data.server : null,
        message: body.success ? body.data.error.message : 'The hub holds a different version of this review.',
      };
    }
    return { kind: 'stored', receipt: ScoreReceipt.parse(await expectOk(response)) };
  }

  /** A call with the access token, refreshing it once when the hub says it expired. */
  private authed(
    method: string,
    path: string,
    init: { json?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<Response> {
    return this.withToken(path, (url, token) =>
      this.send(url, { method, ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }),
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
      const refreshed = await this.send(`${session.hubUrl}/api/v1/session/refresh`, {
        method: 'POST',
        json: { refreshToken: session.refreshToken },
      });
      if (!refreshed.ok) {
        await this.tokens.clear();
        throw new HubError('signed-out', 'Your hub session has ended; sign in again.', refreshed.status);
      }
      const next = SessionResponse.parse(await expectOk(refreshed));
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
    init: { method: string; json?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    try {
      return await fetch(url, {
        method: init.method,
        headers: { ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
        body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
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
  const message = await errorMessage(response, `The hub answered ${response.status}.`);
  if (response.status === 404) throw new HubError('not-found', message, 404);
  if (response.status === 401) throw new HubError('signed-out', message, 401);
  if (response.status === 409) throw new HubError('conflict', message, 409);
  if (response.status >= 500) throw new HubError('unreachable', message, response.status);
  throw new HubError('rejected', message, response.status);
}

async function errorMessage(response: Answer, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? fallback;
}
