import { EVENT_IPC_CHANNEL } from '../../shared/contract/client';
import type { BridgeEventBus } from './events';
import { senderRefusal } from './sender-check';

/** A page the main process may push to (Electron's WebContents, narrowed to what is used). */
export interface EventTarget {
  /** The URL of its top-level frame. */
  getURL(): string;
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
}

/**
 * Sends every bridge event to the app's own pages: only a page whose top-level frame is
 * app://anchor hears them (the same rule as for calls, in sender-check.ts), so a window that
 * navigated elsewhere, or a stray web contents, is told nothing. Returns the function that stops.
 */
export function forwardEvents(bus: BridgeEventBus, targets: () => Iterable<EventTarget>): () => void {
  return bus.subscribe((message) => {
    for (const target of targets()) {
      if (target.isDestroyed()) continue;
      if (senderRefusal({ frameUrl: target.getURL(), isMainFrame: true })) continue;
      target.send(EVENT_IPC_CHANNEL, message);
    }
  });
}
