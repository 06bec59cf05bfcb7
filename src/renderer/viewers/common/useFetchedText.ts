import { useEffect, useState } from 'react';
import { networkProblem } from './describeError';
import { fetchText, type FetchedText } from './fetchText';

export type TextLoad =
  { phase: 'loading' } | { phase: 'ready'; result: FetchedText } | { phase: 'error'; problem: string };

/**
 * Loads a text file once per url. The caller remounts (key={url}) on url change, so the initial
 * 'loading' state never has to be reset from inside the effect.
 */
export function useFetchedText(url: string): TextLoad {
  const [load, setLoad] = useState<TextLoad>({ phase: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchText(url, controller.signal).then(
      (result) => setLoad({ phase: 'ready', result }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ phase: 'error', problem: networkProblem(error) });
      },
    );
    return () => controller.abort();
  }, [url]);
  return load;
}
