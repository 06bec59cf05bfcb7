import type { PacketSummary } from '../../shared/contract/library';
import type { AnchorDatabase } from './db';

/** Mirrors the main process's packet list into Dexie so the library renders offline and instantly. */
export async function mirrorLibrary(database: AnchorDatabase, packets: PacketSummary[]): Promise<void> {
  await database.transaction('rw', database.packets, async () => {
    const keep = new Set(packets.map((p) => p.packetId));
    const stale = (await database.packets.toCollection().primaryKeys()).filter((id) => !keep.has(id));
    await database.packets.bulkDelete(stale);
    await database.packets.bulkPut(packets);
  });
}
