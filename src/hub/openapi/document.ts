import { z } from 'zod';
import { ErrorBody } from '../../shared/contract/hub-errors';
import { HUB_ROUTE_IDS, HUB_ROUTES, type HubRouteId, type HubRouteSpec } from '../../shared/contract/hub-routes';

type JsonSchema = Record<string, unknown>;

type Route = HubRouteSpec & { operationId: HubRouteId };

/**
 * Builds the OpenAPI 3.1 document from the route table (src/shared/contract/hub-routes.ts):
 * paths, parameters, access rules and the zod schemas of every body, converted with
 * z.toJSONSchema (OpenAPI 3.1 schemas are JSON Schema 2020-12). The router and HubClient are
 * built from the same table, so the document cannot drift from the code. Request bodies are
 * described as clients write them (defaults optional), responses as the hub sends them.
 */
export function openApiDocument(): Record<string, unknown> {
  const routes: Route[] = HUB_ROUTE_IDS.map((id) => ({ ...(HUB_ROUTES[id] as HubRouteSpec), operationId: id }));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operations = (paths[route.path] ??= {});
    operations[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Anchor hub API',
      version: '1',
      description:
        'The server an issuing organisation runs for Anchor: packets, review windows, assignments and scores. ' +
        'See docs/hub.md for how tokens work and why.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    components: {
      schemas: { ErrorBody: toSchema(ErrorBody, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An opaque access token from POST /api/v1/session (15 minutes by default).',
        },
      },
    },
    paths,
  };
}

function operation(route: Route): Record<string, unknown> {
  const op: Record<string, unknown> = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    'x-anchor-access': route.access === 'public' || route.access === 'signed-in' ? route.access : [...route.access],
  };
  if (route.description) op.description = route.description;
  op.security = route.access === 'public' ? [] : [{ bearer: [] }];
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: toSchema(schema, 'input'),
    })),
    ...Object.entries(route.queryDocs ?? {}).map(([name, doc]) => ({
      name,
      in: 'query',
      required: doc.required ?? false,
      description: doc.description,
      schema: { type: 'string' },
    })),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  if (route.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } };
  } else if (route.rawBody) {
    op.requestBody = {
      required: true,
      description: route.rawBody.description,
      content: { [route.rawBody.mediaType]: { schema: { type: 'string', contentMediaType: route.rawBody.mediaType } } },
    };
  }
  const responses: Record<string, unknown> = {};
  const standard: Record<number, string> = route.access === 'public' ? {} : { 401: 'No valid access token' };
  if (Array.isArray(route.access)) standard[403] = `Needs the ${route.access.join(' or ')} role`;
  // What the router and body reader answer for every route with a body (http/body.ts).
  if (route.body) {
    standard[413] = 'The JSON body is larger than 1 MB';
    standard[415] = 'The body is not application/json';
  }
  if (route.body || route.rawBody) standard[408] = 'The body sent nothing for 60 s; the connection is closed';
  for (const [status, description] of Object.entries(standard)) {
    responses[status] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    };
  }
  for (const [status, doc] of Object.entries(route.responses)) {
    const mediaType = doc.mediaType ?? (doc.schema ? 'application/json' : undefined);
    responses[status] = {
      description: doc.description,
      ...(mediaType ? { content: { [mediaType]: doc.schema ? { schema: toSchema(doc.schema, 'output') } : {} } } : {}),
    };
  }
  op.responses = responses;
  return op;
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements (cross-field rules) cannot be expressed in JSON Schema; the hub enforces them.
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}
