import { describe, expect, it } from 'vitest';
import { addUser, assign, openWindow, scoreRecord, startTestHub, uploadPacket } from './support/hub';

describe('hub shutdown', () => {
  it('lets a score upload in flight finish, and ends open event streams, before closing the database', async () => {
    const hub = await startTestHub();
    try {
      const admin = await addUser(hub, 'admin1', ['admin']);
      const assessor = await addUser(hub, 'assessor1', ['assessor']);
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, await openWindow(hub, admin), packetId, assessor);
      const events = await fetch(`${hub.running.url}/api/v1/events`, {
        headers: { Authorization: `Bearer ${assessor.token}` },
      });
      const stream = events.body!.getReader();

      // Hold the upload's transaction open until the hub has been asked to close.
      const db = hub.running.hub.db;
      const original = db.transaction.bind(db);
      let inTransaction!: () => void;
      const started = new Promise<void>((resolve) => (inTransaction = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      db.transaction = (fn) =>
        original(async (tx) => {
          inTransaction();
          await gate;
          return fn(tx);
        });

      const record = scoreRecord(packetId, 'assessor1');
      const upload = hub.api('PUT', `/api/v1/scores/${record.id}`, {
        token: assessor.token,
        json: { baseRevision: 0, record },
      });
      await started;
      const closing = hub.running.close();
      release();
      expect((await upload).status).toBe(201);
      const answered = performance.now();
      await closing;
      // Promptly: idle keep-alive connections are closed, not waited out (5 s).
      expect(performance.now() - answered).toBeLessThan(1_000);
      // The stream ended rather than being cut mid-frame.
      let done = false;
      while (!done) done = (await stream.read()).done;
    } finally {
      await hub.close().catch(() => undefined);
    }
  });
});
