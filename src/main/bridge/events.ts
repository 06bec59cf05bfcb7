import { BRIDGE_EVENTS, type BridgeEventName, type BridgeEventPayload } from '../../shared/contract/bridge';
import type { BridgeLog } from './dispatch';

/** One pushed event as a carrier forwards it (webContents.send, a server-sent event). */
export interface BridgeEventMessage {
  event: BridgeEventName;
  payload: unknown;
}

/**
 * The push half of the bridge in the main (or host) process: services emit typed events, each
 * checked against the contract before any carrier sees it (so a page never receives a payload the
 * contract does not describe), and every carrier subscribes once.
 */
export class BridgeEventBus {
  private readonly listeners = new Set<(message: BridgeEventMessage) => void>();

  constructor(private readonly log: BridgeLog) {}

  emit<E extends BridgeEventName>(event: E, payload: BridgeEventPayload<E>): void {
    const parsed = BRIDGE_EVENTS[event].safeParse(payload);
    if (!parsed.success) {
      this.log('bridge: refused to push a malformed event', { event, error: parsed.error.message });
      return;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener({ event, payload: parsed.data });
      } catch (error) {
        this.log('bridge: event listener failed', { event, error: String(error) });
      }
    }
  }

  /** Forwards every event to `listener` until the returned function is called. */
  subscribe(listener: (message: BridgeEventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
