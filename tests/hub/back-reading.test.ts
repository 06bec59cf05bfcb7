import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addUser,
  assign,
  scoreRecord,
  staffHub,
  startTestHub,
  uploadPacket,
  type Staff,
  type TestHub,
  type TestUser,
} from './support/hub';

/**
 * Back-reading: a scoring lead reads a window's scored packets, scoring by scoring, leaves private
 * notes and sends a packet to adjudication; a conflicted lead gets 404 for that packet's anything.
 */
let hub: TestHub;
let staff: Staff;
let lead: TestUser;
let conflictedLead: TestUser;
const packets = {} as Record<'first' | 'second' | 'harbor' | 'unscored', string>;

async function score(user: TestUser, packetId: string) {
  const record = scoreRecord(packetId, user.username);
  const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
    token: user.token,
    json: { baseRevision: 0, record },
  });
  expect(put.status).toBe(201);
  return record.id;
}

beforeAll(async () => {
  hub = await startTestHub();
  staff = await staffHub(hub);
  lead = await addUser(hub, 'lead1', ['lead']);
  // A lead who also assesses, so they can declare a conflict.
  conflictedLead = await addUser(hub, 'lead2', ['lead', 'assessor']);
  const { admin, assessor, other, windowId } = staff;
  packets.first = await uploadPacket(hub, admin);
  packets.second = await uploadPacket(hub, admin);
  packets.harbor = await uploadPacket(hub, admin, '?district=Harbor%20City%20SD');
  packets.unscored = await uploadPacket(hub, admin);
  for (const id of Object.values(packets)) await assign(hub, admin, windowId, id, assessor);
  await assign(hub, admin, windowId, packets.second, other);
  await score(assessor, packets.first);
  await score(assessor, packets.harbor);
  await score(assessor, packets.second);
  await score(other, packets.second);
  const declared = await hub.api('POST', '/api/v1/conflicts', {
    token: conflictedLead.token,
    json: { district: 'harbor city sd' },
  });
  expect(declared.status).toBe(201);
});
afterAll(() => hub.close());

const base = () => `/api/v1/windows/${staff.windowId}`;
const packetPath = (packetId: string) => `${base()}/packets/${packetId}/back-reading`;

it('lists the scored packets newest scoring first, and samples one assessor', async () => {
  const list = (await hub.api('GET', `${base()}/back-reading`, { token: lead.token })).json();
  expect(list.packets.map((p: { packetId: string }) => p.packetId)).toEqual([
    packets.second,
    packets.harbor,
    packets.first,
  ]);
  expect(list.packets[0].scorings.map((s: { assessorUsername: string }) => s.assessorUsername)).toEqual([
    'assessor1',
    'assessor2',
  ]);
  expect(list.assessors.map((a: { username: string }) => a.username)).toEqual(['assessor1', 'assessor2']);
  const sampled = (
    await hub.api('GET', `${base()}/back-reading?assessorId=${staff.other.id}`, { token: lead.token })
  ).json();
  expect(sampled.packets.map((p: { packetId: string }) => p.packetId)).toEqual([packets.second]);
  expect((await hub.api('GET', `${base()}/back-reading?assessorId=nope`, { token: lead.token })).status).toBe(400);
});

it('a lead reads every scoring in full but never the assessors’ private notes, and the reading is audited', async () => {
  const read = await hub.api('GET', packetPath(packets.second), { token: lead.token });
  expect(read.status).toBe(200);
  const view = read.json();
  expect(view.scorings).toHaveLength(2);
  expect(view.scorings[0].record.criteria.length).toBeGreaterThan(0);
  for (const scoring of view.scorings) expect(scoring.record.privateNotes).toBe('');
  // The lead may open the packet and its evidence from there.
  expect((await hub.api('GET', `/api/v1/packets/${packets.second}`, { token: lead.token })).status).toBe(200);
  expect(
    (await hub.api('GET', `/api/v1/packets/${packets.second}/evidence/item-2`, { token: lead.token })).status,
  ).toBe(200);
  const audit = (await hub.api('GET', '/api/v1/audit?action=back-reading.read', { token: staff.admin.token })).json();
  expect(audit.entries.at(-1)).toMatchObject({ actorUsername: 'lead1', subject: `packet:${packets.second}` });
});

