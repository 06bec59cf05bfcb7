import Dexie from 'dexie';
import type { HubStatus } from '../../shared/contract/hub-bridge';
import type { Workspace } from '../../shared/contract/workspace';
import { AnchorDatabase, type Setting } from './db';

/** The single database earlier versions kept for everybody who used this browser profile. */
export const LEGACY_DATABASE = 'anchor';
const LEGACY_DONE_KEY = 'movedToWorkspaces';
const LEGACY_HUB_STATUS_KEY = 'hubStatus';
const LEGACY_ASSESSOR_ID_KEY = 'assessorId';
/** The local workspace's name for reviews of imported packets (asked once; earlier versions' free-text Assessor ID). */
export const LOCAL_NAME_KEY = 'localAssessorName';

type Part = 'local' | 'hub';

/**
 * Moves this workspace's share of an earlier version's single database into its own, once.
 * That database held one person's work: the hub user last signed in (its saved hub status).
 * - Packets the hub assigned or that wait to upload (assignments, outbox) belong to that user
 *   and move into their workspace when they first sign in again (same hub origin, same name).
 * - Everything else was imported from disk and moves into the local workspace, whose name is
 *   the old free-text Assessor ID.
 * - Settings such as the comment bank go to both; the saved hub status goes to neither.
 * Rows are copied in one transaction; the old database is deleted once every part has moved.
 */
export async function moveLegacyData(target: AnchorDatabase, workspace: Workspace): Promise<void> {
  if (!(await Dexie.exists(LEGACY_DATABASE))) return;
  const legacy = new AnchorDatabase(LEGACY_DATABASE);
  try {
    await legacy.open();
    const settings = new Map((await legacy.settings.toArray()).map((s) => [s.key, s.value]));
    const done = new Set((settings.get(LEGACY_DONE_KEY) as Part[] | undefined) ?? []);
    const owner = ownerOf(settings.get(LEGACY_HUB_STATUS_KEY) as HubStatus | undefined);
    const part: Part | undefined =
      workspace.kind === 'local' ? 'local' : owner && sameOwner(owner, workspace) ? 'hub' : undefined;
    if (!part || done.has(part)) return;

    const [assignments, outbox] = await Promise.all([legacy.assignments.toArray(), legacy.outbox.toArray()]);
    const hubPackets = new Set([...assignments, ...outbox].map((row) => row.packetId));
    const mine = (row: { packetId: string }) => hubPackets.has(row.packetId) === (part === 'hub');
    const [packets, progress, drafts, reviews, history] = await Promise.all([
      legacy.packets.toArray(),
      legacy.progress.toArray(),
      legacy.drafts.toArray(),
      legacy.reviews.toArray(),
      legacy.history.toArray(),
    ]);
    const carried: Setting[] = [...settings]
      .filter(([key]) => key !== LEGACY_DONE_KEY && key !== LEGACY_HUB_STATUS_KEY && key !== LEGACY_ASSESSOR_ID_KEY)
      .map(([key, value]) => ({ key, value }));
    const name = settings.get(LEGACY_ASSESSOR_ID_KEY);
    if (part === 'local' && typeof name === 'string' && name.trim())
      carried.push({ key: LOCAL_NAME_KEY, value: name.trim() });

    await target.transaction('rw', target.tables, async () => {
      await target.packets.bulkPut(packets.filter(mine));
      await target.progress.bulkPut(progress.filter(mine));
      await target.drafts.bulkPut(drafts.filter(mine));
      await target.reviews.bulkPut(reviews.filter(mine));
      await target.history.bulkAdd(history.filter(mine).map(({ seq: _seq, ...event }) => event));
      if (part === 'hub') {
        await target.assignments.bulkPut(assignments);
        await target.outbox.bulkPut(outbox);
      }
      for (const setting of carried) if (!(await target.settings.get(setting.key))) await target.settings.put(setting);
    });

    done.add(part);
    // With no hub user ever signed in, there is no hub part to wait for.
    if (done.has('local') && (done.has('hub') || !owner)) {
      legacy.close();
      await Dexie.delete(LEGACY_DATABASE);
    } else {
      await legacy.settings.put({ key: LEGACY_DONE_KEY, value: [...done] });
    }
  } finally {
    legacy.close();
  }
}

function ownerOf(status: HubStatus | undefined): { origin: string; username: string } | undefined {
  const username = status?.user?.username ?? status?.lastUsername;
  if (!status?.hubUrl || !username || !URL.canParse(status.hubUrl)) return undefined;
  return { origin: new URL(status.hubUrl).origin, username };
}

function sameOwner(owner: { origin: string; username: string }, workspace: Workspace): boolean {
  return (
    workspace.hubUrl !== null &&
    URL.canParse(workspace.hubUrl) &&
    new URL(workspace.hubUrl).origin === owner.origin &&
    workspace.username === owner.username
  );
}
