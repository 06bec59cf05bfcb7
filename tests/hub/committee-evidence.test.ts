import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeEventBus } from '../../src/main/bridge/events';
import { createBridgeHandlers } from '../../src/main/bridge/handlers';
import { committeeCopyFrom } from '../../src/main/hub/committee';
import { pulledFrom } from '../../src/main/hub/pull';
import { READING_COPY_DAYS } from '../../src/main/hub/evidence-retention';
import { HubService } from '../../src/main/hub/hub-service';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { Workspaces } from '../../src/main/workspaces/workspaces';
import { tempDir } from '../support/packets';
import {
  addUser,
  assign,
  openWindow,
  PASSWORD,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

// The evidence an adjudicator resolves beside (committee.openEvidence), in the main process against a
// real hub: downloaded and verified into the chair's library, and still there after the next listing
// of assignments, which purges pulled packets the hub no longer assigns.

let hub: TestHub;
let admin: TestUser;
let dir: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await addUser(hub, 'admin1', ['admin']);
  await addUser(hub, 'chair1', ['chair']);
  dir = await tempDir('anchor-committee-evidence-');
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a committee member’s copy of a packet’s evidence', () => {
  it('is downloaded verified, left out of the queue, and kept when the chair’s assignments are listed', async () => {
    const packetId = await uploadPacket(hub, admin);
    const dataDir = join(dir, 'chair1');
    const hubs = await new HubService({
      dataDir,
      workspaces: new Workspaces(dataDir),
      tokens: new MemoryTokenStore(),
      log: () => undefined,
      events: new BridgeEventBus(() => undefined),
    }).open();
    try {
      await hubs.signIn(hub.running.url, 'chair1', PASSWORD);
      const bridge = createBridgeHandlers({ hub: hubs, version: '1', transport: 'ipc' });
      await expect(bridge['committee.openEvidence']({ packetId })).resolves.toEqual({ packetId });
      const store = (await hubs.currentWorkspace()).store;
      expect(store.source(packetId)).toBe(committeeCopyFrom(hub.running.url));
      await expect(bridge['packets.verify']({ packetId })).resolves.toEqual({ ok: true, problems: [] });
      // Marked for the queue to leave out: it is read from the adjudication, not reviewed as an assignment.
      expect((await bridge['packets.list']({})).map((p) => p.committeeCopy)).toEqual([true]);
      // The chair is assigned nothing: a pulled assignment would be purged here as "unassigned".
      const { purged } = await hubs.assignments();
      expect(purged).toEqual([]);
      expect(store.list().map((p) => p.packetId)).toEqual([packetId]);
      await expect(bridge['packets.verify']({ packetId })).resolves.toEqual({ ok: true, problems: [] });
    } finally {
      await hubs.close();
    }
  });

  it('leaves the computer at the first start READING_COPY_DAYS after its download, not before', async () => {
    const packetId = await uploadPacket(hub, admin);
    const dataDir = join(dir, 'chair1-later');
    const start = async (days: number) => {
      const workspaces = new Workspaces(dataDir);
      const hubs = await new HubService({
        dataDir,
        workspaces,
        tokens: new MemoryTokenStore(),
        log: () => undefined,
        now: () => Date.now() + days * 86_400_000,
      }).open();
      return { hubs, here: async () => (await workspaces.all()).flatMap((w) => w.store.list().map((p) => p.packetId)) };
    };
    const first = await start(0);
    await first.hubs.signIn(hub.running.url, 'chair1', PASSWORD);
    const bridge = createBridgeHandlers({ hub: first.hubs, version: '1', transport: 'ipc' });
    await bridge['committee.openEvidence']({ packetId });
    await first.hubs.close();
    const almost = await start(READING_COPY_DAYS - 1);
    await expect(almost.here()).resolves.toEqual([packetId]);
    await almost.hubs.close();
    const expired = await start(READING_COPY_DAYS);
    await expect(expired.here()).resolves.toEqual([]);
    await expired.hubs.close();
  });

  it('becomes an assignment when its reader is later assigned the packet: in the queue, kept to the window’s close', async () => {
    const packetId = await uploadPacket(hub, admin);
    const both = await addUser(hub, 'chair-assessor', ['chair', 'assessor']);
    const dataDir = join(dir, 'chair-assessor');
    const hubs = await new HubService({
      dataDir,
      workspaces: new Workspaces(dataDir),
      tokens: new MemoryTokenStore(),
      log: () => undefined,
      events: new BridgeEventBus(() => undefined),
    }).open();
    try {
      await hubs.signIn(hub.running.url, 'chair-assessor', PASSWORD);
      const bridge = createBridgeHandlers({ hub: hubs, version: '1', transport: 'ipc' });
      await bridge['committee.openEvidence']({ packetId });
      await assign(hub, admin, await openWindow(hub, admin), packetId, both);
      await hubs.pull([packetId]);
      await (await hubs.pulls()).idle();
      const store = (await hubs.currentWorkspace()).store;
      expect(store.source(packetId)).toBe(pulledFrom(hub.running.url));
      expect((await bridge['packets.list']({})).map((p) => [p.packetId, p.committeeCopy ?? false])).toEqual([
        [packetId, false],
      ]);
    } finally {
      await hubs.close();
    }
  });
});
