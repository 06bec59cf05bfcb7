import {
  AdminUserView,
  CreateUserRequest,
  ErrorBody,
  UpdateUserRequest,
  UserList,
  UserView,
} from '../../shared/contract/hub-api';
import { defineRoute } from '../http/route';
import { changeUser, createUser } from '../services/users';
import { listUsers } from '../store/users';
import { PARAMS } from './params';

const TAG = 'Administration';

export const postUser = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  operationId: 'createUser',
  summary: 'Create an account (admin)',
  tag: TAG,
  access: ['admin'],
  body: CreateUserRequest,
  responses: {
    201: { description: 'Created', schema: UserView },
    400: { description: 'Malformed body', schema: ErrorBody },
    409: { description: 'Username taken', schema: ErrorBody },
  },
  async handle({ hub, principal, body }) {
    return { status: 201, body: await createUser(hub, await body(), principal.userId) };
  },
});

export const getUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/users',
  operationId: 'listUsers',
  summary: 'Every account, with its roles and whether it is disabled (admin)',
  tag: TAG,
  access: ['admin'],
  responses: { 200: { description: 'The accounts, by username', schema: UserList } },
  async handle({ hub }) {
    return { status: 200, body: { users: await listUsers(hub.db) } };
  },
});

export const patchUser = defineRoute({
  method: 'PATCH',
  path: '/api/v1/users/{userId}',
  operationId: 'updateUser',
  summary: "Change an account's roles, or disable or enable it (admin)",
  description:
    'roles replaces the roles and takes effect on the next request. disabled: true stops sign-in (403 ' +
    'account-disabled) and ends every session of the account at once; false lets it sign in again. Accounts are ' +
    'disabled rather than deleted so their scores and audit trail stay. A change that would leave no enabled ' +
    'admin is refused.',
  tag: TAG,
  access: ['admin'],
  params: { userId: PARAMS.userId },
  body: UpdateUserRequest,
  responses: {
    200: { description: 'The account as it is now', schema: AdminUserView },
    400: { description: 'Malformed body', schema: ErrorBody },
    404: { description: 'No such account', schema: ErrorBody },
    409: { description: 'The change would leave the hub without an enabled admin', schema: ErrorBody },
  },
  async handle({ hub, principal, params, body }) {
    return { status: 200, body: await changeUser(hub, params.userId, await body(), principal.userId) };
  },
});
