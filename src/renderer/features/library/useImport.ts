import { useCallback, useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract/library';
import { bridge } from '../../bridge';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'importing'; fileName: string }
  | { phase: 'done'; outcome: ImportOutcome }
  | { phase: 'failed'; fileName: string; message: string };

/** Imports packet files one after another and reports the last outcome. */
export function useImport(onImported: () => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        setState({ phase: 'importing', fileName: file.name });
        try {
          const outcome = await bridge.importPacketFile(file);
          setState({ phase: 'done', outcome });
          if (outcome.ok) onImported();
          else break;
        } catch (error) {
          setState({
            phase: 'failed',
            fileName: file.name,
            message: error instanceof Error ? error.message : String(error),
          });
          break;
        }
      }
    },
    [onImported],
  );
  return { state, importFiles, dismiss: () => setState({ phase: 'idle' }) };
}
