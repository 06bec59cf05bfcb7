import { createBridgeHandlers } from './bridge/handlers';
import { createDispatcher, type BridgeLog, type Dispatch } from './bridge/dispatch';
import { BridgeEventBus } from './bridge/events';
import { HubService } from './hub/hub-service';
import type { LocalHubFactory } from './hub/local-hub';
import type { TokenStore } from './hub/token-store';
import type { PacketLimits } from '../node/packet/limits';
import type { EvidenceCache } from './services/evidence-cache';
import { legacyOwner, moveLegacyLayout } from './workspaces/legacy-layout';
import { Workspaces } from './workspaces/workspaces';

export interface Backend {
  workspaces: Workspaces;
  hub: HubService;
  dispatch: Dispatch;
  /** The evidence of the signed-in person's workspace (evidence URLs of any other answer 404). */
  evidence(): Promise<EvidenceCache>;
  /** The push half of the bridge: each carrier forwards these events to its page. */
  events: BridgeEventBus;
  close(): Promise<void>;
}
export interface BackendOptions {
  dataDir: string;
  version: string;
  transport: 'ipc' | 'http';
  log: BridgeLog;
  /** Where hub tokens live: sealed on disk in Electron, process memory in browser mode. */
  tokens: TokenStore;
  /** Offers the local demo hub (first run: always in the desktop app, with --demo in browser mode); handed in by the entry point. */
  demoHub?: LocalHubFactory;
  limits?: Partial<PacketLimits>;
}

/** Wires the plain-Node services behind the bridge; the same for Electron and browser mode. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const workspaces = new Workspaces(options.dataDir, options.limits);
  await moveLegacyLayout(
    options.dataDir,
    workspaces.root,
    await legacyOwner(options.dataDir, options.tokens),
    options.log,
  );
  const events = new BridgeEventBus(options.log);
  const hub = await new HubService({
    events,
    dataDir: options.dataDir,
    workspaces,
    tokens: options.tokens,
    log: options.log,
    demoHub: options.demoHub?.(options.dataDir, options.log),
  }).open();
  const handlers = createBridgeHandlers({ hub, version: options.version, transport: options.transport });
  return {
    workspaces,
    hub,
    dispatch: createDispatcher(handlers, options.log),
    events,
    evidence: async () => (await hub.currentWorkspace()).store.cache,
    close: () => hub.close(),
  };
}
