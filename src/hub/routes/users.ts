import { CreateUserRequest, ErrorBody, UserView } from '../../shared/contract/hub-api';
import { defineRoute } from '../http/route';
import { createUser } from '../services/users';

export const postUser = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  operationId: 'createUser',
  summary: 'Create an account (admin)',
  tag: 'Administration',
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
