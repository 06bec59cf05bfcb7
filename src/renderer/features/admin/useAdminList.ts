import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../viewers/common/describeError';

/** A list the hub keeps, loaded once and again on demand (after a change the admin made). */
export function useAdminList<T>(load: () => Promise<T>) {
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
    // The loader is a bridge call fixed for the life of the section.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}
