import { useEffect, useState } from 'react';
import type { StoredPacket } from '../../../shared/contract/library';
import { bridge } from '../../bridge';

export type PacketLoad =
  { phase: 'loading' } | { phase: 'ready'; packet: StoredPacket } | { phase: 'failed'; message: string };

/** Loads one packet's manifest from the main process. */
export function usePacket(packetId: string): PacketLoad {
  const [load, setLoad] = useState<PacketLoad>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    bridge['packets.get']({ packetId }).then(
      (packet) => live && setLoad({ phase: 'ready', packet }),
      (error: unknown) =>
        live && setLoad({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [packetId]);
  return load;
}
