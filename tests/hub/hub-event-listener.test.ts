import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from '../../src/main/hub/hub-client';
import { HubEventListener } from '../../src/main/hub/hub-event-listener';
import { startStandInHub } from './support/stand-in-hub';

/** A stand-in hub whose event stream says hello and then does what `afterHello` makes it do. */
async function streamingHub(afterHello: (res: ServerResponse) => void) {
  const streams: ServerResponse[] = [];
  const hub = await startStandInHub((req, res) => {
    if (req.url !== '/api/v1/events') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(': hello\n\n');
    streams.push(res);
    afterHello(res);
  });
  return { client: new HubClient(hub.tokens), streams, close: () => hub.close() };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('hub event listener', () => {
  it('drops a stream on which nothing arrives and connects again, instead of staying "live" while deaf', async () => {
    const hub = await streamingHub(() => undefined);
    const logged: string[] = [];
    const listener = new HubEventListener(
      hub.client,
      () => undefined,
      () => undefined,
      (message, details) => logged.push(`${message} ${String(details?.error)}`),
      200,
    );
    stops.push(
      async () => listener.stop(),
      () => hub.close(),
    );
    listener.start();
    await expect.poll(() => hub.streams.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(logged[0]).toContain('the stream went quiet');
  });

  it('keeps a stream that sends heartbeats', async () => {
    const hub = await streamingHub((res) => {
      const beat = setInterval(() => res.write(': keep-alive\n\n'), 50);
      res.on('close', () => clearInterval(beat));
    });
    const listener = new HubEventListener(
      hub.client,
      () => undefined,
      () => undefined,
      () => undefined,
      200,
    );
    stops.push(
      async () => listener.stop(),
      () => hub.close(),
    );
    listener.start();
    await expect.poll(() => listener.connected, { timeout: 5_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(hub.streams).toHaveLength(1);
    expect(listener.connected).toBe(true);
  });
});
