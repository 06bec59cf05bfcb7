import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredPacket } from '../../../shared/contract/library';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

export type EvidenceLoad =
  | { phase: 'opening' }
  | { phase: 'downloading' }
  | { phase: 'ready'; packet: StoredPacket }
  | { phase: 'failed'; message: string };

/**
 * The packet an adjudicator resolves, from this computer's library; when it is not there yet it is
 * downloaded from the hub first, verified as an assessor's pull is (committee.openEvidence).
 */
export function useAdjudicationEvidence(packetId: string | undefined): { load: EvidenceLoad; retry(): void } {
  const [load, setLoad] = useState<EvidenceLoad>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  useEffect(() => {
    if (!packetId) return;
    const show = (next: EvidenceLoad) => live.current && setLoad(next);
    void (async () => {
      try {
        show({ phase: 'ready', packet: await bridge['packets.get']({ packetId }) });
        return;
      } catch {
        // Not on this computer yet: fetch it.
      }
      show({ phase: 'downloading' });
      try {
        await bridge['committee.openEvidence']({ packetId });
        show({ phase: 'ready', packet: await bridge['packets.get']({ packetId }) });
      } catch (failure) {
        show({ phase: 'failed', message: describeError(failure) });
      }
    })();
  }, [packetId, attempt]);
  const retry = useCallback(() => {
    setLoad({ phase: 'opening' });
    setAttempt((n) => n + 1);
  }, []);
  return { load, retry };
}
