import { useLiveQuery } from 'dexie-react-hooks';
import type { HubStatus } from '../../../shared/contract/hub-bridge';
import { db } from '../../data/db';
import { HUB_STATUS_KEY } from '../../data/hub-account';

/**
 * Who is signed in to which hub, as last reported by the main process: kept in Dexie by the hub
 * watch (app/hub-watch.ts, from the main process's hub.statusChanged events) and by sign-in and
 * sign-out, so every screen shows the same thing, offline too, without asking again.
 */
export function useHubStatus(): HubStatus | undefined {
  return useLiveQuery(async () => (await db.settings.get(HUB_STATUS_KEY))?.value as HubStatus | undefined);
}
