import { useCallback, useEffect, useState } from 'react';
import type { WindowDashboard } from '../../../shared/contract/window-dashboard';
import { expandDashboard } from '../../../shared/committee/dashboard-wire';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

/** Events arriving closer together than this are read as one change: a burst of 50 scores is one reload. */
const SETTLE_MS = 150;

/**
 * One window's dashboard from the hub, with a reload for after a reassignment or on request, read
 * again whenever the hub announces a change in review work (committee.windowChanged) for this
 * window, or one that does not name its window (a score) — within a second, without polling.
 */
export function useDashboard(windowId: string) {
  const [data, setData] = useState<WindowDashboard>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      setData(expandDashboard(await bridge['committee.dashboard']({ windowId })));
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [windowId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = bridge.on('committee.windowChanged', (event) => {
      if (event.windowId !== null && event.windowId !== windowId) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [reload, windowId]);
  return { data, error, reload };
}
