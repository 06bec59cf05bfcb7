import { describe, expect, it } from 'vitest';
import { forwardEvents, type EventTarget } from '../../src/main/bridge/event-forwarding';
import { BridgeEventBus } from '../../src/main/bridge/events';
import { createPreloadBridge, type PreloadIpc } from '../../src/preload/preload-bridge';
import { EVENT_IPC_CHANNEL } from '../../src/shared/contract/client';

const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

/**
 * The push half in Electron, without an Electron binary: the main process's bus and forwarder,
 * the real preload bridge, and between them a stand-in for webContents.send / ipcRenderer.on that
 * passes messages through a structured clone, as IPC does.
 */
function electronLike(pageUrl = 'app://anchor/index.html') {
  const logged: string[] = [];
  const bus = new BridgeEventBus((message) => logged.push(message));
  const listeners: ((event: unknown, message: unknown) => void)[] = [];
  const ipc: PreloadIpc = {
    invoke: async () => ({ ok: true, value: null }),
    on: (channel, listener) => {
      if (channel === EVENT_IPC_CHANNEL) listeners.push(listener);
    },
  };
  const page: EventTarget & { url: string } = {
    url: pageUrl,
    getURL: () => page.url,
    isDestroyed: () => false,
    send: (channel, message) => {
      if (channel === EVENT_IPC_CHANNEL) for (const l of listeners) l({}, structuredClone(message));
    },
  };
  const stop = forwardEvents(bus, () => [page]);
  const preload = createPreloadBridge(ipc, () => '/tmp/x');
  return { bus, page, preload, logged, stop, raw: (message: unknown) => listeners.forEach((l) => l({}, message)) };
}

describe('bridge events over IPC', () => {
  it('delivers a typed event to the page, and stops after unsubscribing', () => {
    const { bus, preload } = electronLike();
    const seen: unknown[] = [];
    const unsubscribe = preload.on('hub.pullsChanged', (payload) => seen.push(payload.pulls.length));
    const pulls = [{ packetId: PACKET, state: 'pulling' as const, receivedBytes: 10, totalBytes: 100 }];
    bus.emit('hub.pullsChanged', { pulls });
    unsubscribe();
    bus.emit('hub.pullsChanged', { pulls });
    expect(seen).toEqual([1]);
  });

  it('delivers each event only to the handlers of that event', () => {
    const { bus, preload } = electronLike();
    const seen: string[] = [];
    preload.on('library.changed', () => seen.push('library'));
    preload.on('hub.assignmentsChanged', ({ version }) => seen.push(`assignments ${version}`));
    bus.emit('hub.assignmentsChanged', { version: 3 });
    bus.emit('library.changed', {});
    expect(seen).toEqual(['assignments 3', 'library']);
  });

  it('main refuses to push a payload the contract does not describe (no leaking extra fields)', () => {
    const { bus, preload, logged } = electronLike();
    const seen: unknown[] = [];
    preload.on('hub.assignmentsChanged', (payload) => seen.push(payload));
    bus.emit('hub.assignmentsChanged', { version: 1, accessToken: 'secret' } as never);
    expect(seen).toEqual([]);
    expect(logged.at(-1)).toMatch(/malformed event/);
  });

  it('the preload drops messages with an unknown name or a malformed payload (a compromised sender)', () => {
    const { raw, preload } = electronLike();
    const seen: unknown[] = [];
    preload.on('hub.assignmentsChanged', (payload) => seen.push(payload));
    raw({ event: 'hub.assignmentsChanged', payload: { version: 'many' } });
    raw({ event: 'fs.changed', payload: {} });
    raw('not an object');
    raw({ event: 'hub.assignmentsChanged', payload: { version: 2 } });
    expect(seen).toEqual([{ version: 2 }]);
  });

  it('the preload refuses to listen to an event the contract does not name', () => {
    const { preload } = electronLike();
    expect(() => preload.on('fs.changed' as never, () => undefined)).toThrow(/Unknown bridge event/);
  });

  it('a page that navigated away from app://anchor hears nothing (threat: a foreign page eavesdropping)', () => {
    const { bus, page, preload } = electronLike();
    const seen: unknown[] = [];
    preload.on('library.changed', () => seen.push('heard'));
    page.url = 'https://evil.example/';
    bus.emit('library.changed', {});
    page.url = 'app://anchor.evil/index.html';
    bus.emit('library.changed', {});
    expect(seen).toEqual([]);
  });

  it('stops forwarding when told to', () => {
    const { bus, preload, stop } = electronLike();
    const seen: unknown[] = [];
    preload.on('library.changed', () => seen.push('heard'));
    stop();
    bus.emit('library.changed', {});
    expect(seen).toEqual([]);
  });
});
