import type {
  BridgeEventName,
  BridgeEventPayload,
  Channel,
  ChannelInput,
  ChannelOutput,
  UploadChannel,
} from './bridge';
import type { UploadPacketOutcome } from './admin';
import type { ImportOutcome } from './library';

/** Channels the renderer calls with plain data (upload channels take a File instead). */
export type DataChannel = Exclude<Channel, UploadChannel>;

/** Listens to one event of the push half; returns the function that stops listening. */
export type BridgeOn = <E extends BridgeEventName>(
  event: E,
  handler: (payload: BridgeEventPayload<E>) => void,
) => () => void;

/**
 * What the renderer sees of the bridge, whichever carrier is behind it (IPC in Electron,
 * HTTP in browser mode). One typed function per channel; never a generic invoke.
 */
export type BridgeApi<FileT> = { [C in DataChannel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> } & {
  /** Imports a packet the user picked or dropped. */
  importPacketFile(file: FileT): Promise<ImportOutcome>;
  /** Uploads a packet the admin picked to the hub, with the school and district kept for conflict checks. */
  uploadPacketToHub(file: FileT, labels: { school?: string; district?: string }): Promise<UploadPacketOutcome>;
  /** URL the viewers load a piece of evidence from (supports Range). */
  evidenceUrl(packetId: string, path: string): string;
  /** Listens to an event the main process pushes (validated against the contract before the handler sees it). */
  on: BridgeOn;
};

/** Name under which the preload exposes the bridge on window. */
export const BRIDGE_GLOBAL = 'anchorBridge';

/** The IPC channel every pushed event travels on in Electron (one, so the preload listens once). */
export const EVENT_IPC_CHANNEL = 'anchor:event';
