import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { bridge } from '../../bridge';
import { db } from '../../data/db';
import { mirrorLibrary } from '../../data/library-sync';
import { uploadsByPacket } from '../../data/outbox';
import { useWorkspace } from '../../data/workspace';
import { queueRows, type QueueRow } from './filter-packets';

/**
 * The last list read from Dexie per workspace, kept for the life of the page so that coming back
 * to the library paints at once instead of waiting for IndexedDB (the 100 ms budget for 2,000
 * packets). Keyed by workspace: one person's queue never paints, even for a frame, for another.
 */
const lastKnown = new Map<string, QueueRow[]>();

/**
 * The packet queue: read from Dexie (instant, works offline), refreshed from the main
 * process whenever it may have changed.
 */
export function useLibrary() {
  const workspaceId = useWorkspace().id;
  const packets = useLiveQuery(
    async () => {
      const [summaries, progress, assignments, outbox] = await Promise.all([
        db.packets.toArray(),
        db.progress.toArray(),
        db.assignments.toArray(),
        db.outbox.toArray(),
      ]);
      // Norming anchors are scored blind from the Norming screen, committee copies read from their
      // adjudication: neither is the assessor's queue.
      const queued = summaries.filter((s) => !s.normingAnchor && !s.committeeCopy);
      const rows = queueRows(queued, progress, assignments, uploadsByPacket(outbox));
      lastKnown.set(workspaceId, rows);
      return rows;
    },
    [workspaceId],
    lastKnown.get(workspaceId),
  );
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
