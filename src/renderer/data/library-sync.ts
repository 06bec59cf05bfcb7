import type { PacketSummary } from '../../shared/contract/library';
import type { AnchorDatabase } from './db';

/**
 * Mirrors the main process's packet list into Dexie so the library renders offline and instantly.
 * Only rows that changed are written: an unchanged library causes no write and no re-render.
 */
export async function mirrorLibrary(database: AnchorDatabase, packets: PacketSummary[]): Promise<void> {
  await database.transaction('rw', database.packets, async () => {
    const existing = new Map((await database.packets.toArray()).map((p) => [p.packetId, JSON.stringify(p)]));
    const keep = new Set(packets.map((p) => p.packetId));
    const stale = [...existing.keys()].filter((id) => !keep.has(id));
    const changed = packets.filter((p) => existing.get(p.packetId) !== JSON.stringify(p));
    if (stale.length) await database.packets.bulkDelete(stale);
    if (changed.length) await database.packets.bulkPut(changed);
  });
}
