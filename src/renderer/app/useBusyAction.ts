import { useCallback, useState } from 'react';
import { describeError } from '../viewers/common/describeError';

/**
 * A form's one action at a time: `busy` while it runs (its button disabled), and when it fails the
 * hub's refusal in words, the form's input left as it was. `afterFailure` runs once the refusal is
 * shown (e.g. reading again what someone else changed meanwhile).
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async (action: () => Promise<void>, afterFailure?: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(describeError(failure));
      await afterFailure?.();
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
