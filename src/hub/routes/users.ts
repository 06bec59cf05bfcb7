import { implementRoute } from '../http/route';
import { changeUser, createUser } from '../services/users';
import { listUsers } from '../store/users';

export const postUser = implementRoute('createUser', async ({ hub, principal, body }) => {
  return { status: 201, body: await createUser(hub, await body(), principal.userId) };
});

export const getUsers = implementRoute('listUsers', async ({ hub }) => {
  return { status: 200, body: { users: await listUsers(hub.db) } };
});

export const patchUser = implementRoute('updateUser', async ({ hub, principal, params, body }) => {
  return { status: 200, body: await changeUser(hub, params.userId, await body(), principal.userId) };
});
