import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUserView } from '../../src/shared/contract/hub-api';
import { forEachBackend } from './support/backends';
import {
  addUser,
  openWindow,
  PASSWORD,
  signIn,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
  });
  afterAll(() => hub.close());

  const patchUser = (userId: string, json: unknown, token = admin.token) =>
    hub.api('PATCH', `/api/v1/users/${userId}`, { token, json });
  const listUsers = async () =>
    (await hub.api('GET', '/api/v1/users', { token: admin.token })).json().users as AdminUserView[];
  const auditRows = (subject: string) =>
    hub.running.hub.db.query<{ actor: string; detail: Record<string, unknown> }>(
      `select actor, detail from audit_log where action = 'user.update' and subject = $1 order by id`,
      [subject],
    );
  const trySignIn = (username: string, password = PASSWORD) =>
    hub.api('POST', '/api/v1/session', { json: { username, password } });

  /** Opens an event stream; `ended` resolves when the hub closes it, `stop` closes it from this side. */
  async function stream(token: string) {
    const controller = new AbortController();
    const response = await fetch(`${hub.running.url}/api/v1/events`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const ended = (async () => {
      const reader = response.body!.getReader();
      while (!(await reader.read()).done);
    })().catch(() => undefined);
    return { ended, stop: () => controller.abort() };
  }

  describe('GET /users', () => {
    it('lists every account by username, with roles and whether it is disabled, and no secrets', async () => {
      const zed = await addUser(hub, 'zed-list', ['assessor', 'chair']);
      const users = await listUsers();
      const names = users.map((u) => u.username);
      expect(names).toEqual([...names].sort());
      expect(users.find((u) => u.id === zed.id)).toEqual({
        id: zed.id,
        username: 'zed-list',
        roles: ['assessor', 'chair'],
        disabled: false,
        createdAt: expect.any(String),
      });
    });
  });

  describe('PATCH /users/{userId}', () => {
    it('changes roles, effective on the next request with the same token, and audits before and after', async () => {
      const user = await addUser(hub, 'promoted', ['assessor']);
      expect((await hub.api('GET', '/api/v1/windows', { token: user.token })).status).toBe(403);
      const answer = await patchUser(user.id, { roles: ['chair', 'assessor', 'chair'] });
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ id: user.id, roles: ['chair', 'assessor'], disabled: false });
      expect((await hub.api('GET', '/api/v1/windows', { token: user.token })).status).toBe(200);
      expect(await auditRows(`user:${user.id}`)).toEqual([
        {
          actor: admin.id,
          detail: {
            username: 'promoted',
            before: { roles: ['assessor'] },
            after: { roles: ['chair', 'assessor'] },
            sessionsEnded: 0,
          },
        },
      ]);
      // The same roles again (in any order) change nothing and write nothing.
      expect((await patchUser(user.id, { roles: ['assessor', 'chair'] })).status).toBe(200);
      expect(await auditRows(`user:${user.id}`)).toHaveLength(1);
    });

    it('closes the account’s event streams when its roles change, so they reconnect with the new rights', async () => {
      const user = await addUser(hub, 'streaming', ['assessor']);
      const open = await stream(user.token);
      await patchUser(user.id, { roles: ['assessor', 'chair'] });
      await open.ended;
      // The token still works: the stream reconnects and now sees what a chair sees.
      (await stream(user.token)).stop();
    });

    it('disabling ends every session at once: access and refresh tokens, event streams; sign-in says disabled', async () => {
      const user = await addUser(hub, 'leaver', ['assessor']);
      const second = await signIn(hub, 'leaver');
      const open = await stream(user.token);

      const answer = await patchUser(user.id, { disabled: true });
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ disabled: true, roles: ['assessor'] });
      await open.ended;
      expect((await hub.api('GET', '/api/v1/assignments', { token: user.token })).status).toBe(401);
      expect((await hub.api('GET', '/api/v1/assignments', { token: second.accessToken })).status).toBe(401);
      const refresh = await hub.api('POST', '/api/v1/session/refresh', { json: { refreshToken: second.refreshToken } });
      expect(refresh.status).toBe(401);

      const refused = await trySignIn('leaver');
      expect(refused.status).toBe(403);
      expect(refused.json().error.code).toBe('account-disabled');
      // Without the password, a disabled account looks like any other.
      expect((await trySignIn('leaver', 'wrong password')).json().error.code).toBe('invalid-credentials');
      expect((await listUsers()).find((u) => u.id === user.id)?.disabled).toBe(true);
      expect(await auditRows(`user:${user.id}`)).toEqual([
        {
          actor: admin.id,
          detail: { username: 'leaver', before: { disabled: false }, after: { disabled: true }, sessionsEnded: 2 },
        },
      ]);

      expect((await patchUser(user.id, { disabled: false })).json()).toMatchObject({ disabled: false });
      expect((await trySignIn('leaver')).status).toBe(200);
    });

    it('disabled assessors get no new assignments, by hand or automatically', async () => {
      const kept = await addUser(hub, 'auto-kept', ['assessor']);
      const gone = await addUser(hub, 'auto-gone', ['assessor']);
      await patchUser(gone.id, { disabled: true });
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin);
      const manual = await hub.api('POST', '/api/v1/assignments', {
        token: admin.token,
        json: { windowId, packetId, assessorId: gone.id },
      });
      expect(manual.status).toBe(409);
      expect(manual.json().error.code).toBe('account-disabled');
      const auto = await hub.api('POST', '/api/v1/assignments/auto', {
        token: admin.token,
        json: { windowId, packetIds: [packetId], assessorsPerPacket: 10 },
      });
      const assigned = (auto.json().created as { assessorId: string }[]).map((c) => c.assessorId);
      expect(assigned).toContain(kept.id);
      expect(assigned).not.toContain(gone.id);
    });

    it('never leaves the hub without an enabled admin', async () => {
      const lone = await startTestHub({ backend });
      try {
        const only = await addUser(lone, 'only-admin', ['admin']);
        const patch = (json: unknown) => lone.api('PATCH', `/api/v1/users/${only.id}`, { token: only.token, json });
        for (const change of [{ roles: ['chair'] }, { disabled: true }]) {
          const refused = await patch(change);
          expect(refused.status).toBe(409);
          expect(refused.json().error.code).toBe('last-admin');
        }
        const deputy = await addUser(lone, 'deputy-admin', ['admin']);
        expect((await patch({ roles: ['chair'] })).status).toBe(200);
        // Now the deputy is the only one, and cannot step down either.
        const deputyPatch = await lone.api('PATCH', `/api/v1/users/${deputy.id}`, {
          token: deputy.token,
          json: { disabled: true },
        });
        expect(deputyPatch.json().error.code).toBe('last-admin');
      } finally {
        await lone.close();
      }
    });

    it('refuses empty, unknown-field and bad-role bodies; unknown accounts are 404', async () => {
      const user = await addUser(hub, 'validated', ['assessor']);
      expect((await patchUser(user.id, {})).json().error.message).toMatch(/change roles, disabled or both/);
      expect((await patchUser(user.id, { roles: [] })).status).toBe(400);
      expect((await patchUser(user.id, { roles: ['root'] })).status).toBe(400);
      expect((await patchUser(user.id, { password: 'new one please' })).status).toBe(400);
      expect((await patchUser(user.id, { disabled: 'yes' })).status).toBe(400);
      expect((await patchUser(randomUUID(), { disabled: true })).status).toBe(404);
      expect((await patchUser('admin1', { disabled: true })).status).toBe(404);
    });
  });
});
