import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { HubStatus } from '../../../shared/contract/hub-bridge';
import { db } from '../../data/db';
import { HUB_STATUS_KEY, refreshHubStatus } from '../../data/hub-account';

/**
 * Who is signed in to which hub, as last reported by the main process (kept in Dexie so every
 * screen shows the same thing, offline too). Asks again when a screen using it mounts.
 */
export function useHubStatus(): HubStatus | undefined {
  const status = useLiveQuery(async () => (await db.settings.get(HUB_STATUS_KEY))?.value as HubStatus | undefined);
  useEffect(() => {
    refreshHubStatus().catch(() => undefined); // offline: keep showing the last known status
  }, []);
  return status;
}
