import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/anchor';
import { runHubCli } from '../../src/cli/hub-command';
import { isLoopbackHost } from '../../src/hub/loopback';
import { openHub } from '../../src/hub/open';
import { tempDir } from '../support/packets';
import { createPostgresDatabase, describeOnPostgres } from './support/backends';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('anchor-hub-cli-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, print: (line: string) => out.push(line), warn: (line: string) => err.push(line) };
}

describe('anchor hub', () => {
  it('refuses --demo on anything but loopback, before opening any storage', async () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::']) {
      const io = capture();
      const code = await runCli(['hub', '--demo', '--host', host, '--data', join(dir, 'refused')], io.print, io.warn);
      expect(code).toBe(2);
      expect(io.err.join('\n')).toMatch(/Refusing --demo on .*loopback/);
    }
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('localhost.attacker.example')).toBe(false);
  });

  it('rejects unknown options and commands with the usage', async () => {
    const io = capture();
    expect(await runCli(['hub', '--bogus'], io.print, io.warn)).toBe(2);
    expect(io.err.join('\n')).toMatch(/Usage: npm run -s anchor -- hub/);
    expect(await runCli(['hub', 'seed'], io.print, io.warn)).toBe(2);
    expect(await runCli(['hub', 'launch'], io.print, io.warn)).toBe(2);
  });

  it('seed --demo creates the demo accounts, an open window and the demo packets, two assessors each', async () => {
    const data = join(dir, 'demo');
    // Start from the migrated template rather than paying for initdb again (see global-setup.ts).
    await cp(inject('pgliteTemplate'), join(data, 'pglite'), { recursive: true });
    const io = capture();
    expect(await runCli(['hub', 'seed', '--demo', '--data', data], io.print, io.warn)).toBe(0);
    expect(io.out[0]).toMatch(/7 user\(s\), 6 packet\(s\), 12 assignment\(s\) added/);

    const { hub, close } = await openHub({ dataDir: data, log: () => undefined });
    try {
      const users = await hub.db.query<{ username: string; roles: string[] }>(
        'select username, roles from users order by username',
      );
      expect(users).toEqual([
        { username: 'admin1', roles: ['admin'] },
        { username: 'assessor1', roles: ['assessor'] },
        { username: 'assessor2', roles: ['assessor'] },
        { username: 'assessor3', roles: ['assessor'] },
        { username: 'assessor4', roles: ['assessor'] },
        { username: 'chair1', roles: ['chair'] },
        { username: 'facilitator1', roles: ['facilitator'] },
      ]);
      const load = await hub.db.query<{ username: string; n: number }>(
        `select u.username, count(*)::int as n from assignments a join users u on u.id = a.assessor_id
          group by u.username order by u.username`,
      );
      expect(load.reduce((sum, row) => sum + row.n, 0)).toBe(12);
      expect(Math.max(...load.map((r) => r.n)) - Math.min(...load.map((r) => r.n))).toBeLessThanOrEqual(1);
      // assessor4 declared a conflict with Harbor City SD and got none of its packets.
      const conflicted = await hub.db.query(
        `select 1 from assignments a join users u on u.id = a.assessor_id join packets p on p.id = a.packet_id
          where u.username = 'assessor4' and p.district = 'Harbor City SD'`,
      );
      expect(conflicted).toEqual([]);
      // A calibration session ready to run: three anchors with masters, never assigned; four participants.
      const [session] = await hub.db.query<{ id: string; title: string; status: string }>(
        'select id, title, status from norming_sessions',
      );
      expect(session).toMatchObject({ title: 'Calibration: Checking for understanding', status: 'open' });
      const anchors = await hub.db.query<{ packet_id: string; is_anchor: boolean; assigned: number }>(
        `select a.packet_id, p.is_anchor, (select count(*)::int from assignments x where x.packet_id = a.packet_id) as assigned
           from norming_anchors a join packets p on p.id = a.packet_id where a.session_id = $1`,
        [session!.id],
      );
      expect(anchors.map((a) => [a.is_anchor, a.assigned])).toEqual([
        [true, 0],
        [true, 0],
        [true, 0],
      ]);
      const masters = await hub.db.query('select 1 from norming_masters where session_id = $1', [session!.id]);
      expect(masters).toHaveLength(12);
      const participants = await hub.db.query('select 1 from norming_participants where session_id = $1', [
        session!.id,
      ]);
      expect(participants).toHaveLength(4);
    } finally {
      await close();
    }
  });

  it('hub --demo serves on loopback, keeps an existing seed, and the demo password signs in', async () => {
    const data = join(dir, 'demo');
    const io = capture();
    let queue: unknown;
    const code = await runHubCli(['--demo', '--port', '0', '--data', data], io.print, io.warn, {
      untilStopped: async (running) => {
        expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        // A second hub on the same data folder would corrupt the embedded database.
        await expect(openHub({ dataDir: data })).rejects.toThrow(/is using the data folder/);
        const session = await fetch(`${running.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'assessor1', password: 'anchor-demo' }),
        });
        expect(session.status).toBe(200);
        const { accessToken } = (await session.json()) as { accessToken: string };
        const answer = await fetch(`${running.url}/api/v1/assignments`, {
          headers: { Authorization: `Bearer ${accessToken}` },
        });
        queue = await answer.json();
      },
    });
    expect(code).toBe(0);
    expect(io.out[0]).toMatch(/0 user\(s\), 0 packet\(s\), 0 assignment\(s\) added/);
    expect(io.out.join('\n')).toMatch(/listening on http:\/\/127\.0\.0\.1/);
    const assignments = (queue as { assignments: { pseudonym: string }[] }).assignments;
    expect(assignments.length).toBe(3);
    expect(assignments.every((a) => a.pseudonym.length > 0)).toBe(true);
  });
});

describeOnPostgres('anchor hub --database-url (PostgreSQL)', () => {
  it('migrates the server database, serves from it, and never prints the connection string', async () => {
    const database = await createPostgresDatabase({ empty: true });
    // Trust authentication ignores the password; it is here to prove the URL stays out of the output.
    const url = new URL(database.url);
    url.password = 'not-to-be-printed';
    const io = capture();
    try {
      const code = await runHubCli(
        ['--port', '0', '--data', join(dir, 'pg-blobs'), '--database-url', url.toString()],
        io.print,
        io.warn,
        {
          untilStopped: async (running) => {
            expect(running.hub.db.engine).toBe('postgres');
            const health = await fetch(`${running.url}/api/v1/health`);
            expect(health.status).toBe(200);
            const tables = await running.hub.db.query('select version from schema_migrations');
            expect(tables.length).toBeGreaterThan(0);
          },
        },
      );
      expect(code).toBe(0);
      const printed = [...io.out, ...io.err].join('\n');
      expect(printed).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(PostgreSQL, blobs in /);
      expect(printed).not.toContain('not-to-be-printed');
      expect(printed).not.toContain(url.host);
    } finally {
      await database.drop();
    }
  });
});
