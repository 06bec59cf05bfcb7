import { BRIDGE_GLOBAL, type BridgeApi } from '../../shared/contract/client';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: BridgeApi<File>;
  }
}

/**
 * The bridge this renderer talks to: the preload's IPC bridge inside Electron, otherwise HTTP to
 * the browser-mode host. Features import only this; they never know which carrier is behind it.
 */
export const bridge: BridgeApi<File> = window[BRIDGE_GLOBAL] ?? createHttpBridge();
