import type { HubStatus } from '../../shared/contract/hub-bridge';
import { bridge } from '../bridge';
import { db, type AnchorDatabase } from './db';

/** Settings key of the last hub status seen (who is signed in where; never a token). */
export const HUB_STATUS_KEY = 'hubStatus';

/** Asks the main process who is signed in and remembers it for the screens (and offline). */
export async function refreshHubStatus(database: AnchorDatabase = db): Promise<HubStatus> {
  return rememberHubStatus(await bridge['hub.status']({}), database);
}

export async function rememberHubStatus(status: HubStatus, database: AnchorDatabase = db): Promise<HubStatus> {
  await database.settings.put({ key: HUB_STATUS_KEY, value: status });
  return status;
}

/**
 * Replaces the stored assignments with the hub's current list (one transaction). Packets
 * already downloaded stay in the library; an unassigned packet simply loses its hub row.
 */
export async function refreshAssignments(database: AnchorDatabase = db): Promise<number> {
  const { assignments } = await bridge['hub.assignments']({});
  await database.transaction('rw', database.assignments, async () => {
    await database.assignments.clear();
    await database.assignments.bulkPut(assignments);
  });
  return assignments.length;
}
