import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import { addUser, assign, openWindow, startTestHub, uploadPacket, type TestHub, type TestUser } from './support/hub';

forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let assessors: TestUser[];
  let facilitator: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
    facilitator = await addUser(hub, 'facilitator1', ['facilitator']);
    assessors = [];
    for (const name of ['assessor1', 'assessor2', 'assessor3']) assessors.push(await addUser(hub, name, ['assessor']));
  });
  afterAll(() => hub.close());

  const queue = async (user: TestUser) =>
    (await hub.api('GET', '/api/v1/assignments', { token: user.token })).json().assignments as {
      packetId: string;
      window: { id: string };
    }[];

  describe('review windows', () => {
    it('validates the dates: opens before closes, decisions due no earlier than the close', async () => {
      const answer = await hub.api('POST', '/api/v1/windows', {
        token: admin.token,
        json: {
          name: 'Backwards',
          opensAt: '2026-10-10T00:00:00Z',
          closesAt: '2026-10-01T00:00:00Z',
          decisionsDueAt: '2026-09-01T00:00:00Z',
        },
      });
      expect(answer.status).toBe(400);
      expect(answer.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
        'body.closesAt',
        'body.decisionsDueAt',
      ]);
    });

    it('lists only assignments in open windows: not scheduled, not closed, not yet opened', async () => {
      const [assessor] = assessors;
      const now = hub.running.hub.now();
      const open = await openWindow(hub, admin);
      const scheduled = await openWindow(hub, admin, { status: 'scheduled' });
      const future = await openWindow(hub, admin, { opensAt: new Date(now + 86_400_000).toISOString() });
      const packets: string[] = [];
      for (const windowId of [open, scheduled, future]) {
        const packetId = await uploadPacket(hub, admin);
        packets.push(packetId);
        await assign(hub, admin, windowId, packetId, assessor!);
      }
      const mine = await queue(assessor!);
      expect(mine.map((a) => a.packetId)).toEqual([packets[0]]);
      expect(mine[0]).toMatchObject({ window: { id: open }, pseudonym: 'Candidate T-0001', evidenceCount: 3 });
      // Packets in windows that are not open are not readable either.
      expect((await hub.api('GET', `/api/v1/packets/${packets[1]}`, { token: assessor!.token })).status).toBe(404);
      expect(await queue(assessors[1]!)).toEqual([]);
    });
  });

  describe('manual assignment', () => {
    it('refuses duplicates, non-assessors, unknown ids, closed windows and declared conflicts', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin, '?school=Harbor%20View%20Middle&district=Harbor%20City%20SD');
      const [first, second] = assessors;
      const create = (assessorId: string, overrides: Record<string, string> = {}) =>
        hub.api('POST', '/api/v1/assignments', {
          token: admin.token,
          json: { windowId, packetId, assessorId, ...overrides },
        });
      expect((await create(first!.id)).status).toBe(201);
      expect((await create(first!.id)).json().error.code).toBe('already-assigned');
      expect((await create(facilitator.id)).json().error.code).toBe('not-an-assessor');
      expect((await create(first!.id, { packetId: crypto.randomUUID() })).status).toBe(404);

      const declared = await hub.api('POST', '/api/v1/conflicts', {
        token: second!.token,
        json: { district: '  harbor city sd ' },
      });
      expect(declared.status).toBe(201);
      const refused = await create(second!.id);
      expect(refused.status).toBe(409);
      expect(refused.json().error.code).toBe('conflict-of-interest');
      const listed = await hub.api('GET', '/api/v1/conflicts', { token: second!.token });
      expect(listed.json().conflicts).toEqual([expect.objectContaining({ school: null, district: 'harbor city sd' })]);

      const closed = await openWindow(hub, admin, { status: 'closed' });
      expect((await create(first!.id, { windowId: closed })).json().error.code).toBe('window-closed');
    });
  });

  describe('automatic assignment', () => {
    it('balances the load, skips declared conflicts and reports what it could not staff', async () => {
      const windowId = await openWindow(hub, admin);
      const [a1, a2, a3] = assessors;
      // assessor3 declares a conflict with one school.
      await hub.api('POST', '/api/v1/conflicts', { token: a3!.token, json: { school: 'Lakeside High' } });
      const lakeside = await uploadPacket(hub, admin, '?school=Lakeside%20High&district=North%20Valley%20USD');
      const others: string[] = [];
      for (let i = 0; i < 5; i++) others.push(await uploadPacket(hub, admin, '?school=Riverside%20Elementary'));
      const packetIds = [lakeside, ...others];

      const answer = await hub.api('POST', '/api/v1/assignments/auto', {
        token: admin.token,
        json: { windowId, packetIds, assessorsPerPacket: 2 },
      });
      expect(answer.status).toBe(200);
      const { created, shortfalls } = answer.json() as {
        created: { packetId: string; assessorId: string }[];
        shortfalls: unknown[];
      };
      expect(created).toHaveLength(12);
      expect(shortfalls).toEqual([]);
      const load = new Map<string, number>();
      for (const c of created) load.set(c.assessorId, (load.get(c.assessorId) ?? 0) + 1);
      expect([...load.values()].sort()).toEqual([4, 4, 4]);
      const onLakeside = created.filter((c) => c.packetId === lakeside).map((c) => c.assessorId);
      expect(onLakeside.sort()).toEqual([a1!.id, a2!.id].sort());
      for (const packetId of packetIds) expect(created.filter((c) => c.packetId === packetId)).toHaveLength(2);

      // Running it again adds nothing: every packet is fully staffed.
      const again = await hub.api('POST', '/api/v1/assignments/auto', {
        token: admin.token,
        json: { windowId, packetIds, assessorsPerPacket: 2 },
      });
      expect(again.json()).toEqual({ created: [], shortfalls: [] });

      // Three per packet cannot be met for the Lakeside packet: only two assessors are eligible.
      const three = await hub.api('POST', '/api/v1/assignments/auto', {
        token: admin.token,
        json: { windowId, packetIds, assessorsPerPacket: 3 },
      });
      expect(three.json().created).toHaveLength(5);
      expect(three.json().shortfalls).toEqual([
        {
          packetId: lakeside,
          missing: 1,
          reason: expect.stringMatching(
            /0 more eligible assessor\(s\): 1 declared a conflict of interest, 2 already assigned/,
          ),
        },
      ]);
      const audit = await hub.running.hub.db.query(
        `select 1 from audit_log where action = 'assignment.create' and detail->>'windowId' = $1`,
        [windowId],
      );
      expect(audit).toHaveLength(17);
    });

    it('rejects unknown packet ids with the list of them', async () => {
      const windowId = await openWindow(hub, admin);
      const missing = crypto.randomUUID();
      const answer = await hub.api('POST', '/api/v1/assignments/auto', {
        token: admin.token,
        json: { windowId, packetIds: [missing] },
      });
      expect(answer.status).toBe(400);
      expect(answer.json().error.problems).toEqual([{ path: 'body.packetIds', message: `no packet ${missing}` }]);
    });
  });
});
