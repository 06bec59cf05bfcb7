import { useCallback, useEffect, useState } from 'react';
import type { PullState } from '../../../shared/contract/assignments';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

/**
 * The main process's packet pulls: read once, then kept current by its hub.pullsChanged events
 * (progress, done, failed, and pulls it starts itself, such as resuming those Anchor was closed
 * in). Finished packets reach the queue through library.changed (app/hub-watch.ts).
 */
export function usePulls() {
  const [pulls, setPulls] = useState<PullState[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stopped = false;
    // Subscribed before the first read, so nothing that changes in between is missed.
    const unsubscribe = bridge.on('hub.pullsChanged', ({ pulls: next }) => {
      if (!stopped) setPulls(next);
    });
    bridge['hub.pulls']({}).then(
      ({ pulls: next }) => {
        if (!stopped) setPulls(next);
      },
      (failure: unknown) => {
        if (!stopped) setError(describeError(failure));
      },
    );
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, []);

  const pull = useCallback(async (packetIds: string[]) => {
    if (packetIds.length === 0) return;
    try {
      setPulls((await bridge['hub.pull']({ packetIds })).pulls);
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, []);

  return { pulls, pull, error };
}
