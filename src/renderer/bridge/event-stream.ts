import { BRIDGE_EVENTS, isBridgeEvent, type BridgeEventName } from '../../shared/contract/bridge';
import type { BridgeOn } from '../../shared/contract/client';

const FIRST_RECONNECT_MS = 500;
const LONGEST_RECONNECT_MS = 15_000;

/**
 * The push half of the bridge in browser mode: one server-sent event stream from the host, read
 * with fetch so the run's token travels in a header (EventSource cannot send one, and a token in
 * the URL would land in logs and history). Opened on the first listener; reconnects with backoff
 * while the host is up; every event's name and payload are checked against the contract before a
 * handler sees it.
 */
export function createEventStream(url: string, headers: () => Record<string, string> | undefined): BridgeOn {
  const handlers = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  let started = false;

  const deliver = (name: string, data: string) => {
    if (!isBridgeEvent(name)) return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = BRIDGE_EVENTS[name].safeParse(json);
    if (!parsed.success) return;
    for (const handler of [...(handlers.get(name) ?? [])]) handler(parsed.data);
  };

  const read = async (): Promise<void> => {
    const sent = headers();
    // Without the run's secrets there is nothing to listen with; the calls say why.
    if (!sent) return;
    const response = await fetch(url, {
      headers: { ...sent, Accept: 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
    });
    // A refused token will not become right by retrying: stop (the calls show the message).
    if (response.status === 401 || response.status === 403) throw new StreamRefused();
    if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        let name = 'message';
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length > 0) deliver(name, data.join('\n'));
      }
    }
  };

  const run = async () => {
    let delay = FIRST_RECONNECT_MS;
    for (;;) {
      const opened = Date.now();
      try {
        await read();
      } catch (error) {
        if (error instanceof StreamRefused) return;
      }
      if (Date.now() - opened > LONGEST_RECONNECT_MS) delay = FIRST_RECONNECT_MS;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(LONGEST_RECONNECT_MS, delay * 2);
    }
  };

  return (event, handler) => {
    if (!isBridgeEvent(event)) throw new Error(`Unknown bridge event "${String(event)}".`);
    const set = handlers.get(event) ?? new Set();
    handlers.set(event, set);
    const listener = handler as (payload: unknown) => void;
    set.add(listener);
    if (!started) {
      started = true;
      void run();
    }
    return () => void set.delete(listener);
  };
}

class StreamRefused extends Error {}
