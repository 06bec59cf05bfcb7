import { useCallback, useEffect, useRef, useState } from 'react';
import type { PullState } from '../../../shared/contract/hub-bridge';
import { bridge } from '../../bridge';
import { db } from '../../data/db';
import { mirrorLibrary } from '../../data/library-sync';
import { describeError } from '../../viewers/common/describeError';

const POLL_MS = 300;
/** While nothing runs: the main process may start pulls itself (resuming those Anchor was closed in). */
const IDLE_POLL_MS = 2_000;

/**
 * The main process's packet pulls, polled often while any is running and now and then otherwise.
 * When a packet finishes it is mirrored into the library at once, so it appears in the queue
 * without a reload.
 */
export function usePulls() {
  const [pulls, setPulls] = useState<PullState[]>([]);
  const [error, setError] = useState<string>();
  const done = useRef(new Set<string>());

  const apply = useCallback(async (next: PullState[]) => {
    setPulls(next);
    // Forget packets the main process no longer lists (purged), so a later pull of one mirrors again.
    const listed = new Set(next.map((p) => p.packetId));
    for (const packetId of done.current) if (!listed.has(packetId)) done.current.delete(packetId);
    const finished = next.filter((p) => p.state === 'done' && !done.current.has(p.packetId));
    if (finished.length > 0) {
      finished.forEach((p) => done.current.add(p.packetId));
      await mirrorLibrary(db, await bridge['packets.list']({}));
    }
  }, []);

  const active = pulls.some((p) => p.state === 'queued' || p.state === 'pulling');
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const { pulls: next } = await bridge['hub.pulls']({});
        if (!stopped) await apply(next);
        setError(undefined);
      } catch (failure) {
        setError(describeError(failure));
      }
      if (!stopped) timer = setTimeout(poll, active ? POLL_MS : IDLE_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, apply]);

  const pull = useCallback(
    async (packetIds: string[]) => {
      if (packetIds.length === 0) return;
      try {
        await apply((await bridge['hub.pull']({ packetIds })).pulls);
        setError(undefined);
      } catch (failure) {
        setError(describeError(failure));
      }
    },
    [apply],
  );

  return { pulls, pull, error };
}
