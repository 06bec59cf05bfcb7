import Dexie, { type EntityTable } from 'dexie';
import type { PacketSummary } from '../../shared/contract/library';

/**
 * Everything the assessor works on offline lives here (IndexedDB via Dexie). Large evidence
 * files never do: the main process caches them on disk. Schema changes go through new
 * versions below, never edits of old ones.
 */
export class AnchorDatabase extends Dexie {
  packets!: EntityTable<PacketSummary, 'packetId'>;

  constructor(name = 'anchor') {
    super(name);
    this.version(1).stores({ packets: 'packetId, importedAt, credentialTitle' });
  }
}

export const db = new AnchorDatabase();
