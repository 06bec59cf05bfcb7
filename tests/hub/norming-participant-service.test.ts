import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeEventBus, type BridgeEventMessage } from '../../src/main/bridge/events';
import { createBridgeHandlers } from '../../src/main/bridge/handlers';
import { HubService } from '../../src/main/hub/hub-service';
import { READING_COPY_DAYS } from '../../src/main/hub/evidence-retention';
import { anchorFrom } from '../../src/main/hub/norming-participant';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { Workspaces } from '../../src/main/workspaces/workspaces';
import { tempDir } from '../support/packets';
import { addUser, PASSWORD, scoreRecord, startTestHub, type TestHub, type TestUser } from './support/hub';
import { CRITERION, normingSession } from './support/norming';

// The participant's side of norming in the main process, against a real hub: what the bridge
// channels norming.* and hub.uploadScore (with a norming destination) do.

let hub: TestHub;
let admin: TestUser;
let facilitator: TestUser;
let p1: TestUser;
let p2: TestUser;
let dir: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await addUser(hub, 'admin1', ['admin']);
  facilitator = await addUser(hub, 'facilitator1', ['facilitator']);
  p1 = await addUser(hub, 'assessor1', ['assessor']);
  p2 = await addUser(hub, 'assessor2', ['assessor']);
  dir = await tempDir('anchor-norming-participant-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

async function signedIn(name: string, username: string) {
  const events: BridgeEventMessage[] = [];
  const bus = new BridgeEventBus(() => undefined);
  bus.subscribe((m) => events.push(m));
  const dataDir = join(dir, name);
  const hubs = await new HubService({
    dataDir,
    workspaces: new Workspaces(dataDir),
    tokens: new MemoryTokenStore(),
    log: () => undefined,
    events: bus,
  }).open();
  await hubs.signIn(hub.running.url, username, PASSWORD);
  return { hubs, events };
}

describe('a participant’s norming in the main process', () => {
  it('lists the caller’s sessions and shows one blind before the reveal', async () => {
    const { sessionId } = await normingSession(hub, { staff: facilitator, uploader: admin, participants: [p1, p2] });
    const { hubs } = await signedIn('list', 'assessor1');
    const { sessions } = await hubs.norming.sessions();
    expect(sessions.map((s) => [s.id, s.role, s.status])).toContainEqual([sessionId, 'participant', 'open']);
    const view = await hubs.norming.session(sessionId);
    expect(view.anchors.every((a) => a.masters === undefined && a.distribution === undefined)).toBe(true);
    expect(view.participants).toBeUndefined();
    await hubs.close();
  });

  it('downloads anchors into the workspace as anchors, kept when the assignments are listed', async () => {
    const { sessionId, packetIds } = await normingSession(hub, {
      staff: facilitator,
      uploader: admin,
      participants: [p1],
      masters: ['l3', 'l2'],
    });
    const { hubs, events } = await signedIn('pull', 'assessor1');
    await expect(hubs.norming.pullAnchors(sessionId, [crypto.randomUUID()])).rejects.toThrow(/not an anchor/);
    await hubs.norming.pullAnchors(sessionId);
    await expect
      .poll(async () => (await hubs.norming.anchorPulls()).map((p) => p.state), { timeout: 20_000 })
      .toEqual(['done', 'done']);
    const store = (await hubs.currentWorkspace()).store;
    for (const packetId of packetIds) expect(store.source(packetId)).toBe(anchorFrom(hub.running.url));
    // Progress reaches the page throttled (pull-queue.ts), so it may come just after the pulls end.
    await expect.poll(() => events.some((e) => e.event === 'norming.anchorPullsChanged')).toBe(true);
    // Marked for the queue to leave out (they are scored from the Norming screen).
    const listed = await createBridgeHandlers({ hub: hubs, version: '1', transport: 'ipc' })['packets.list']({});
    expect(listed.map((p) => p.normingAnchor)).toEqual([true, true]);
    // Not assignments: listing them must not purge the anchors as "unassigned".
    const { purged } = await hubs.assignments();
    expect(purged).toEqual([]);
    expect(
      store
        .list()
        .map((p) => p.packetId)
        .sort(),
    ).toEqual([...packetIds].sort());
    await hubs.close();

    // A start within the anchors' time keeps them; the first start READING_COPY_DAYS after the download removes them.
    const startAt = async (days: number) => {
      const dataDir = join(dir, 'pull');
      const workspaces = new Workspaces(dataDir);
      const later = await new HubService({
        dataDir,
        workspaces,
        tokens: new MemoryTokenStore(),
        log: () => undefined,
        now: () => Date.now() + days * 86_400_000,
      }).open();
      const here = (await workspaces.all()).flatMap((w) => w.store.list().map((p) => p.packetId));
      await later.close();
      return here;
    };
    await expect(startAt(READING_COPY_DAYS - 1)).resolves.toHaveLength(2);
    await expect(startAt(READING_COPY_DAYS)).resolves.toEqual([]);
  });

  it('uploads to the session once, and a score after the reveal comes back with the hub’s late message', async () => {
    const { sessionId, packetIds } = await normingSession(hub, {
      staff: facilitator,
      uploader: admin,
      participants: [p1],
      masters: ['l3', 'l2'],
    });
    const { hubs } = await signedIn('upload', 'assessor1');
    const destination = { kind: 'norming', sessionId } as const;
    const first = scoreRecord(packetIds[0]!, 'assessor1', {
      criteria: [{ criterionId: CRITERION, levelId: 'l3', rationale: 'aligned' }],
    });
    const stored = await hubs.uploadScore(first, 0, undefined, destination);
    expect(stored).toMatchObject({ kind: 'stored', receipt: { scoreId: first.id } });
    expect(stored).not.toHaveProperty('notice');
    expect(await hubs.uploadScore(first, 0, undefined, destination)).toEqual(stored); // idempotent by id

    const reveal = await hub.api('POST', `/api/v1/norming/sessions/${sessionId}/reveal`, { token: facilitator.token });
    expect(reveal.status).toBe(200);
    const late = scoreRecord(packetIds[1]!, 'assessor1', {
      criteria: [{ criterionId: CRITERION, levelId: 'l2', rationale: 'late' }],
    });
    const outcome = await hubs.uploadScore(late, 0, undefined, destination);
    expect(outcome.kind).toBe('stored');
    expect(outcome.kind === 'stored' && outcome.notice).toMatch(/.+/);

    const stranger = await hubs.uploadScore(scoreRecord(packetIds[0]!, 'assessor1'), 0, undefined, {
      kind: 'norming',
      sessionId: crypto.randomUUID(),
    });
    expect(stranger.kind).toBe('rejected');
    await hubs.close();
  });

  it('tells the page when the hub announces a session change', async () => {
    const { sessionId } = await normingSession(hub, { staff: facilitator, uploader: admin, participants: [p2] });
    const { hubs, events } = await signedIn('events', 'assessor2');
    await expect.poll(() => hubs.status().then((s) => s.live), { timeout: 10_000 }).toBe(true);
    await hub.api('POST', `/api/v1/norming/sessions/${sessionId}/reveal`, { token: facilitator.token });
    await expect
      .poll(
        () =>
          events.find(
            (e) => e.event === 'norming.changed' && (e.payload as { sessionId: string }).sessionId === sessionId,
          ),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ payload: { sessionId, status: 'revealed' } });
    await hubs.close();
  });
});
