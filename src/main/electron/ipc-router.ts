import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract/bridge';
import type { BridgeEnvelope } from '../../shared/contract/envelope';
import type { BridgeLog, Dispatch } from '../bridge/dispatch';
import { forwardEvents } from '../bridge/event-forwarding';
import type { BridgeEventBus } from '../bridge/events';
import { senderRefusal } from '../bridge/sender-check';

/**
 * The only place that touches ipcMain (lint-enforced). Every call passes the sender check
 * (main frame of app://anchor) and the dispatcher's schema validation, or is refused and logged.
 * Answers are envelopes (see envelope.ts) that the preload opens, so errors keep their words.
 * Events from the bus go the other way, to the app's own pages only (event-forwarding.ts).
 */
export function registerIpcRouter(dispatch: Dispatch, events: BridgeEventBus, log: BridgeLog): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const refusal = senderRefusal({
        frameUrl: frame?.url,
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
      });
      if (refusal) {
        log('ipc: refused call', { channel, refusal });
        throw new Error(`Refused: ${refusal}`);
      }
      const result = await dispatch(channel, payload);
      const envelope: BridgeEnvelope = result.ok
        ? { ok: true, value: result.value }
        : { ok: false, error: { message: result.error.message, code: result.error.code } };
      return envelope;
    });
  }
  forwardEvents(events, () => webContents.getAllWebContents());
}
