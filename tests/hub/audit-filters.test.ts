import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, openWindow, startTestHub, type TestHub, type TestUser } from './support/hub';

/** The audit screen's queries: filters by action, actor and subject, newest first, paged by id. */
let hub: TestHub;
let admin: TestUser;
let windows: string[];

beforeAll(async () => {
  hub = await startTestHub();
  admin = await addUser(hub, 'admin1', ['admin']);
  await addUser(hub, 'chair1', ['chair']);
  windows = [];
  for (let i = 0; i < 5; i += 1) windows.push(await openWindow(hub, admin, { name: `Window ${i}` }));
});
afterAll(() => hub.close());

type Entry = { id: number; action: string; subject: string; actorUsername: string | null };
const get = async (query: string) => hub.api('GET', `/api/v1/audit?${query}`, { token: admin.token });

it('pages newest first through the entries of one action, and says when more follow', async () => {
  const first = (await get('action=window.create&order=desc&limit=2')).json();
  expect(first.entries.map((e: Entry) => e.subject)).toEqual([`window:${windows[4]}`, `window:${windows[3]}`]);
  expect(first.hasMore).toBe(true);
  const last = (await get(`action=window.create&order=desc&limit=3&before=${first.entries[1].id}`)).json();
  expect(last.entries.map((e: Entry) => e.subject)).toEqual([2, 1, 0].map((i) => `window:${windows[i]}`));
  expect(last.hasMore).toBe(false);
});

it('filters by actor and by subject, exact or by bare id, in JSON and CSV alike', async () => {
  const byActor = (await get('actor=chair1')).json().entries as Entry[];
  expect(byActor.map((e) => e.action)).toEqual(['session.sign-in']);
  const exact = (await get(`subject=window:${windows[2]}`)).json().entries as Entry[];
  const bare = (await get(`subject=${windows[2]}`)).json().entries as Entry[];
  expect(exact.map((e) => e.action)).toEqual(['window.create']);
  expect(bare).toEqual(exact);
  const csv = (await get(`format=csv&subject=${windows[2]}`)).body.toString().trim().split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`window:${windows[2]}`);
});

it('names a bad order, limit or page', async () => {
  for (const query of ['order=sideways', 'limit=0', 'limit=1001', 'before=x']) {
    const answer = await get(query);
    expect(answer.status).toBe(400);
    expect(answer.json().error.code).toBe('invalid-query');
  }
});
