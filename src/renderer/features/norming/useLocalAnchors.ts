import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Rubric } from '../../../shared/domain/rubric';
import { bridge } from '../../bridge';
import { db, type SubmittedReview } from '../../data/db';
import { normingDraftPackets, normingSubmissions } from '../../data/norming-reviews';

/**
 * What this computer holds for a session, live from Dexie: which packets are in the library,
 * the session's drafts, submitted scores and outbox entries. Screens remount on a workspace
 * switch, so `db` is always the shown person's.
 */
export function useLocalAnchors(sessionId: string) {
  const inLibrary = useLiveQuery(
    async () => new Set<string>(await db.packets.toCollection().primaryKeys()),
    [],
    new Set<string>(),
  );
  const drafts = useLiveQuery(() => normingDraftPackets(sessionId), [sessionId], new Set<string>());
  const submissions = useLiveQuery(
    () => normingSubmissions(sessionId),
    [sessionId],
    new Map<string, SubmittedReview>(),
  );
  const outbox = useLiveQuery(
    async () =>
      (await db.outbox.toArray()).filter(
        (e) => e.destination?.kind === 'norming' && e.destination.sessionId === sessionId,
      ),
    [sessionId],
    [],
  );
  return { inLibrary, drafts, submissions, outbox };
}

/** The rubrics of the downloaded anchors (labels and descriptors for the revealed view). */
export function useAnchorRubrics(packetIds: readonly string[]): ReadonlyMap<string, Rubric> {
  const [rubrics, setRubrics] = useState<ReadonlyMap<string, Rubric>>(new Map());
  const key = [...packetIds].sort().join(',');
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(',') : [];
    void Promise.all(
      ids.map((packetId) =>
        bridge['packets.get']({ packetId }).then(
          (packet) => [packetId, packet.manifest.rubric] as const,
          () => undefined,
        ),
      ),
    ).then((found) => {
      if (live) setRubrics(new Map(found.filter((f) => f !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return rubrics;
}
