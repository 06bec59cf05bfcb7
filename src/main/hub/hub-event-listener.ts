import { HubEvent } from '../../shared/contract/hub-api';
import type { BridgeLog } from '../bridge/dispatch';
import type { HubClient } from './hub-client';
import { HubError } from './hub-error';

const FIRST_RECONNECT_MS = 1_000;
/**
 * A hub that comes back is noticed within this long: each reconnection emits a fresh status
 * (hub.statusChanged, "live" again) and the screens' hub errors clear. One small request every
 * few seconds while the hub is down costs nothing worth saving.
 */
export const LONGEST_RECONNECT_MS = 5_000;

/** The wait before the next attempt after one that failed: doubling, never over LONGEST_RECONNECT_MS. */
export const nextReconnectDelay = (delay: number): number => Math.min(LONGEST_RECONNECT_MS, delay * 2);
/**
 * The hub sends a comment line every 20 s on an idle stream (src/hub/routes/events.ts). Nothing
 * at all for three of those means the connection died without a word (a laptop that slept, a
 * network that changed): drop it and reconnect, rather than say "live" while deaf.
 */
export const QUIET_STREAM_MS = 60_000;

/**
 * Keeps the hub's event stream open while signed in, so new assignments, unassignments and
 * window changes reach the app as they happen. The stream ends when the access token expires
 * (the hub sends "session-expired"); the next connection refreshes it. Outages are retried with
 * backoff; a session that can no longer be refreshed stops the listener until the next sign-in.
 */
export class HubEventListener {
  private running: AbortController | undefined;
  /** True while a stream is open (the Hub screen says "live"). */
  connected = false;

  constructor(
    private readonly client: HubClient,
    private readonly onEvent: (event: HubEvent) => void,
    /** Each (re)connection: whatever happened while the stream was down was not seen. */
    private readonly onConnect: () => void,
    private readonly log: BridgeLog,
    private readonly quietMs = QUIET_STREAM_MS,
    /** An open stream dropped ("live" no longer holds). */
    private readonly onDisconnect: () => void = () => undefined,
  ) {}

  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.running = controller;
    void this.loop(controller.signal).finally(() => {
      if (this.running === controller) this.running = undefined;
      this.connected = false;
    });
  }

  stop(): void {
    this.running?.abort();
    this.running = undefined;
    this.connected = false;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let delay = FIRST_RECONNECT_MS;
    while (!signal.aborted) {
      // One connection's own abort: stopping the listener, or the stream going quiet.
      const connection = new AbortController();
      const stopConnection = () => connection.abort();
      signal.addEventListener('abort', stopConnection);
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const heard = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => connection.abort(new Error('the stream went quiet')), this.quietMs);
      };
      try {
        heard();
        const body = await this.client.openEvents(connection.signal);
        this.connected = true;
        this.onConnect();
        delay = FIRST_RECONNECT_MS;
        await this.read(body, connection.signal, heard);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof HubError && error.code === 'signed-out') return;
        const reason = connection.signal.aborted ? connection.signal.reason : error;
        this.log('hub events: stream failed, reconnecting', { error: String(reason), inMs: delay });
      } finally {
        clearTimeout(watchdog);
        signal.removeEventListener('abort', stopConnection);
        const wasConnected = this.connected;
        this.connected = false;
        if (wasConnected) this.onDisconnect();
      }
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = nextReconnectDelay(delay);
    }
  }

  /**
   * Reads `event:`/`data:` frames until the stream ends; anything that is not a known event is
   * ignored. Every chunk, heartbeat comments included, tells `heard` the stream is alive.
   */
  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal, heard: () => void): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      if (signal.aborted) return;
      heard();
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (!data) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          continue;
        }
        const event = HubEvent.safeParse(parsed);
        if (event.success) this.onEvent(event.data);
      }
    }
  }
}
