import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPacket } from '../../src/hub/store/packets';
import type { PacketList, PacketListRow } from '../../src/shared/contract/packet-list';
import { PacketManifest } from '../../src/shared/packet/manifest';
import { manifestFor, type TestFile } from '../support/packets';
import { assign, openWindow, staffHub, startTestHub, uploadPacket, type Staff, type TestHub } from './support/hub';
import { normingSession } from './support/norming';

const MINUTE = 60_000;
const NOTES: TestFile[] = [
  { path: 'notes.txt', data: Buffer.from('Exit tickets, week 3.\n'), kind: 'text', mediaType: 'text/plain' },
];

/**
 * GET /api/v1/packets: the hub's packets, newest upload first, with filters (text, window,
 * assigned, kind), keyset paging, chairs without school and district, conflicted packets hidden,
 * and malformed filters refused with a problem per parameter. One backend: the SQL is plain.
 */
describe('the packet list', () => {
  let hub: TestHub;
  let staff: Staff;
  let otherWindow: string;
  /** Packets seeded through the store, oldest first: pseudonym, credential title, school. */
  const seeded: Record<string, string> = {};
  let anchorId: string;
  let validityId: string;

  /** A packet row straight through the store, uploaded `minutesAgo` (the list reads rows, not blobs). */
  async function seed(pseudonym: string, title: string, minutesAgo: number, school: string | null = null) {
    const packetId = randomUUID();
    const manifest = PacketManifest.parse(manifestFor(NOTES, packetId));
    await insertPacket(hub.running.hub.db, {
      manifest: { ...manifest, candidate: { pseudonym }, credential: { ...manifest.credential, title } },
      manifestSha256: '0'.repeat(64),
      uploadedBy: staff.admin.id,
      uploadedAt: hub.running.hub.now() - minutesAgo * MINUTE,
      school,
      district: school === null ? null : 'Harbor City SD',
    });
    seeded[pseudonym] = packetId;
    return packetId;
  }

  const list = async (query: string, token = staff.admin.token) => {
    const answer = await hub.api('GET', `/api/v1/packets${query}`, { token });
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json<PacketList>();
  };
  const names = (page: PacketList) => page.packets.map((p) => p.pseudonym);

  beforeAll(async () => {
    hub = await startTestHub();
    staff = await staffHub(hub);
    otherWindow = await openWindow(hub, staff.admin);
    await seed('Alder 01', 'Checking for Understanding', 50, 'Harbor High');
    await seed('Birch 02', 'Analyzing Student Work', 40);
    await seed('Cedar 03', 'Planning 100% Professional Learning', 30);
    await seed('Dogwood 04', 'Checking for Understanding', 20);
    await seed('Elm 05', 'Analyzing Student Work', 10);
    await assign(hub, staff.admin, staff.windowId, seeded['Birch 02']!, staff.assessor);
    await assign(hub, staff.admin, staff.windowId, seeded['Birch 02']!, staff.other);
    await assign(hub, staff.admin, otherWindow, seeded['Dogwood 04']!, staff.assessor);
    validityId = seeded['Elm 05']!;
    const marked = await hub.api('PUT', `/api/v1/windows/${staff.windowId}/validity/${validityId}`, {
      token: staff.chair.token,
      json: { decision: 'earned', masters: [{ criterionId: 'design', levelId: 'l3' }] },
    });
    expect(marked.status, marked.body.toString()).toBe(200);
    const norming = await normingSession(hub, {
      staff: staff.admin,
      uploader: staff.admin,
      participants: [staff.assessor],
    });
    anchorId = norming.packetIds[0]!;
  });
  afterAll(() => hub.close());

  it('lists every packet newest upload first, with what an admin needs to assign it', async () => {
    const page = await list('');
    expect(names(page)).toEqual(['Candidate T-0001', 'Elm 05', 'Dogwood 04', 'Cedar 03', 'Birch 02', 'Alder 01']);
    expect(page).toMatchObject({ hasMore: false, nextBefore: null });
    const alder = page.packets.find((p) => p.pseudonym === 'Alder 01')!;
    expect(alder).toEqual<PacketListRow>({
      packetId: seeded['Alder 01']!,
      pseudonym: 'Alder 01',
      credentialId: 'cfu',
      credentialTitle: 'Checking for Understanding',
      attempt: 1,
      uploadedAt: alder.uploadedAt,
      evidenceCount: 1,
      totalBytes: NOTES[0]!.data.length,
      school: 'Harbor High',
      district: 'Harbor City SD',
      assignments: { inWindow: null, total: 0 },
      anchor: false,
      validity: false,
    });
    const birch = page.packets.find((p) => p.pseudonym === 'Birch 02')!;
    expect(birch.assignments).toEqual({ inWindow: null, total: 2 });
    expect(page.packets.find((p) => p.packetId === anchorId)).toMatchObject({ anchor: true, validity: false });
    // Without a window, validity means "a validity packet of some window".
    expect(page.packets.find((p) => p.packetId === validityId)).toMatchObject({ anchor: false, validity: true });
  });

  it('lists what is still to assign in a window in one call: unassigned there, live', async () => {
    const page = await list(`?windowId=${staff.windowId}&assigned=none&kind=live`);
    // Dogwood is assigned, but in another window; Birch here; Elm is this window's validity packet.
    expect(names(page)).toEqual(['Dogwood 04', 'Cedar 03', 'Alder 01']);
    expect(page.packets.find((p) => p.pseudonym === 'Dogwood 04')!.assignments).toEqual({ inWindow: 0, total: 1 });

    const assigned = await list(`?windowId=${staff.windowId}&assigned=some`);
    expect(names(assigned)).toEqual(['Birch 02']);
    expect(assigned.packets[0]!.assignments).toEqual({ inWindow: 2, total: 2 });
    // Without a window, "none" means never assigned anywhere.
    expect(names(await list('?assigned=none&kind=live'))).toEqual(['Cedar 03', 'Alder 01']);
  });

  it('shows norming anchors and validity packets as such, per window', async () => {
    expect((await list('?kind=anchor')).packets.map((p) => p.packetId)).toEqual([anchorId]);
    expect(names(await list(`?kind=validity&windowId=${staff.windowId}`))).toEqual(['Elm 05']);
    // Elm is a validity packet of the first window only: in the other it is live work.
    expect(await list(`?kind=validity&windowId=${otherWindow}`)).toMatchObject({ packets: [] });
    const elsewhere = await list(`?windowId=${otherWindow}&kind=live`);
    expect(elsewhere.packets.find((p) => p.packetId === validityId)).toMatchObject({ validity: false });
    expect(elsewhere.packets.some((p) => p.packetId === anchorId)).toBe(false);
  });

  it('searches pseudonym and credential title, ignoring case; % is a character, not a wildcard', async () => {
    expect(names(await list('?q=dogWOOD'))).toEqual(['Dogwood 04']);
    expect(names(await list('?q=student%20WORK'))).toEqual(['Elm 05', 'Birch 02']);
    expect(names(await list('?q=100%25'))).toEqual(['Cedar 03']);
    expect(names(await list('?q=%25'))).toEqual(['Cedar 03']);
    expect(names(await list('?q=%20%20'))).toHaveLength(6);
  });

  it('pages by a keyset: every packet once across page boundaries, even when a packet arrives meanwhile', async () => {
    const first = await list('?limit=2');
    expect(first).toMatchObject({ hasMore: true });
    expect(names(first)).toEqual(['Candidate T-0001', 'Elm 05']);
    // A new upload goes to the front of the list; it must not shift the next page.
    const lateId = await uploadPacket(hub, staff.admin);
    const seen = [...first.packets];
    let cursor = first.nextBefore;
    while (cursor !== null) {
      const page = await list(`?limit=2&before=${encodeURIComponent(cursor)}`);
      seen.push(...page.packets);
      cursor = page.nextBefore;
      expect(page.hasMore).toBe(cursor !== null);
    }
    expect(seen.map((p) => p.pseudonym)).toEqual(
      names(first).concat(['Dogwood 04', 'Cedar 03', 'Birch 02', 'Alder 01']),
    );
    // …and the upload is listed at once, first.
    expect((await list('?limit=1')).packets[0]!.packetId).toBe(lateId);
    // Filters and the cursor combine.
    const live = await list(`?windowId=${staff.windowId}&assigned=none&kind=live&limit=1`);
    const next = await list(
      `?windowId=${staff.windowId}&assigned=none&kind=live&limit=5&before=${encodeURIComponent(live.nextBefore!)}`,
    );
    expect(names(next)).not.toContain(live.packets[0]!.pseudonym);
    expect(next.hasMore).toBe(false);
  });

  it('gives a chair the list without school or district', async () => {
    const page = await list('', staff.chair.token);
    expect(page.packets.length).toBeGreaterThan(0);
    for (const packet of page.packets) {
      expect(packet).not.toHaveProperty('school');
      expect(packet).not.toHaveProperty('district');
    }
  });

  it('a conflicted chair cannot see a packet from a school they declared a conflict with', async () => {
    const declared = await hub.api('POST', '/api/v1/conflicts', {
      token: staff.chair.token,
      json: { school: '  harbor HIGH ' },
    });
    expect(declared.status).toBe(201);
    const asChair = await list('', staff.chair.token);
    expect(asChair.packets.map((p) => p.packetId)).not.toContain(seeded['Alder 01']);
    expect(names(await list('?q=alder', staff.chair.token))).toEqual([]);
    // Nobody else is affected.
    expect(names(await list('?q=alder'))).toEqual(['Alder 01']);
  });

  it('refuses a malformed filter with a problem per parameter, and an unknown window with 404', async () => {
    const answer = await hub.api(
      'GET',
      '/api/v1/packets?limit=0&kind=draft&windowId=nope&assigned=all&before=yesterday&colour=red',
      { token: staff.admin.token },
    );
    expect(answer.status).toBe(400);
    const { error } = answer.json<{ error: { code: string; problems: { path: string; message: string }[] } }>();
    expect(error.code).toBe('invalid-query');
    expect(error.problems.map((p) => p.path).sort()).toEqual([
      'query',
      'query.assigned',
      'query.before',
      'query.kind',
      'query.limit',
      'query.windowId',
    ]);
    expect(error.problems.find((p) => p.path === 'query')!.message).toContain('"colour"');
    expect((await hub.api('GET', '/api/v1/packets?limit=1001', { token: staff.admin.token })).status).toBe(400);
    expect((await hub.api('GET', '/api/v1/packets?limit=2.5', { token: staff.admin.token })).status).toBe(400);
    const unknown = await hub.api('GET', `/api/v1/packets?windowId=${randomUUID()}`, { token: staff.admin.token });
    expect(unknown.status).toBe(404);
  });
});
