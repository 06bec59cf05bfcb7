import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import { addUser, openWindow, startTestHub, type TestHub, type TestUser } from './support/hub';

/** The audit trail, exported: every state change with who, when and what, as JSON or CSV, by date. */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
    chair = await addUser(hub, 'chair1', ['chair']);
    await openWindow(hub, admin, { name: 'Spring window' });
  });
  afterAll(() => hub.close());

  it('lists every change oldest first, naming the actor, as JSON and as CSV', async () => {
    const { entries } = (await hub.api('GET', '/api/v1/audit', { token: chair.token })).json();
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('session.sign-in');
    const created = entries.find((e: { action: string }) => e.action === 'window.create');
    expect(created).toMatchObject({ actorUsername: 'admin1', subject: expect.stringMatching(/^window:/) });
    expect(created.detail).toMatchObject({ name: 'Spring window' });
    expect(entries.map((e: { id: number }) => e.id)).toEqual(
      [...entries.map((e: { id: number }) => e.id)].sort((a, b) => a - b),
    );

    const csv = await hub.api('GET', '/api/v1/audit?format=csv', { token: admin.token });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.body.toString().trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,subject,detail');
    expect(lines.some((line) => /,admin1,window\.create,window:/.test(line) && line.includes('Spring window'))).toBe(
      true,
    );
  });

  it('filters by date, and names a bad date or format', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await hub.api('GET', `/api/v1/audit?since=${future}`, { token: admin.token })).json().entries).toEqual([]);
    const bad = await hub.api('GET', '/api/v1/audit?since=yesterday', { token: admin.token });
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toMatch(/since must be a date-time/);
    expect((await hub.api('GET', '/api/v1/audit?format=xml', { token: admin.token })).status).toBe(400);
  });
});
