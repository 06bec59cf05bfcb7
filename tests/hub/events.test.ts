import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubEvent } from '../../src/shared/contract/hub-api';
import {
  addUser,
  staffHub,
  openWindow,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

let hub: TestHub;
let admin: TestUser;
let chair: TestUser;
let assessor: TestUser;
let other: TestUser;
let windowId: string;

beforeAll(async () => {
  hub = await startTestHub({ heartbeatMs: 200 });
  ({ admin, chair, assessor, other, windowId } = await staffHub(hub));
});
afterAll(() => hub.close());

/** An open event stream that collects parsed events, comments and how it ended. */
async function listen(user: TestUser) {
  const controller = new AbortController();
  const response = await fetch(`${hub.running.url}/api/v1/events`, {
    headers: { Authorization: `Bearer ${user.token}` },
    signal: controller.signal,
  });
  const state = { events: [] as HubEvent[], names: [] as string[], comments: 0, ended: false, text: '' };
  const decoder = new TextDecoder();
  const done = (async () => {
    try {
      const reader = response.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        state.text += decoder.decode(read.value, { stream: true });
        let end: number;
        while ((end = state.text.indexOf('\n\n')) >= 0) {
          const block = state.text.slice(0, end);
          state.text = state.text.slice(end + 2);
          if (block.startsWith(':')) state.comments++;
          const name = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (name) state.names.push(name);
          if (name && data && name !== 'session-expired') state.events.push(JSON.parse(data) as HubEvent);
        }
      }
    } catch {
      // aborted by the test
    }
    state.ended = true;
  })();
  return { response, state, stop: () => controller.abort(), done };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('GET /events', () => {
  it('streams assignment and score events to whom they concern, and everything to chairs', async () => {
    const mine = await listen(assessor);
    const theirs = await listen(other);
    const chairs = await listen(chair);
    expect(mine.response.status).toBe(200);
    expect(mine.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

    const packetId = await uploadPacket(hub, admin);
    const assigned = await hub.api('POST', '/api/v1/assignments', {
      token: admin.token,
      json: { windowId, packetId, assessorId: assessor.id },
    });
    const record = scoreRecord(packetId, 'assessor1');
    await hub.api('PUT', `/api/v1/scores/${record.id}`, { token: assessor.token, json: { baseRevision: 0, record } });
    // A replay stores nothing new, so it announces nothing either.
    await hub.api('PUT', `/api/v1/scores/${record.id}`, { token: assessor.token, json: { baseRevision: 0, record } });

    await until(() => mine.state.events.length >= 2 && chairs.state.events.length >= 2);
    const expected = [
      { type: 'assignment.created', assignmentId: assigned.json().id, windowId, packetId, assessorId: assessor.id },
      { type: 'score.received', scoreId: record.id, packetId, assessorId: assessor.id, revision: 1 },
    ];
    expect(mine.state.events).toEqual(expected);
    expect(chairs.state.events).toEqual(expected);
    await until(() => theirs.state.comments >= 2); // heartbeats arrived, so events would have too
    expect(theirs.state.events).toEqual([]);
    for (const stream of [mine, theirs, chairs]) stream.stop();
  });

  it('announces removed assignments and changed windows to the assessors concerned, and all to chairs', async () => {
    const packetId = await uploadPacket(hub, admin);
    const ownWindow = await openWindow(hub, admin);
    const elsewhere = await openWindow(hub, admin);
    const assigned = await hub.api('POST', '/api/v1/assignments', {
      token: admin.token,
      json: { windowId: ownWindow, packetId, assessorId: assessor.id },
    });
    const mine = await listen(assessor);
    const theirs = await listen(other);
    const chairs = await listen(chair);

    const closed = await hub.api('PATCH', `/api/v1/windows/${ownWindow}`, {
      token: admin.token,
      json: { status: 'closed' },
    });
    await hub.api('PATCH', `/api/v1/windows/${elsewhere}`, { token: admin.token, json: { name: 'Renamed' } });
    const renamed = (await hub.api('GET', '/api/v1/windows', { token: chair.token }))
      .json()
      .windows.find((w: { id: string }) => w.id === elsewhere);
    await hub.api('DELETE', `/api/v1/assignments/${assigned.json().id}`, { token: admin.token });

    const removed = {
      type: 'assignment.removed',
      assignmentId: assigned.json().id,
      windowId: ownWindow,
      packetId,
      assessorId: assessor.id,
    };
    const ownUpdate = { type: 'window.updated', window: closed.json() };
    await until(() => mine.state.events.length >= 2 && chairs.state.events.length >= 3);
    expect(mine.state.events).toEqual([ownUpdate, removed]);
    expect(chairs.state.events).toEqual([ownUpdate, { type: 'window.updated', window: renamed }, removed]);
    for (const event of chairs.state.events) expect(HubEvent.parse(event)).toEqual(event);
    await until(() => theirs.state.comments >= 2);
    expect(theirs.state.events).toEqual([]);
    for (const stream of [mine, theirs, chairs]) stream.stop();
  });

  it('closes the stream when the session signs out', async () => {
    const session = await addUser(hub, 'assessor3', ['assessor']);
    const stream = await listen(session);
    await hub.api('DELETE', '/api/v1/session', { token: session.token });
    await stream.done;
    expect(stream.state.ended).toBe(true);
  });

  it('ends with session-expired when the access token expires', async () => {
    // A clock that jumps makes the token nearly expired when the stream opens.
    const session = await addUser(hub, 'assessor4', ['assessor']);
    hub.advance(15 * 60_000 - 1_000);
    try {
      const stream = await listen(session);
      await stream.done;
      expect(stream.state.names).toContain('session-expired');
    } finally {
      hub.advance(-(15 * 60_000 - 1_000));
    }
  });
});

describe('release.published', () => {
  it('tells the platform account and chairs of a release, and no assessor', async () => {
    const platform = await addUser(hub, 'platform-events', ['platform']);
    const packetId = await uploadPacket(hub, admin);
    await hub.api('POST', '/api/v1/assignments', {
      token: admin.token,
      json: { windowId, packetId, assessorId: assessor.id },
    });
    const record = scoreRecord(packetId, assessor.username);
    await hub.api('PUT', `/api/v1/scores/${record.id}`, { token: assessor.token, json: { baseRevision: 0, record } });
    const decided = await hub.api('PUT', `/api/v1/windows/${windowId}/decisions/${packetId}`, {
      token: chair.token,
      json: { decisionTypeId: 'earned', candidateFeedback: {}, reason: 'Above the cut.' },
    });
    expect(decided.status).toBe(200);
    const [machine, chairs, assessors] = [await listen(platform), await listen(chair), await listen(assessor)];
    const released = await hub.api('POST', `/api/v1/windows/${windowId}/releases`, {
      token: chair.token,
      json: { packetIds: [packetId] },
    });
    expect(released.status).toBe(201);
    const expected = { type: 'release.published', releaseId: released.json().releaseId, windowId, packetCount: 1 };
    await until(
      () => machine.state.events.length > 0 && chairs.state.events.some((e) => e.type === 'release.published'),
    );
    expect(machine.state.events).toEqual([expected]);
    expect(assessors.state.events.some((e) => e.type === 'release.published')).toBe(false);
    for (const stream of [machine, chairs, assessors]) stream.stop();
  });
});
