import { useCallback, useEffect, useState } from 'react';
import type { ScorerQuality, ValidityList } from '../../../shared/contract/scorer-quality';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

/** The window's scorer statistics and validity packets from the hub, with a reload after each action. */
export function useScorerQuality(windowId: string) {
  const [quality, setQuality] = useState<ScorerQuality>();
  const [validity, setValidity] = useState<ValidityList>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      const [scorers, packets] = await Promise.all([
        bridge['quality.scorers']({ windowId }),
        bridge['quality.validity']({ windowId }),
      ]);
      setQuality(scorers);
      setValidity(packets);
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [windowId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { quality, validity, error, reload };
}
