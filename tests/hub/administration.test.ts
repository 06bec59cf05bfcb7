import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentRecord, WindowView } from '../../src/shared/contract/hub-api';
import { forEachBackend } from './support/backends';
import {
  addUser,
  assign,
  openWindow,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

const DAY = 86_400_000;

forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let assessor: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
    chair = await addUser(hub, 'chair1', ['chair']);
    assessor = await addUser(hub, 'assessor1', ['assessor']);
    other = await addUser(hub, 'assessor2', ['assessor']);
  });
  afterAll(() => hub.close());

  const at = (offsetMs: number) => new Date(hub.running.hub.now() + offsetMs).toISOString();
  const patchWindow = (windowId: string, json: unknown) =>
    hub.api('PATCH', `/api/v1/windows/${windowId}`, { token: admin.token, json });
  const getWindow = async (windowId: string) =>
    ((await hub.api('GET', '/api/v1/windows', { token: chair.token })).json().windows as WindowView[]).find(
      (w) => w.id === windowId,
    );
  const queue = async (user: TestUser) =>
    ((await hub.api('GET', '/api/v1/assignments', { token: user.token })).json().assignments as { packetId: string }[])
      .map((a) => a.packetId)
      .sort();
  const auditRows = (action: string, subject: string) =>
    hub.running.hub.db.query<{ actor: string; detail: Record<string, unknown> }>(
      'select actor, detail from audit_log where action = $1 and subject = $2 order by id',
      [action, subject],
    );
  const putScore = (user: TestUser, packetId: string) => {
    const record = scoreRecord(packetId, user.username);
    return hub.api('PUT', `/api/v1/scores/${record.id}`, { token: user.token, json: { baseRevision: 0, record } });
  };
  const listAssignments = async (query: string) => {
    const answer = await hub.api('GET', `/api/v1/assignments/all${query}`, { token: admin.token });
    expect(answer.status).toBe(200);
    return answer.json().assignments as AssignmentRecord[];
  };

  describe('GET /windows', () => {
    it('lists every window in opening order, with its status and whether it is open now', async () => {
      const later = await openWindow(hub, admin, { opensAt: at(3 * DAY), name: 'Spring' });
      const open = await openWindow(hub, admin, { name: 'Autumn' });
      const scheduled = await openWindow(hub, admin, { status: 'scheduled', opensAt: at(-2 * DAY) });
      const answer = await hub.api('GET', '/api/v1/windows', { token: chair.token });
      expect(answer.status).toBe(200);
      const windows = answer.json().windows as WindowView[];
      const ids = windows.map((w) => w.id);
      expect(ids.indexOf(scheduled)).toBeLessThan(ids.indexOf(open));
      expect(ids.indexOf(open)).toBeLessThan(ids.indexOf(later));
      expect(windows.find((w) => w.id === open)).toMatchObject({ name: 'Autumn', status: 'open', isOpen: true });
      expect(windows.find((w) => w.id === later)).toMatchObject({ status: 'open', isOpen: false });
      expect(windows.find((w) => w.id === scheduled)).toMatchObject({ status: 'scheduled', isOpen: false });
    });
  });

  describe('PATCH /windows/{windowId}', () => {
    it('closes a window early: the queue empties, the packet is gone, new scores are refused; reopening restores it', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, windowId, packetId, assessor);
      expect(await queue(assessor)).toContain(packetId);

      const closed = await patchWindow(windowId, { status: 'closed' });
      expect(closed.status).toBe(200);
      expect(closed.json()).toMatchObject({ id: windowId, status: 'closed', isOpen: false });
      expect(await queue(assessor)).not.toContain(packetId);
      expect((await hub.api('GET', `/api/v1/packets/${packetId}`, { token: assessor.token })).status).toBe(404);
      const refused = await putScore(assessor, packetId);
      expect(refused.status).toBe(403);
      expect(refused.json().error.code).toBe('window-closed');
      // A closed window takes no new assignments either.
      const more = await hub.api('POST', '/api/v1/assignments', {
        token: admin.token,
        json: { windowId, packetId, assessorId: other.id },
      });
      expect(more.json().error.code).toBe('window-closed');

      expect((await patchWindow(windowId, { status: 'open' })).json()).toMatchObject({ isOpen: true });
      expect(await queue(assessor)).toContain(packetId);

      const audit = await auditRows('window.update', `window:${windowId}`);
      expect(audit).toEqual([
        { actor: admin.id, detail: { before: { status: 'open' }, after: { status: 'closed' } } },
        { actor: admin.id, detail: { before: { status: 'closed' }, after: { status: 'open' } } },
      ]);
    });

    it('renames and moves dates, normalising them; closing by date works as closing by status', async () => {
      const windowId = await openWindow(hub, admin, { name: 'Before' });
      const closesAt = new Date(hub.running.hub.now() + 5 * DAY);
      closesAt.setUTCMilliseconds(0);
      const offset = closesAt.toISOString().replace('.000Z', '+00:00');
      const answer = await patchWindow(windowId, { name: '  After  ', closesAt: offset });
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ name: 'After', closesAt: closesAt.toISOString(), isOpen: true });
      expect(await getWindow(windowId)).toEqual(answer.json());

      const early = await patchWindow(windowId, { closesAt: at(-1000) });
      expect(early.json()).toMatchObject({ status: 'open', isOpen: false });
    });

    it('keeps the ordering rules of a new window, checked against the stored dates', async () => {
      const windowId = await openWindow(hub, admin);
      const before = await getWindow(windowId);
      const backwards = await patchWindow(windowId, { closesAt: at(-2 * DAY) });
      expect(backwards.status).toBe(400);
      expect(backwards.json().error).toMatchObject({
        code: 'invalid-body',
        problems: [{ path: 'body.closesAt', message: `must be after opensAt (${before!.opensAt})` }],
      });
      const dueTooEarly = await patchWindow(windowId, { decisionsDueAt: at(DAY) });
      expect(dueTooEarly.json().error.problems).toEqual([
        { path: 'body.decisionsDueAt', message: `must not be before closesAt (${before!.closesAt})` },
      ]);
      // Both moved together in one request is fine when the result is in order.
      const both = await patchWindow(windowId, { closesAt: at(DAY), decisionsDueAt: at(2 * DAY) });
      expect(both.status).toBe(200);
      // Nothing changed by the refused requests.
      expect(await auditRows('window.update', `window:${windowId}`)).toHaveLength(1);
    });

    it('refuses empty, unknown-field and malformed bodies, and answers 404 for unknown windows', async () => {
      const windowId = await openWindow(hub, admin);
      const empty = await patchWindow(windowId, {});
      expect(empty.status).toBe(400);
      expect(empty.json().error.message).toMatch(/change at least one/);
      expect((await patchWindow(windowId, { opensAt: 'tomorrow' })).status).toBe(400);
      expect((await patchWindow(windowId, { status: 'paused' })).status).toBe(400);
      expect((await patchWindow(windowId, { id: randomUUID() })).json().error.code).toBe('invalid-body');
      expect((await patchWindow(randomUUID(), { status: 'closed' })).status).toBe(404);
      expect((await patchWindow('not-a-window', { status: 'closed' })).status).toBe(404);
    });

    it('a change that changes nothing writes no audit row', async () => {
      const windowId = await openWindow(hub, admin, { name: 'Same' });
      const answer = await patchWindow(windowId, { name: 'Same', status: 'open' });
      expect(answer.status).toBe(200);
      expect(await auditRows('window.update', `window:${windowId}`)).toEqual([]);
    });
  });

  describe('GET /assignments/all', () => {
    it('lists assignment records, filtered by window, assessor and packet together', async () => {
      const [w1, w2] = [await openWindow(hub, admin), await openWindow(hub, admin)];
      const [p1, p2] = [await uploadPacket(hub, admin), await uploadPacket(hub, admin)];
      const a = await assign(hub, admin, w1, p1, assessor);
      const b = await assign(hub, admin, w1, p2, other);
      const c = await assign(hub, admin, w2, p1, other);

      expect(await listAssignments(`?windowId=${w1}`)).toEqual([a, b]);
      expect(a).toMatchObject({ assessorUsername: 'assessor1', windowId: w1, packetId: p1 });
      expect(await listAssignments(`?packetId=${p1}`)).toEqual([a, c]);
      expect(await listAssignments(`?windowId=${w2}&assessorId=${other.id}`)).toEqual([c]);
      expect(await listAssignments(`?windowId=${w2}&assessorId=${assessor.id}`)).toEqual([]);
      expect(await listAssignments(`?packetId=${randomUUID()}`)).toEqual([]);
      const all = await listAssignments('');
      expect(all).toEqual(expect.arrayContaining([a, b, c]));
    });

    it('refuses filters that are not UUIDs', async () => {
      const answer = await hub.api('GET', '/api/v1/assignments/all?windowId=w1&packetId=p', { token: admin.token });
      expect(answer.status).toBe(400);
      expect(answer.json().error).toMatchObject({
        code: 'invalid-query',
        problems: [
          { path: 'query.windowId', message: 'must be a lowercase UUID' },
          { path: 'query.packetId', message: 'must be a lowercase UUID' },
        ],
      });
    });
  });

  describe('DELETE /assignments/{assignmentId}', () => {
    it('unassigns: the assessor gets 404 for the packet and its evidence, and the removal is audited', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin);
      const record = await assign(hub, admin, windowId, packetId, assessor);
      const evidence = `/api/v1/packets/${packetId}/evidence/item-2`;
      expect((await hub.api('GET', evidence, { token: assessor.token })).status).toBe(200);

      const removed = await hub.api('DELETE', `/api/v1/assignments/${record.id}`, { token: admin.token });
      expect(removed.status).toBe(204);
      expect(await queue(assessor)).not.toContain(packetId);
      expect((await hub.api('GET', `/api/v1/packets/${packetId}`, { token: assessor.token })).status).toBe(404);
      expect((await hub.api('GET', evidence, { token: assessor.token })).status).toBe(404);
      const score = await putScore(assessor, packetId);
      expect(score.status).toBe(404);
      expect(await listAssignments(`?packetId=${packetId}`)).toEqual([]);
      expect(await auditRows('assignment.delete', `packet:${packetId}`)).toEqual([
        { actor: admin.id, detail: { assignmentId: record.id, windowId, assessorId: assessor.id } },
      ]);

      const again = await hub.api('DELETE', `/api/v1/assignments/${record.id}`, { token: admin.token });
      expect(again.status).toBe(404);
      expect((await hub.api('DELETE', '/api/v1/assignments/nope', { token: admin.token })).status).toBe(404);
      // The packet can be assigned to the assessor again.
      await assign(hub, admin, windowId, packetId, assessor);
      expect(await queue(assessor)).toContain(packetId);
    });

    it('refuses with 409 once the assessor uploaded a score, so no score loses its assignment', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin);
      const record = await assign(hub, admin, windowId, packetId, assessor);
      expect((await putScore(assessor, packetId)).status).toBe(201);

      const refused = await hub.api('DELETE', `/api/v1/assignments/${record.id}`, { token: admin.token });
      expect(refused.status).toBe(409);
      expect(refused.json().error).toEqual({
        code: 'already-scored',
        message: expect.stringMatching(/^assessor1 has already uploaded a score for this packet \(revision 1\)/),
      });
      expect(await listAssignments(`?packetId=${packetId}`)).toEqual([record]);
      expect((await hub.api('GET', `/api/v1/packets/${packetId}`, { token: assessor.token })).status).toBe(200);
      expect(await auditRows('assignment.delete', `packet:${packetId}`)).toEqual([]);
    });

    it('a second assignment of the same packet in another window can go; then the last one cannot', async () => {
      const [first, second] = [await openWindow(hub, admin), await openWindow(hub, admin)];
      const packetId = await uploadPacket(hub, admin);
      const kept = await assign(hub, admin, first, packetId, assessor);
      const extra = await assign(hub, admin, second, packetId, assessor);
      expect((await putScore(assessor, packetId)).status).toBe(201);
      expect((await hub.api('DELETE', `/api/v1/assignments/${extra.id}`, { token: admin.token })).status).toBe(204);
      expect((await hub.api('DELETE', `/api/v1/assignments/${kept.id}`, { token: admin.token })).status).toBe(409);
      // Another assessor's scores do not hold up this assessor's assignment, and the reverse.
      const theirs = await assign(hub, admin, first, packetId, other);
      expect((await hub.api('DELETE', `/api/v1/assignments/${theirs.id}`, { token: admin.token })).status).toBe(204);
    });

    it('a score upload racing an unassign: exactly one of them wins', async () => {
      const windowId = await openWindow(hub, admin);
      for (let round = 0; round < 5; round++) {
        const packetId = await uploadPacket(hub, admin);
        const record = await assign(hub, admin, windowId, packetId, assessor);
        const [score, removal] = await Promise.all([
          putScore(assessor, packetId),
          hub.api('DELETE', `/api/v1/assignments/${record.id}`, { token: admin.token }),
        ]);
        if (score.status === 201) {
          expect(removal.status).toBe(409);
          expect(await listAssignments(`?packetId=${packetId}`)).toHaveLength(1);
        } else {
          expect([score.status, removal.status]).toEqual([404, 204]);
          const rows = await hub.running.hub.db.query('select 1 from scores where packet_id = $1', [packetId]);
          expect(rows).toEqual([]);
        }
      }
    });
  });
});
