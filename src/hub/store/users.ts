import { randomUUID } from 'node:crypto';
import type { AdminUserView, Role, UserView } from '../../shared/contract/hub-api';
import { iso, type Queryable } from '../db/db';

interface UserRow {
  id: string;
  username: string;
  roles: Role[];
  password_hash: string;
  disabled_at: Date | null;
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
  const rows = await q.query<UserRow>(
    'select id, username, roles, password_hash, disabled_at from users where username = $1',
    [username],
  );
  return rows[0];
}

export async function findUser(q: Queryable, id: string): Promise<UserView | undefined> {
  const rows = await q.query<UserRow>('select id, username, roles from users where id = $1', [id]);
  const row = rows[0];
  return row && { id: row.id, username: row.username, roles: row.roles };
}

interface AdminUserRow {
  id: string;
  username: string;
  roles: Role[];
  disabled_at: Date | null;
  created_at: Date;
}

const ADMIN_COLUMNS = 'id, username, roles, disabled_at, created_at';

function toAdminView(row: AdminUserRow): AdminUserView {
  return {
    id: row.id,
    username: row.username,
    roles: row.roles,
    disabled: row.disabled_at !== null,
    createdAt: iso(row.created_at),
  };
}

/** Every account, by username. */
export async function listUsers(q: Queryable): Promise<AdminUserView[]> {
  const rows = await q.query<AdminUserRow>(`select ${ADMIN_COLUMNS} from users order by username`);
  return rows.map(toAdminView);
}

/** One account as the admin sees it; `lock` holds its row for the rest of the transaction. */
export async function findAdminUser(q: Queryable, id: string, lock = false): Promise<AdminUserView | undefined> {
  const rows = await q.query<AdminUserRow>(
    `select ${ADMIN_COLUMNS} from users where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  const row = rows[0];
  return row && toAdminView(row);
}

/**
 * The ids of the enabled admins, their rows locked until the transaction ends (in id order, so
 * two concurrent account changes cannot deadlock): two admins demoting each other at once are
 * decided one after the other, and the hub always keeps an admin who can sign in.
 */
export async function lockEnabledAdmins(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select id from users where 'admin' = any(roles) and disabled_at is null order by id for update`,
  );
  return rows.map((row) => row.id);
}

export async function updateUser(
  q: Queryable,
  id: string,
  change: { roles: readonly Role[]; disabledAt: string | null },
): Promise<void> {
  await q.query('update users set roles = $2::text[], disabled_at = $3 where id = $1', [
    id,
    [...change.roles],
    change.disabledAt,
  ]);
}
