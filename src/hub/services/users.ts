import type { Role, UserView } from '../../shared/contract/hub-api';
import { hashPassword } from '../auth/password';
import type { HubContext } from '../context';
import { isUniqueViolation } from '../db/db';
import { ApiError } from '../http/errors';
import { appendAudit } from '../store/audit';
import { insertUser } from '../store/users';

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
