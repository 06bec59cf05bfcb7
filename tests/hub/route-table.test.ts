import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTE_HANDLERS, ROUTES } from '../../src/hub/routes';
import { HUB_ROUTE_IDS, HUB_ROUTES, hubPath } from '../../src/shared/contract/hub-routes';
import { startTestHub } from './support/hub';

describe('one hub route table', () => {
  it('the hub serves exactly the routes of the table, each with its own operationId', () => {
    expect(ROUTES.map((r) => r.operationId).sort()).toEqual([...HUB_ROUTE_IDS].sort());
    for (const id of HUB_ROUTE_IDS) {
      const route = ROUTE_HANDLERS[id];
      expect(route.operationId, id).toBe(id);
      expect(`${route.method} ${route.path}`, id).toBe(`${HUB_ROUTES[id].method} ${HUB_ROUTES[id].path}`);
      expect(route.access, id).toBe(HUB_ROUTES[id].access);
    }
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('no route file declares a method or path of its own (the table is the only copy)', () => {
    for (const file of readdirSync('src/hub/routes')) {
      const source = readFileSync(`src/hub/routes/${file}`, 'utf8');
      expect(source, file).not.toMatch(/['"]\/api\/v1\//);
      expect(source, file).not.toMatch(/method:\s*'(GET|POST|PUT|PATCH|DELETE)'/);
    }
  });

  it('HubClient builds its requests from the table, not from paths of its own', () => {
    const source = readFileSync('src/main/hub/hub-client.ts', 'utf8');
    expect(source).not.toMatch(/['"`]\/api\/v1\//);
  });

  it('fills path parameters one encoded segment each', () => {
    expect(hubPath('getEvidence', { packetId: 'a/b', evidenceId: 'c d' })).toBe('/api/v1/packets/a%2Fb/evidence/c%20d');
    expect(() => hubPath('getScore', {} as never)).toThrow(/needs the path parameter scoreId/);
  });

  it('a path the table does not list is 404 on a running hub, and a listed path with another method 405', async () => {
    const hub = await startTestHub();
    try {
      expect((await hub.api('GET', '/api/v1/nothing-here')).status).toBe(404);
      expect((await hub.api('DELETE', hubPath('health', {}))).status).toBe(405);
      expect((await hub.api('GET', hubPath('health', {}))).status).toBe(200);
    } finally {
      await hub.close();
    }
  });
});
