import { createBridgeHandlers } from './bridge/handlers';
import { createDispatcher, type BridgeLog, type Dispatch } from './bridge/dispatch';
import type { PacketLimits } from './packet/limits';
import { PacketStore } from './services/packet-store';

export interface Backend {
  store: PacketStore;
  dispatch: Dispatch;
}

export interface BackendOptions {
  dataDir: string;
  version: string;
  transport: 'ipc' | 'http';
  log: BridgeLog;
  limits?: Partial<PacketLimits>;
}

/** Wires the plain-Node services behind the bridge; the same for Electron and browser mode. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const store = await new PacketStore(options.dataDir, options.limits).open();
  const handlers = createBridgeHandlers({ store, version: options.version, transport: options.transport });
  return { store, dispatch: createDispatcher(handlers, options.log) };
}
