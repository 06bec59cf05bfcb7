import { useCallback, useEffect, useState } from 'react';
import type { WindowDashboard } from '../../../shared/contract/window-dashboard';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

/** One window's dashboard from the hub, with a reload for after a reassignment or on request. */
export function useDashboard(windowId: string) {
  const [data, setData] = useState<WindowDashboard>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      setData(await bridge['committee.dashboard']({ windowId }));
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [windowId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
