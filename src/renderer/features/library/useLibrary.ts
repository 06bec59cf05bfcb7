import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { PacketSummary } from '../../../shared/contract/library';
import { bridge } from '../../bridge';
import { db } from '../../data/db';
import { mirrorLibrary } from '../../data/library-sync';

/**
 * The packet library: read from Dexie (instant, works offline), refreshed from the main
 * process whenever it may have changed.
 */
export function useLibrary() {
  const packets = useLiveQuery(() => db.packets.toArray(), [], undefined as PacketSummary[] | undefined);
  const [syncError, setSyncError] = useState<string>();
  const refresh = useCallback(async () => {
    try {
      await mirrorLibrary(db, await bridge['packets.list']({}));
      setSyncError(undefined);
    } catch (error) {
      setSyncError(error instanceof Error ? error.message : String(error));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { packets, syncError, refresh };
}