it('a lead cannot open a packet nobody has scored', async () => {
  expect((await hub.api('GET', packetPath(packets.unscored), { token: lead.token })).status).toBe(404);
  expect((await hub.api('GET', `/api/v1/packets/${packets.unscored}`, { token: lead.token })).status).toBe(404);
});

it('a private note is kept, audited, and readable by leads and chairs only', async () => {
  const posted = await hub.api('POST', `${packetPath(packets.first)}/notes`, {
    token: lead.token,
    json: { text: '  Rationale for design cites the wrong artefact.  ' },
  });
  expect(posted.status).toBe(201);
  expect(posted.json()).toMatchObject({
    authorUsername: 'lead1',
    text: 'Rationale for design cites the wrong artefact.',
  });
  const chairView = (await hub.api('GET', packetPath(packets.first), { token: staff.chair.token })).json();
  expect(chairView.notes.map((n: { text: string }) => n.text)).toEqual([
    'Rationale for design cites the wrong artefact.',
  ]);
  // The assessor has no way to them.
  expect((await hub.api('GET', packetPath(packets.first), { token: staff.assessor.token })).status).toBe(403);
  const empty = await hub.api('POST', `${packetPath(packets.first)}/notes`, { token: lead.token, json: { text: ' ' } });
  expect(empty.status).toBe(400);
  const list = (await hub.api('GET', `${base()}/back-reading`, { token: lead.token })).json();
  expect(list.packets.find((p: { packetId: string }) => p.packetId === packets.first).notes).toBe(1);
  const audit = (await hub.api('GET', '/api/v1/audit?action=back-reading.note', { token: staff.admin.token })).json();
  expect(audit.entries).toHaveLength(1);
});

it('sending to adjudication opens one with the reason, once; the chair sees it in the quality view', async () => {
  const path = `${packetPath(packets.first)}/adjudication`;
  const reason = 'Decision not supported by the levels.';
  const sent = await hub.api('POST', path, { token: lead.token, json: { reason } });
  expect(sent.status).toBe(201);
  expect(sent.json()).toMatchObject({ status: 'open', discrepancies: [{ kind: 'back-read', reason }] });
  const again = await hub.api('POST', path, { token: staff.chair.token, json: { reason } });
  expect(again.status).toBe(409);
  expect(again.json().error.code).toBe('adjudication-exists');
  const quality = (await hub.api('GET', `${base()}/quality`, { token: staff.chair.token })).json();
  expect(quality.adjudications).toEqual([expect.objectContaining({ packetId: packets.first, status: 'open' })]);
  const audit = (
    await hub.api('GET', `/api/v1/audit?action=adjudication.open&subject=${packets.first}`, {
      token: staff.admin.token,
    })
  ).json();
  expect(audit.entries).toEqual([expect.objectContaining({ actorUsername: 'lead1' })]);
});

it('a conflicted lead gets 404 for the packet’s back-reading, notes, adjudication and evidence, and does not see it listed', async () => {
  const token = conflictedLead.token;
  expect((await hub.api('GET', packetPath(packets.harbor), { token })).status).toBe(404);
  const note = await hub.api('POST', `${packetPath(packets.harbor)}/notes`, { token, json: { text: 'x' } });
  expect(note.status).toBe(404);
  const sent = await hub.api('POST', `${packetPath(packets.harbor)}/adjudication`, { token, json: { reason: 'x' } });
  expect(sent.status).toBe(404);
  expect((await hub.api('GET', `/api/v1/packets/${packets.harbor}/evidence/item-2`, { token })).status).toBe(404);
  // Nor its manifest, which opening the evidence reads first.
  expect((await hub.api('GET', `/api/v1/packets/${packets.harbor}`, { token })).status).toBe(404);
  const list = (await hub.api('GET', `${base()}/back-reading`, { token })).json();
  expect(list.packets.map((p: { packetId: string }) => p.packetId)).not.toContain(packets.harbor);
  // The unconflicted lead still reads it.
  expect((await hub.api('GET', packetPath(packets.harbor), { token: lead.token })).status).toBe(200);
});
