import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../viewers/common/describeError';

/**
 * Something the hub keeps, loaded once and again on demand (after a change the user made, or one
 * the hub announced), with the hub's refusal in words when it fails.
 */
export function useHubData<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(
    () =>
      load().then(
        (value) => {
          setData(value);
          setError(undefined);
        },
        (failure: unknown) => setError(describeError(failure)),
      ),
    // The loader is a bridge call fixed for the life of the screen or section (screens are keyed by what they show).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}
