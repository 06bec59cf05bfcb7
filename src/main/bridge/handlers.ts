import { BridgeError, type BridgeHandlers } from '../../shared/contract/bridge';
import type { PacketStore } from '../services/packet-store';

export interface HandlerContext {
  store: PacketStore;
  version: string;
  transport: 'ipc' | 'http';
}

/** The bridge's implementation: each channel delegates to a plain-Node service. */
export function createBridgeHandlers({ store, version, transport }: HandlerContext): BridgeHandlers {
  return {
    'app.info': async () => ({ version, transport }),
    'packets.list': async () => store.list(),
    'packets.get': async ({ packetId }) => {
      const packet = await store.get(packetId);
      if (!packet) throw new BridgeError(`Packet ${packetId} is not in the library.`, 'not-found');
      return packet;
    },
    'packets.import': ({ path, fileName }) => store.import(path, fileName),
    'packets.remove': async ({ packetId }) => ({ removed: await store.remove(packetId) }),
    'packets.verify': async ({ packetId }) => {
      const problems = await store.cache.verify(packetId);
      return { ok: problems.length === 0, problems };
    },
  };
}
