import { useCallback, useEffect, useState } from 'react';
import type { PullState } from '../../../shared/contract/assignments';
import type { NormingSessionSummary, NormingSessionView } from '../../../shared/contract/norming';
import { bridge } from '../../bridge';
import { db } from '../../data/db';
import { describeError } from '../../viewers/common/describeError';

export type Load<T> = { phase: 'loading' } | { phase: 'ready'; value: T } | { phase: 'failed'; message: string };

/**
 * Reads from the hub now and again whenever it announces a norming change (norming.changed,
 * also sent when its event stream reconnects). Each good answer is kept in the workspace's
 * settings under `cacheKey`, so the sessions and their anchors still show offline (and the
 * downloaded anchors can be scored on a train); the error then shows beside the kept answer.
 * Only what the hub already showed this participant is kept: nothing blind is stored.
 */
function useHubRead<T>(cacheKey: string, read: () => Promise<T>, relevant: (sessionId: string | null) => boolean) {
  const [load, setLoad] = useState<Load<T>>({ phase: 'loading' });
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void db.settings.get(cacheKey).then(
      (kept) => {
        if (live && kept)
          setLoad((current) => (current.phase === 'ready' ? current : { phase: 'ready', value: kept.value as T }));
      },
      () => undefined,
    );
    read().then(
      (value) => {
        if (!live) return;
        setLoad({ phase: 'ready', value });
        setError(undefined);
        void db.settings.put({ key: cacheKey, value }).catch(() => undefined);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(describeError(failure));
        setLoad((current) =>
          current.phase === 'ready' ? current : { phase: 'failed', message: describeError(failure) },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [cacheKey, read, tick]);
  useEffect(
    () =>
      bridge.on('norming.changed', ({ sessionId }) => {
        if (relevant(sessionId)) setTick((t) => t + 1);
      }),
    [relevant],
  );
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { load, error, reload };
}

const always = () => true;

/**
 * The sessions the signed-in person scores in, newest first. Sessions they run are left out:
 * those open on the facilitator's board (#/norming/<id>), not here.
 */
export function useNormingSessions() {
  const read = useCallback(
    async () => (await bridge['norming.sessions']({})).sessions.filter((s) => s.role === 'participant'),
    [],
  );
  return useHubRead<NormingSessionSummary[]>('norming:sessions', read, always);
}

/** One session as the hub lets the caller see it. */
export function useNormingSession(sessionId: string) {
  const read = useCallback(() => bridge['norming.session']({ sessionId }), [sessionId]);
  const relevant = useCallback((changed: string | null) => changed === null || changed === sessionId, [sessionId]);
  return useHubRead<NormingSessionView>(`norming:session:${sessionId}`, read, relevant);
}

/** Anchor downloads in the main process: read once, then kept current by norming.anchorPullsChanged. */
export function useAnchorPulls() {
  const [pulls, setPulls] = useState<PullState[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stopped = false;
    // Subscribed before the first read, so nothing that changes in between is missed.
    const unsubscribe = bridge.on('norming.anchorPullsChanged', ({ pulls: next }) => {
      if (!stopped) setPulls(next);
    });
    bridge['norming.anchorPulls']({}).then(
      ({ pulls: next }) => !stopped && setPulls(next),
      (failure: unknown) => !stopped && setError(describeError(failure)),
    );
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, []);
  const pull = useCallback(async (sessionId: string, packetIds?: string[]) => {
    try {
      setPulls((await bridge['norming.pullAnchors']({ sessionId, packetIds })).pulls);
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, []);
  return { pulls, pull, error };
}
