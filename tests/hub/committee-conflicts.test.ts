import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import { assign, scoreRecord, staffHub, startTestHub, uploadPacket, type TestHub, type TestUser } from './support/hub';

/**
 * A declared conflict of interest outranks every role: a chair who declares one with a district
 * gets 404 for that district's packets, their evidence and their scores, like anyone for whom
 * they do not exist, while other packets stay readable.
 */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let assessor: TestUser;
  let conflicted: { packetId: string; scoreId: string };
  let clear: { packetId: string; scoreId: string };

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    const staff = await staffHub(hub);
    ({ admin, chair, assessor } = staff);
    const { windowId } = staff;
    const scored = async (district: string) => {
      const packetId = await uploadPacket(hub, admin, `?district=${encodeURIComponent(district)}`);
      await assign(hub, admin, windowId, packetId, assessor);
      const record = scoreRecord(packetId, 'assessor1');
      const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
        token: assessor.token,
        json: { baseRevision: 0, record },
      });
      expect(put.status).toBe(201);
      return { packetId, scoreId: record.id };
    };
    conflicted = await scored('Harbor City SD');
    clear = await scored('Lakeside USD');
    const declared = await hub.api('POST', '/api/v1/conflicts', {
      token: chair.token,
      json: { district: 'harbor city sd ' },
    });
    expect(declared.status).toBe(201);
  });
  afterAll(() => hub.close());

  it('the conflicted chair gets 404 for the packet, its evidence and its score', async () => {
    const get = (path: string) => hub.api('GET', path, { token: chair.token });
    expect((await get(`/api/v1/packets/${conflicted.packetId}`)).status).toBe(404);
    expect((await get(`/api/v1/packets/${conflicted.packetId}/evidence/item-2`)).status).toBe(404);
    expect((await get(`/api/v1/scores/${conflicted.scoreId}`)).status).toBe(404);
  });

  it('other packets stay readable to the chair, and the conflicted one to others', async () => {
    expect((await hub.api('GET', `/api/v1/packets/${clear.packetId}`, { token: chair.token })).status).toBe(200);
    expect((await hub.api('GET', `/api/v1/scores/${clear.scoreId}`, { token: chair.token })).status).toBe(200);
    expect((await hub.api('GET', `/api/v1/packets/${conflicted.packetId}`, { token: admin.token })).status).toBe(200);
    expect((await hub.api('GET', `/api/v1/scores/${conflicted.scoreId}`, { token: assessor.token })).status).toBe(200);
  });
});
