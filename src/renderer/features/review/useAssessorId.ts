import { useLiveQuery } from 'dexie-react-hooks';
import type { HubStatus } from '../../../shared/contract/hub-bridge';
import { db } from '../../data/db';
import { HUB_STATUS_KEY } from '../../data/hub-account';

export const ASSESSOR_ID_KEY = 'assessorId';
export const DEFAULT_ASSESSOR_ID = 'assessor';

/**
 * The assessor identity recorded on submitted reviews: the hub user name once a hub was used (the
 * hub checks it), else the one set in the queue for work that never goes to a hub.
 */
export function useAssessorId(): { assessorId: string; fromHub: boolean } {
  const settings = useLiveQuery(() => db.settings.bulkGet([ASSESSOR_ID_KEY, HUB_STATUS_KEY]), []);
  const [local, hub] = settings ?? [];
  // Signed out (or browser mode restarted) after using a hub: still that hub identity, so a
  // review submitted offline is not refused later for naming someone else.
  const status = hub?.value as HubStatus | undefined;
  const hubUser = status?.user?.username ?? status?.lastUsername ?? undefined;
  if (hubUser) return { assessorId: hubUser, fromHub: true };
  const value = local?.value;
  return { assessorId: typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_ASSESSOR_ID, fromHub: false };
}
