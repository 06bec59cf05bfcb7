import { useEffect, useState } from 'react';
import type { WindowDashboard } from '../../../shared/contract/window-dashboard';
import type { WindowProgress } from '../../../shared/contract/window-progress';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

/** Dashboard reloads closer together than this are followed by one progress read. */
const SETTLE_MS = 300;

/**
 * The window's progress, read after the dashboard (the table comes first) and again after each
 * time the dashboard is read, which it is on every hub event about the window: the charts follow
 * the table without a subscription of their own, and a burst of reloads is one read.
 */
export function useProgress(windowId: string, dashboard: WindowDashboard | undefined) {
  const [data, setData] = useState<WindowProgress>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (dashboard === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      bridge['committee.progress']({ windowId }).then(
        (progress) => {
          if (!current) return;
          setData(progress);
          setError(undefined);
        },
        (failure: unknown) => {
          if (current) setError(describeError(failure));
        },
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [windowId, dashboard]);
  return { data, error };
}
