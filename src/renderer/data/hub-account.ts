import type { HubStatus } from '../../shared/contract/hub-bridge';
import { bridge } from '../bridge';
import { db } from './db';
import { mirrorLibrary } from './library-sync';
import { currentWorkspace, enterWorkspace } from './workspace';

/** Settings key of the last hub status seen (who is signed in where; never a token). */
export const HUB_STATUS_KEY = 'hubStatus';
/** Settings key of the hub's qualification notices (open windows the assessor cannot be assigned in yet). */
export const QUALIFICATION_NOTICES_KEY = 'qualificationNotices';

let newestStatus: HubStatus | undefined;

/** Read earlier by the same main process (a new process's first status is newer than any before). */
function isOlder(status: HubStatus, than: HubStatus): boolean {
  return status.revision.run === than.revision.run && status.revision.sequence < than.revision.sequence;
}

/**
 * Follows who is signed in where (never a token): a different person or hub switches every
 * screen to that workspace first, then the status is saved there for the screens to read.
 */
export async function rememberHubStatus(status: HubStatus): Promise<HubStatus> {
  // Statuses can arrive out of order (the start's status query answering after a sign-in):
  // only a newer reading replaces what the screens show.
  if (newestStatus && isOlder(status, newestStatus)) return newestStatus;
  newestStatus = status;
  if (status.workspace.id !== currentWorkspace().id) await enterWorkspace(status.workspace);
  await db.settings.put({ key: HUB_STATUS_KEY, value: status });
  return status;
}

/**
 * Replaces the stored assignments with the hub's current list (one transaction). The main
 * process removes the evidence of pulled packets the hub no longer lists or whose window closed.
 */
export async function refreshAssignments(): Promise<{
  count: number;
  purged: { packetId: string; pseudonym: string; reason: 'window-closed' | 'unassigned' }[];
  resumed: string[];
}> {
  const database = db;
  const { assignments, purged, resumed, notices } = await bridge['hub.assignments']({});
  await database.transaction('rw', database.assignments, database.settings, async () => {
    await database.assignments.clear();
    await database.assignments.bulkPut(assignments);
    await database.settings.put({ key: QUALIFICATION_NOTICES_KEY, value: notices });
  });
  // Evidence the main process removed leaves the queue too (the reviews stay in IndexedDB).
  if (purged.length > 0) await mirrorLibrary(database, await bridge['packets.list']({}));
  return { count: assignments.length, purged, resumed };
}
