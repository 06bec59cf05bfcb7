import type { ChannelInput, ChannelOutput } from './bridge';
import type { Channel, UploadChannel } from './channels';
import type { ImportOutcome } from './library';

/** Channels the renderer calls with plain data (upload channels take a File instead). */
export type DataChannel = Exclude<Channel, UploadChannel>;

/**
 * What the renderer sees of the bridge, whichever carrier is behind it (IPC in Electron,
 * HTTP in browser mode). One typed function per channel; never a generic invoke.
 */
export type BridgeApi<FileT> = { [C in DataChannel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> } & {
  /** Imports a packet the user picked or dropped. */
  importPacketFile(file: FileT): Promise<ImportOutcome>;
  /** URL the viewers load a piece of evidence from (supports Range). */
  evidenceUrl(packetId: string, path: string): string;
};

/** Name under which the preload exposes the bridge on window. */
export const BRIDGE_GLOBAL = 'anchorBridge';
