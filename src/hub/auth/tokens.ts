import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../shared/contract/hub-api';
import { Batcher, type BatchResult } from '../db/batcher';
import type { Db, Queryable } from '../db/db';
import type { Principal } from './principal';

/** Lifetimes of what a sign-in hands out. */
export interface TokenLifetimes {
  accessMs: number;
  refreshMs: number;
  /** A session ends this long after sign-in however often it is refreshed. */
  sessionMs: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = {
  accessMs: 15 * 60_000,
  // Long enough for an assessor to score offline for a few days and still sync on return.
  refreshMs: 14 * 24 * 60 * 60_000,
  sessionMs: 30 * 24 * 60 * 60_000,
};

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** Prefixes make a leaked token recognisable to secret scanners and in logs. */
const ACCESS_PREFIX = 'anchor_at_';
const REFRESH_PREFIX = 'anchor_rt_';

/**
 * Opaque bearer tokens: 32 random bytes each, stored only as their sha256 digest. A stolen
 * database copy therefore holds no usable token, and a plain hash is enough because the tokens
 * have 256 bits of entropy (a slow KDF protects guessable secrets, not random ones). Every request
 * looks its token up, which is what makes logout and revocation take effect immediately; at the
 * hub's scale that is one indexed primary-key read, shared by requests that arrive together.
 * Refresh tokens are single-use and rotate: a refresh token presented twice means it was copied,
 * and the whole session is revoked.
 */
export class SessionTokens {
  constructor(
    private readonly db: Db,
    private readonly lifetimes: TokenLifetimes = DEFAULT_LIFETIMES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session for a user who has just proven their password. */
  async signIn(userId: string): Promise<IssuedTokens> {
    return this.db.transaction(async (tx) => {
      const sessionId = randomUUID();
      const now = this.now();
      await tx.query('insert into sessions (id, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [
        sessionId,
        userId,
        new Date(now).toISOString(),
        new Date(now + this.lifetimes.sessionMs).toISOString(),
      ]);
      return this.issue(tx, sessionId, now + this.lifetimes.sessionMs);
    });
  }

  /**
   * Token lookups arriving together (a burst of requests) share one statement: each is still a
   * fresh read of the committed sessions, so revocation takes effect as before.
   */
  private readonly lookups = new Batcher<string, Principal | undefined>((digests) => this.lookUp(digests));

  /** The caller behind an access token, or undefined when it is unknown, expired or revoked. */
  async authenticate(accessToken: string): Promise<Principal | undefined> {
    if (!accessToken.startsWith(ACCESS_PREFIX)) return undefined;
    return this.lookups.add(digest(accessToken));
  }

  private async lookUp(digests: string[]): Promise<BatchResult<Principal | undefined>[]> {
    const rows = await this.db.query<{
      token_hash: string;
      session_id: string;
      expires_at: Date;
      user_id: string;
      username: string;
      roles: Role[];
    }>(
      `select t.token_hash, t.session_id, t.expires_at, u.id as user_id, u.username, u.roles
         from session_tokens t
         join sessions s on s.id = t.session_id
         join users u on u.id = s.user_id
        where t.token_hash = any($1::text[]) and t.kind = 'access'
          and t.expires_at > $2 and s.expires_at > $2 and s.revoked_at is null and u.disabled_at is null`,
      [[...new Set(digests)], new Date(this.now()).toISOString()],
    );
    const byDigest = new Map(rows.map((row) => [row.token_hash, row]));
    return digests.map((hash) => {
      const row = byDigest.get(hash);
      return {
        ok: true,
        value: row && {
          userId: row.user_id,
          username: row.username,
          roles: row.roles,
          sessionId: row.session_id,
          accessExpiresAt: new Date(row.expires_at).getTime(),
        },
      };
    });
  }

  /**
   * Trades a refresh token for a new pair. Returns the session's user id with the tokens, or
   * undefined when the token is unknown, expired, or already used (then the session is revoked).
   */
  async refresh(refreshToken: string): Promise<{ userId: string; tokens: IssuedTokens } | undefined> {
    if (!refreshToken.startsWith(REFRESH_PREFIX)) return undefined;
    return this.db.transaction(async (tx) => {
      const now = this.now();
      const rows = await tx.query<{
        session_id: string;
        used_at: Date | null;
        expires_at: Date;
        session_expires_at: Date;
        revoked_at: Date | null;
        user_id: string;
        disabled_at: Date | null;
      }>(
        `select t.session_id, t.used_at, t.expires_at, s.expires_at as session_expires_at, s.revoked_at, s.user_id,
                u.disabled_at
           from session_tokens t join sessions s on s.id = t.session_id join users u on u.id = s.user_id
          where t.token_hash = $1 and t.kind = 'refresh'
          for update of t, s`,
        [digest(refreshToken)],
      );
      const row = rows[0];
      if (!row || row.revoked_at !== null || row.disabled_at !== null) return undefined;
      if (row.used_at !== null) {
        // Reuse of a rotated token: someone else holds a copy. End the session for both parties.
        await revokeSession(tx, row.session_id, now);
        return undefined;
      }
      const sessionEnds = new Date(row.session_expires_at).getTime();
      if (new Date(row.expires_at).getTime() <= now || sessionEnds <= now) return undefined;
      await tx.query('update session_tokens set used_at = $2 where token_hash = $1', [
        digest(refreshToken),
        new Date(now).toISOString(),
      ]);
      return { userId: row.user_id, tokens: await this.issue(tx, row.session_id, sessionEnds) };
    });
  }

  /** Ends a session: its access and refresh tokens stop working at once. */
  async revoke(sessionId: string): Promise<void> {
    await revokeSession(this.db, sessionId, this.now());
  }

  private async issue(tx: Queryable, sessionId: string, sessionEnds: number): Promise<IssuedTokens> {
    const now = this.now();
    const accessToken = ACCESS_PREFIX + randomBytes(32).toString('base64url');
    const refreshToken = REFRESH_PREFIX + randomBytes(32).toString('base64url');
    const accessExpiresAt = new Date(Math.min(now + this.lifetimes.accessMs, sessionEnds));
    const refreshExpiresAt = new Date(Math.min(now + this.lifetimes.refreshMs, sessionEnds));
    await tx.query(
      `insert into session_tokens (token_hash, session_id, kind, expires_at)
       values ($1, $3, 'access', $4), ($2, $3, 'refresh', $5)`,
      [
        digest(accessToken),
        digest(refreshToken),
        sessionId,
        accessExpiresAt.toISOString(),
        refreshExpiresAt.toISOString(),
      ],
    );
    // Expired tokens of this session are dead weight: drop them while we are here.
    await tx.query('delete from session_tokens where session_id = $1 and expires_at <= $2', [
      sessionId,
      new Date(now).toISOString(),
    ]);
    return { accessToken, refreshToken, accessExpiresAt, refreshExpiresAt };
  }
}

/**
 * Ends every live session of a user (their account was disabled); pass the transaction that
 * disables it. Returns the sessions ended, so their event streams can be closed after commit.
 */
export async function revokeUserSessions(q: Queryable, userId: string, now: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null returning id',
    [userId, new Date(now).toISOString()],
  );
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) await q.query('delete from session_tokens where session_id = any($1::uuid[])', [ids]);
  return ids;
}

async function revokeSession(q: Queryable, sessionId: string, now: number): Promise<void> {
  await q.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [
    sessionId,
    new Date(now).toISOString(),
  ]);
  await q.query('delete from session_tokens where session_id = $1', [sessionId]);
}

/** Tokens are stored as this digest only. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
