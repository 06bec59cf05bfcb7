import type { z } from 'zod';
import type { AdminUserView, Role, UpdateUserRequest, UserView } from '../../shared/contract/hub-api';
import { hashPassword } from '../auth/password';
import { revokeUserSessions } from '../auth/tokens';
import type { HubContext } from '../context';
import { isUniqueViolation } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import { findAdminUser, insertUser, lockEnabledAdmins, updateUser } from '../store/users';

/** Creates an account with a freshly salted scrypt hash; 409 when the username is taken. */
export async function createUser(
  hub: HubContext,
  input: { username: string; password: string; roles: readonly Role[] },
  actor: string | null,
): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const now = hub.now();
  try {
    return await hub.db.transaction(async (tx) => {
      const user = await insertUser(tx, { username: input.username, passwordHash, roles: input.roles });
      await appendAudit(
        tx,
        {
          actor,
          action: 'user.create',
          subject: `user:${user.id}`,
          detail: { username: user.username, roles: user.roles },
        },
        now,
      );
      return user;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ApiError(409, 'username-taken', `The username "${input.username}" is already in use.`);
  }
}

/**
 * Changes an account's roles and whether it is disabled. Roles take effect on the account's next
 * request (every request reads them); its open event streams close so that they reconnect with
 * the new rights. Disabling ends every session of the account at once. A change that would leave
 * the hub without an enabled admin is refused (409 `last-admin`): nobody could then undo it.
 */
export async function changeUser(
  hub: HubContext,
  userId: string,
  input: z.output<typeof UpdateUserRequest>,
  actor: string | null,
): Promise<AdminUserView> {
  const now = hub.now();
  const outcome = await hub.db.transaction(async (tx) => {
    const admins = await lockEnabledAdmins(tx);
    const current = await findAdminUser(tx, userId, true);
    if (!current) throw notFound('The user');
    const roles = input.roles ?? current.roles;
    const disabled = input.disabled ?? current.disabled;
    const rolesChanged = !sameRoles(roles, current.roles);
    if (!rolesChanged && disabled === current.disabled) return { user: current, ended: [], changed: false };
    const staysAdmin = roles.includes('admin') && !disabled;
    if (!staysAdmin && admins.length === 1 && admins[0] === userId) {
      throw new ApiError(
        409,
        'last-admin',
        `${current.username} is the only enabled admin; make another account an admin before ` +
          (disabled ? 'disabling this one.' : 'removing this role.'),
      );
    }
    await updateUser(tx, userId, { roles, disabledAt: disabled ? new Date(now).toISOString() : null });
    const ended = disabled && !current.disabled ? await revokeUserSessions(tx, userId, now) : [];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (rolesChanged) {
      before.roles = current.roles;
      after.roles = roles;
    }
    if (disabled !== current.disabled) {
      before.disabled = current.disabled;
      after.disabled = disabled;
    }
    await appendAudit(
      tx,
      {
        actor,
        action: 'user.update',
        subject: `user:${userId}`,
        detail: { username: current.username, before, after, sessionsEnded: ended.length },
      },
      now,
    );
    return { user: (await findAdminUser(tx, userId))!, ended, changed: true };
  });
  for (const sessionId of outcome.ended) hub.events.sessionEnded(sessionId);
  if (outcome.changed) hub.events.userChanged(userId);
  return outcome.user;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
