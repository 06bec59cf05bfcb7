import type { SessionResponse } from '../../shared/contract/hub-api';
import { type UserView } from '../../shared/contract/hub-api';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/password';
import type { IssuedTokens } from '../auth/tokens';
import { ApiError } from '../http/errors';
import { implementRoute } from '../http/route';
import { appendAudit } from '../store/audit';
import { findUser, findUserForSignIn } from '../store/users';

export const signIn = implementRoute('signIn', async ({ hub, body, address }) => {
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
});

export const refreshSession = implementRoute('refreshSession', async ({ hub, body }) => {
  const { refreshToken } = await body();
  const refreshed = await hub.tokens.refresh(refreshToken);
  const user = refreshed && (await findUser(hub.db, refreshed.userId));
  if (!refreshed || !user) {
    throw new ApiError(401, 'invalid-refresh-token', 'The refresh token is not valid any more. Sign in again.');
  }
  return { status: 200, body: sessionBody(refreshed.tokens, user) };
});

export const signOut = implementRoute('signOut', async ({ hub, principal }) => {
  await hub.tokens.revoke(principal.sessionId);
  hub.events.sessionEnded(principal.sessionId);
  await appendAudit(
    hub.db,
    { actor: principal.userId, action: 'session.sign-out', subject: `user:${principal.userId}` },
    hub.now(),
  );
  return { status: 204, body: undefined };
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
