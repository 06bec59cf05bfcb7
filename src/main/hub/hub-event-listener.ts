import { HubEvent } from '../../shared/contract/hub-api';
import type { BridgeLog } from '../bridge/dispatch';
import type { HubClient } from './hub-client';
import { HubError } from './hub-error';

const FIRST_RECONNECT_MS = 1_000;
const LONGEST_RECONNECT_MS = 30_000;

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
      try {
        const body = await this.client.openEvents(signal);
        this.connected = true;
        this.onConnect();
        delay = FIRST_RECONNECT_MS;
        await this.read(body, signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof HubError && error.code === 'signed-out') return;
        this.log('hub events: stream failed, reconnecting', { error: String(error), inMs: delay });
      } finally {
        this.connected = false;
      }
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(LONGEST_RECONNECT_MS, delay * 2);
    }
  }

  /** Reads `event:`/`data:` frames until the stream ends; anything that is not a known event is ignored. */
  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      if (signal.aborted) return;
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
