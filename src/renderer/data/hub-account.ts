import type { HubStatus } from '../../shared/contract/hub-bridge';
import { bridge } from '../bridge';
import { db, type AnchorDatabase } from './db';
import { mirrorLibrary } from './library-sync';

/** Settings key of the last hub status seen (who is signed in where; never a token). */
export const HUB_STATUS_KEY = 'hubStatus';

/** Saves who is signed in where (never a token) for the screens, which read it from Dexie. */
export async function rememberHubStatus(status: HubStatus, database: AnchorDatabase = db): Promise<HubStatus> {
  await database.settings.put({ key: HUB_STATUS_KEY, value: status });
  return status;
}

/**
 * Replaces the stored assignments with the hub's current list (one transaction). The main
 * process removes the evidence of pulled packets the hub no longer lists or whose window closed.
 */
export async function refreshAssignments(
  database: AnchorDatabase = db,
): Promise<{ count: number; purged: { packetId: string; pseudonym: string }[]; resumed: string[] }> {
  const { assignments, purged, resumed } = await bridge['hub.assignments']({});
  await database.transaction('rw', database.assignments, async () => {
    await database.assignments.clear();
    await database.assignments.bulkPut(assignments);
  });
  // Evidence the main process removed leaves the queue too (the reviews stay in IndexedDB).
  if (purged.length > 0) await mirrorLibrary(database, await bridge['packets.list']({}));
  return { count: assignments.length, purged, resumed };
}
