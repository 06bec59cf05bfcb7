import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PacketSummary } from '../../shared/contract/library';
import { AnchorDatabase } from './db';
import { mirrorLibrary } from './library-sync';

const summary = (n: number, pseudonym = `Candidate ${n}`): PacketSummary => ({
  packetId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  credentialId: 'c',
  credentialTitle: 'Exit Tickets',
  pseudonym,
  attempt: 1,
  evidenceCount: 3,
  totalBytes: 10,
  submittedAt: '2026-10-01T00:00:00Z',
  importedAt: '2026-11-01T00:00:00Z',
});

describe('mirrorLibrary', () => {
  it('adds new packets, updates changed ones and removes those gone from main', async () => {
    const db = new AnchorDatabase(`test-${Math.random()}`);
    await mirrorLibrary(db, [summary(1), summary(2)]);
    await mirrorLibrary(db, [summary(2, 'Renamed'), summary(3)]);
    const rows = await db.packets.orderBy('packetId').toArray();
    expect(rows.map((r) => r.pseudonym)).toEqual(['Renamed', 'Candidate 3']);
  });

  it('writes nothing when nothing changed', async () => {
    const db = new AnchorDatabase(`test-${Math.random()}`);
    await mirrorLibrary(db, [summary(1)]);
    let writes = 0;
    db.packets.hook('creating', () => void writes++);
    db.packets.hook('updating', () => void writes++);
    await mirrorLibrary(db, [summary(1)]);
    expect(writes).toBe(0);
  });
});
