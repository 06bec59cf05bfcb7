import {
  BRIDGE_EVENTS,
  CHANNELS,
  UPLOAD_CHANNELS,
  isBridgeEvent,
  type BridgeEventName,
  type Channel,
} from '../shared/contract/bridge';
import { EVENT_IPC_CHANNEL, type BridgeApi, type DataChannel } from '../shared/contract/client';
import { openEnvelope } from '../shared/contract/envelope';
import type { UploadPacketOutcome } from '../shared/contract/admin';
import type { ImportOutcome } from '../shared/contract/library';
import { evidencePath } from '../shared/http/evidence-url';

/** The part of ipcRenderer the preload uses (Electron's own object in the app; a stand-in in unit tests). */
export interface PreloadIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): void;
}

/**
 * Builds the bridge the preload exposes: each channel becomes its own function bound to that
 * channel, so the renderer can never name an arbitrary IPC channel (inputs are validated again in
 * main, so nothing here is trusted); events come in on one IPC channel and reach a handler only
 * when their name and payload match the contract.
 */
export function createPreloadBridge(ipc: PreloadIpc, pathForFile: (file: File) => string): BridgeApi<File> {
  const dataChannels = CHANNELS.filter((c): c is DataChannel => !(UPLOAD_CHANNELS as readonly Channel[]).includes(c));
  const calls = Object.fromEntries(
    dataChannels.map((channel) => [channel, async (input: unknown) => openEnvelope(await ipc.invoke(channel, input))]),
  ) as Pick<BridgeApi<File>, DataChannel>;

  const handlers = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  ipc.on(EVENT_IPC_CHANNEL, (_event, message) => {
    const { event, payload } = (message ?? {}) as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string' || !isBridgeEvent(event)) return;
    const parsed = BRIDGE_EVENTS[event].safeParse(payload);
    if (!parsed.success) return;
    for (const handler of [...(handlers.get(event) ?? [])]) handler(parsed.data);
  });

  return {
    ...calls,
    importPacketFile: async (file) =>
      openEnvelope(
        await ipc.invoke('packets.import', { path: pathForFile(file), fileName: file.name }),
      ) as ImportOutcome,
    // The same way as an import: the preload names the picked file's path; main reads and sends it.
    uploadPacketToHub: async (file, labels) =>
      openEnvelope(
        await ipc.invoke('admin.uploadPacket', { path: pathForFile(file), fileName: file.name, ...labels }),
      ) as UploadPacketOutcome,
    evidenceUrl: (packetId, path) => `evidence://packet/${evidencePath(packetId, path)}`,
    on: (event, handler) => {
      if (!isBridgeEvent(event)) throw new Error(`Unknown bridge event "${String(event)}".`);
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      const listener = handler as (payload: unknown) => void;
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}
