import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, UPLOAD_CHANNELS, type Channel } from '../shared/contract/channels';
import { BRIDGE_GLOBAL, type BridgeApi, type DataChannel } from '../shared/contract/client';
import { openEnvelope } from '../shared/contract/envelope';
import type { ImportOutcome } from '../shared/contract/library';
import { evidencePath } from '../shared/http/evidence-url';

// Each channel becomes its own function bound to that channel: the renderer can never name an
// arbitrary IPC channel. Inputs are validated again in main, so nothing here is trusted.
const dataChannels = CHANNELS.filter((c): c is DataChannel => !(UPLOAD_CHANNELS as readonly Channel[]).includes(c));
const calls = Object.fromEntries(
  dataChannels.map((channel) => [
    channel,
    async (input: unknown) => openEnvelope(await ipcRenderer.invoke(channel, input)),
  ]),
) as Pick<BridgeApi<File>, DataChannel>;

const bridge: BridgeApi<File> = {
  ...calls,
  importPacketFile: async (file) =>
    openEnvelope(
      await ipcRenderer.invoke('packets.import', { path: webUtils.getPathForFile(file), fileName: file.name }),
    ) as ImportOutcome,
  evidenceUrl: (packetId, path) => `evidence://packet/${evidencePath(packetId, path)}`,
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
