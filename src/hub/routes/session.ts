import {
  ErrorBody,
  RefreshRequest,
  SessionResponse,
  SignInRequest,
  type UserView,
} from '../../shared/contract/hub-api';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/password';
import type { IssuedTokens } from '../auth/tokens';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/route';
import { appendAudit } from '../store/audit';
import { findUser, findUserForSignIn } from '../store/users';

const TAG = 'Sessions';

export const signIn = defineRoute({
  method: 'POST',
  path: '/api/v1/session',
  operationId: 'signIn',
  summary: 'Sign in with a username and password',
  description:
    'Returns a short-lived access token (send it as "Authorization: Bearer …") and a single-use refresh token. ' +
    'Repeated failures for one username or from one address are slowed: such attempts get 429 with Retry-After.',
  tag: TAG,
  access: 'public',
  body: SignInRequest,
  responses: {
    200: { description: 'Signed in', schema: SessionResponse },
    400: { description: 'Malformed body', schema: ErrorBody },
    401: { description: 'Wrong username or password', schema: ErrorBody },
    403: { description: 'Right password, but the account is disabled', schema: ErrorBody },
    429: { description: 'Too many failed attempts: wait Retry-After seconds', schema: ErrorBody },
  },
  async handle({ hub, body, address }) {
    const input = await body();
    const username = input.username.trim().toLowerCase();
    const wait = hub.throttle.waitMs(username, address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError(429, 'too-many-attempts', `Too many failed sign-ins. Try again in ${seconds} s.`, {
        headers: { 'Retry-After': String(seconds) },
      });
    }
    const user = await findUserForSignIn(hub.db, username);
    // An unknown username costs the same scrypt work as a wrong password: no probing by timing.
    const valid = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_PASSWORD_HASH));
    const now = hub.now();
    if (!user || !valid) {
      hub.throttle.recordFailure(username, address);
      await appendAudit(
        hub.db,
        { actor: null, action: 'session.sign-in-failed', subject: `username:${username}`, detail: { address } },
        now,
      );
      throw new ApiError(401, 'invalid-credentials', 'The username or password is not right.');
    }
    // Said only to whoever knows the password: to anyone else a disabled account looks like any other.
    if (user.disabled_at !== null) {
      await appendAudit(
        hub.db,
        {
          actor: null,
          action: 'session.sign-in-failed',
          subject: `username:${username}`,
          detail: { address, reason: 'account-disabled' },
        },
        now,
      );
      throw new ApiError(403, 'account-disabled', 'This account is disabled. Ask an administrator to enable it.');
    }
    hub.throttle.recordSuccess(username);
    const tokens = await hub.tokens.signIn(user.id);
    await appendAudit(
      hub.db,
      { actor: user.id, action: 'session.sign-in', subject: `user:${user.id}`, detail: { address } },
      now,
    );
    return { status: 200, body: sessionBody(tokens, { id: user.id, username: user.username, roles: user.roles }) };
  },
});

export const refreshSession = defineRoute({
  method: 'POST',
  path: '/api/v1/session/refresh',
  operationId: 'refreshSession',
  summary: 'Trade a refresh token for a new access and refresh token',
  description:
    'Refresh tokens are single-use. Presenting one a second time is taken as theft: the whole session is revoked.',
  tag: TAG,
  access: 'public',
  body: RefreshRequest,
  responses: {
    200: { description: 'New tokens', schema: SessionResponse },
    400: { description: 'Malformed body', schema: ErrorBody },
    401: { description: 'Unknown, expired, reused or revoked refresh token', schema: ErrorBody },
  },
  async handle({ hub, body }) {
    const { refreshToken } = await body();
    const refreshed = await hub.tokens.refresh(refreshToken);
    const user = refreshed && (await findUser(hub.db, refreshed.userId));
    if (!refreshed || !user) {
      throw new ApiError(401, 'invalid-refresh-token', 'The refresh token is not valid any more. Sign in again.');
    }
    return { status: 200, body: sessionBody(refreshed.tokens, user) };
  },
});

export const signOut = defineRoute({
  method: 'DELETE',
  path: '/api/v1/session',
  operationId: 'signOut',
  summary: 'Sign out: revoke the session behind the access token',
  description: 'Its access and refresh tokens stop working at once, and its open event streams close.',
  tag: TAG,
  access: 'signed-in',
  responses: {
    204: { description: 'Signed out' },
    401: { description: 'No valid access token', schema: ErrorBody },
  },
  async handle({ hub, principal }) {
    await hub.tokens.revoke(principal.sessionId);
    hub.events.sessionEnded(principal.sessionId);
    await appendAudit(
      hub.db,
      { actor: principal.userId, action: 'session.sign-out', subject: `user:${principal.userId}` },
      hub.now(),
    );
    return { status: 204, body: undefined };
  },
});

function sessionBody(tokens: IssuedTokens, user: UserView): SessionResponse {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: tokens.accessExpiresAt.toISOString(),
    refreshTokenExpiresAt: tokens.refreshExpiresAt.toISOString(),
    user,
  };
}
