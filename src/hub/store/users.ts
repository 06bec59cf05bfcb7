import { randomUUID } from 'node:crypto';
import type { Role, UserView } from '../../shared/contract/hub-api';
import type { Queryable } from '../db/db';

interface UserRow {
  id: string;
  username: string;
  roles: Role[];
  password_hash: string;
}

/** Inserts a user; throws the driver's unique violation when the username is taken. */
export async function insertUser(
  q: Queryable,
  user: { username: string; passwordHash: string; roles: readonly Role[] },
): Promise<UserView> {
  const id = randomUUID();
  await q.query('insert into users (id, username, password_hash, roles) values ($1, $2, $3, $4::text[])', [
    id,
    user.username,
    user.passwordHash,
    [...user.roles],
  ]);
  return { id, username: user.username, roles: [...user.roles] };
}

/** The user with this username, including the password hash (for sign-in only). */
export async function findUserForSignIn(q: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await q.query<UserRow>('select id, username, roles, password_hash from users where username = $1', [
    username,
  ]);
  return rows[0];
}

export async function findUser(q: Queryable, id: string): Promise<UserView | undefined> {
  const rows = await q.query<UserRow>('select id, username, roles from users where id = $1', [id]);
  const row = rows[0];
  return row && { id: row.id, username: row.username, roles: row.roles };
}
