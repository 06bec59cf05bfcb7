import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  assign,
  openWindow,
  scoreRecord,
  staffHub,
  startTestHub,
  uploadPacket,
  type TestHub,
  type Staff,
} from './support/hub';

/**
 * Conflicts of interest declared after the work was handed out: the hub answers 404 to the
 * declarer for the packet's scoring too, and a chair's quality view leaves their packets out.
 */
let hub: TestHub;
let staff: Staff;

beforeAll(async () => {
  hub = await startTestHub();
  staff = await staffHub(hub);
});
afterAll(() => hub.close());

const declare = async (token: string, district: string) =>
  expect((await hub.api('POST', '/api/v1/conflicts', { token, json: { district } })).status).toBe(201);

it('an assessor who declared a conflict after being assigned cannot upload a score for that packet', async () => {
  const { admin, assessor, windowId } = staff;
  const packetId = await uploadPacket(hub, admin, '?district=Riverside%20USD');
  await assign(hub, admin, windowId, packetId, assessor);
  await declare(assessor.token, 'riverside usd');
  const record = scoreRecord(packetId, assessor.username);
  const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
    token: assessor.token,
    json: { baseRevision: 0, record },
  });
  expect(put.status).toBe(404);
  expect(put.json().error.code).toBe('not-assigned');
  // Nothing was stored: the chair finds no such score.
  expect((await hub.api('GET', `/api/v1/scores/${record.id}`, { token: staff.chair.token })).status).toBe(404);
});

it("a conflicted chair does not see the conflicted packet in the window's quality", async () => {
  const { admin, assessor, chair } = staff;
  const policy = { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } };
  const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
  const conflicted = await uploadPacket(hub, admin, '?school=Hillcrest%20High');
  const clear = await uploadPacket(hub, admin, '?school=Oakwood%20High');
  for (const packetId of [conflicted, clear]) {
    await assign(hub, admin, windowId, packetId, assessor);
    const record = scoreRecord(packetId, assessor.username);
    const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
      token: assessor.token,
      json: { baseRevision: 0, record },
    });
    expect(put.status).toBe(201);
  }
  const quality = async (token: string) =>
    (await hub.api('GET', `/api/v1/windows/${windowId}/quality`, { token })).json() as {
      secondScoring: { packetId: string }[];
    };
  // Routing runs after the upload is acknowledged: wait until the admin sees both decisions.
  const deadline = Date.now() + 2000;
  while ((await quality(admin.token)).secondScoring.length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect((await quality(admin.token)).secondScoring).toHaveLength(2);
  expect(
    (await hub.api('POST', '/api/v1/conflicts', { token: chair.token, json: { school: ' HILLCREST high' } })).status,
  ).toBe(201);
  const seen = (await quality(chair.token)).secondScoring.map((s) => s.packetId);
  expect(seen).toEqual([clear]);
});
