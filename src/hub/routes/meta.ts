import { z } from 'zod';
import { defineRoute, type Route } from '../http/route';
import { openApiDocument } from '../openapi/document';

export const getHealth = defineRoute({
  method: 'GET',
  path: '/api/v1/health',
  operationId: 'health',
  summary: 'Whether the hub is up and its database answers',
  tag: 'Meta',
  access: 'public',
  responses: { 200: { description: 'Up', schema: z.strictObject({ ok: z.literal(true) }) } },
  async handle({ hub }) {
    await hub.db.query('select 1');
    return { status: 200, body: { ok: true } };
  },
});

/** Serves the OpenAPI document of the routes it is given (built once, on first request). */
export function openApiRoute(routes: () => readonly Route[]): Route {
  let document: unknown;
  return defineRoute({
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'Meta',
    access: 'public',
    responses: { 200: { description: 'The OpenAPI document', mediaType: 'application/json' } },
    async handle() {
      document ??= openApiDocument(routes());
      return { status: 200, body: document };
    },
  });
}
