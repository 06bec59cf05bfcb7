import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/contract/client';
import { createPreloadBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createPreloadBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
