import { BridgeError, type BridgeHandlers } from '../../shared/contract/bridge';
import type { HubService } from '../hub/hub-service';
import type { PacketStore } from '../services/packet-store';

export interface HandlerContext {
  store: PacketStore;
  hub: HubService;
  version: string;
  transport: 'ipc' | 'http';
}

/** The bridge's implementation: each channel delegates to a plain-Node service. */
export function createBridgeHandlers({ store, hub, version, transport }: HandlerContext): BridgeHandlers {
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
    'hub.status': () => hub.status(),
    'hub.signIn': ({ hubUrl, username, password }) => hub.signIn(hubUrl, username, password),
    'hub.signOut': () => hub.signOut(),
    'hub.startDemo': () => hub.startDemo(),
    'hub.assignments': () => hub.assignments(),
    'hub.pull': async ({ packetIds }) => ({ pulls: await hub.pull(packetIds) }),
    'hub.pulls': async () => ({ pulls: hub.pulls.list() }),
    'hub.uploadScore': ({ record, baseRevision }) => hub.uploadScore(record, baseRevision),
    'hub.conflicts': async () => ({ conflicts: await hub.conflicts() }),
    'hub.declareConflict': (conflict) => hub.declareConflict(conflict),
  };
}
