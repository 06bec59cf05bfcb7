import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/hub/routes';
import { startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every route with its access rule', async () => {
    const answer = await hub.api('GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.operationId).toBe(route.operationId);
      expect(op.security).toEqual(route.access === 'public' ? [] : [{ bearer: [] }]);
      if (route.access !== 'public') expect(op.responses['401']).toBeDefined();
      if (route.body || route.rawBody) expect(op.responses['408'], `${route.method} ${route.path} 408`).toBeDefined();
      for (const name of Object.keys(route.params ?? {})) {
        expect(op.parameters.some((p: { name: string; in: string }) => p.name === name && p.in === 'path')).toBe(true);
      }
    }
    expect(new Set(ROUTES.map((r) => r.operationId)).size).toBe(ROUTES.length);
  });

  it('carries the zod schemas as JSON Schema: the score upload and the packet manifest', async () => {
    const doc = (await hub.api('GET', '/api/v1/openapi.json')).json();
    const put = doc.paths['/api/v1/scores/{scoreId}'].put;
    const body = put.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['baseRevision', 'record']);
    expect(
      body.properties.record.properties.decision.oneOf ?? body.properties.record.properties.decision.anyOf,
    ).toHaveLength(3);
    expect(put.responses['409'].content['application/json'].schema.properties.server).toBeDefined();
    const [reader, adminView] =
      doc.paths['/api/v1/packets/{packetId}'].get.responses['200'].content['application/json'].schema.anyOf;
    expect(Object.keys(reader.properties).sort()).toEqual(['manifest', 'packetId', 'uploadedAt']);
    expect(adminView.properties.school).toBeDefined();
    // The candidate object admits a pseudonym and nothing else.
    expect(reader.properties.manifest.properties.candidate).toMatchObject({
      required: ['pseudonym'],
      additionalProperties: false,
    });
    expect(doc.paths['/api/v1/packets'].post.requestBody.content['application/octet-stream']).toBeDefined();
    expect(doc.components.schemas.ErrorBody.properties.error.required).toEqual(['code', 'message']);
  });

  it('answers unknown routes and wrong methods with JSON errors', async () => {
    const missing = await hub.api('GET', '/api/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('not-found');
    const wrongMethod = await hub.api('PATCH', '/api/v1/session');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, DELETE');
  });
});
