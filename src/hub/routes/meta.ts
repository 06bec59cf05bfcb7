import { implementRoute } from '../http/route';
import { openApiDocument } from '../openapi/document';

export const getHealth = implementRoute('health', async ({ hub }) => {
  await hub.db.query('select 1');
  return { status: 200, body: { ok: true } };
});

/** Built once, on first request, from the route table. */
let document: unknown;

export const getOpenApi = implementRoute('openapi', async () => {
  document ??= openApiDocument();
  return { status: 200, body: document };
});
