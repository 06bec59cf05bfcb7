import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHub } from '../../src/hub/open';
import { exited, startHubProcess } from './support/hub-process';
import { addUser, assign, openWindow, scoreRecord, startTestHub, uploadPacket } from './support/hub';

const PACKETS = 24;

describe('a hub killed mid-burst (SIGKILL, no shutdown)', () => {
  it('restarts on its data, has every upload it acknowledged, and stores the retries exactly once', async () => {
    // Accounts, packets and assignments made through a hub in this process, which then stops.
    const setup = await startTestHub();
    const admin = await addUser(setup, 'admin1', ['admin']);
    const assessor = await addUser(setup, 'assessor1', ['assessor']);
    const windowId = await openWindow(setup, admin);
    const packets: string[] = [];
    for (let i = 0; i < PACKETS; i++) {
      const packetId = await uploadPacket(setup, admin);
      await assign(setup, admin, windowId, packetId, assessor);
      packets.push(packetId);
    }
    const data = join(setup.dir, 'data');
    await setup.running.close();
    const records = packets.map((packetId) => scoreRecord(packetId, 'assessor1'));
    const put = (url: string, record: (typeof records)[number]) =>
      fetch(`${url}/api/v1/scores/${record.id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${assessor.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ baseRevision: 0, record }),
      }).then((answer) => answer.status);

    try {
      // Uploads stream in, eight at a time; the hub is killed once a third are acknowledged.
      const first = await startHubProcess(data);
      const acknowledged = new Set<string>();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < records.length) {
            const record = records[next++]!;
            const status = await put(first.url, record).catch(() => 'cut');
            if (status === 201 || status === 200) acknowledged.add(record.id);
            if (acknowledged.size === PACKETS / 3 && first.child.exitCode === null) first.child.kill('SIGKILL');
          }
        }),
      );
      await exited(first.child);
      expect(first.child.signalCode).toBe('SIGKILL');
      expect(acknowledged.size).toBeGreaterThanOrEqual(PACKETS / 3);
      expect(acknowledged.size).toBeLessThan(PACKETS);

      // A new process takes the folder over (the dead one's lock is stale) and recovers the database.
      const second = await startHubProcess(data);
      try {
        for (const id of acknowledged) {
          const stored = await fetch(`${second.url}/api/v1/scores/${id}`, {
            headers: { Authorization: `Bearer ${assessor.token}` },
          });
          expect(stored.status, `acknowledged upload ${id}`).toBe(200);
        }
        // The outbox sends everything not acknowledged, and replays of what was: all land once.
        const statuses = await Promise.all(records.map((record) => put(second.url, record)));
        for (const [i, status] of statuses.entries()) {
          // An upload cut off by the kill may have committed unacknowledged: its retry is a replay too.
          if (acknowledged.has(records[i]!.id)) expect(status).toBe(200);
          else expect([200, 201]).toContain(status);
        }
      } finally {
        await second.stop();
      }

      const { hub, close } = await openHub({ dataDir: data, log: () => undefined });
      try {
        const rows = await hub.db.query<{ id: string }>('select id from scores where packet_id = any($1::uuid[])', [
          packets,
        ]);
        expect(rows.map((row) => row.id).sort()).toEqual(records.map((record) => record.id).sort());
        const audited = await hub.db.query(
          `select 1 from audit_log where action = 'score.submit' and detail->>'packetId' = any($1::text[])`,
          [packets],
        );
        expect(audited).toHaveLength(PACKETS);
      } finally {
        await close();
      }
    } finally {
      await setup.close().catch(() => undefined);
    }
  }, 60_000);
});
