import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../src/main/bridge/handlers';
import { createPreloadBridge } from '../../src/preload/preload-bridge';
import { createDispatcher } from '../../src/main/bridge/dispatch';
import { senderRefusal } from '../../src/main/bridge/sender-check';
import {
  BRIDGE_CONTRACT,
  BridgeError,
  CHANNELS,
  UPLOAD_CHANNELS,
  type BridgeHandlers,
} from '../../src/shared/contract/bridge';
import { safeExternalUrl } from '../../src/main/services/safe-url';

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

function fakeHandlers(overrides: Partial<BridgeHandlers> = {}): BridgeHandlers {
  const fail = async () => {
    throw new BridgeError('not used in this test');
  };
  return {
    'app.info': async () => ({ version: '1.0.0', transport: 'ipc' }),
    'packets.list': async () => [],
    'packets.get': fail,
    'packets.import': fail,
    'packets.remove': async () => ({ removed: true }),
    'packets.verify': fail,
    'hub.status': fail,
    'hub.signIn': fail,
    'hub.signOut': fail,
    'hub.startDemo': fail,
    'hub.assignments': fail,
    'hub.pull': fail,
    'hub.pulls': fail,
    'hub.uploadScore': fail,
    'hub.conflicts': fail,
    'hub.declareConflict': fail,
    'facilitator.sessions': fail,
    'facilitator.session': fail,
    'facilitator.scores': fail,
    'facilitator.reveal': fail,
    'facilitator.consensus': fail,
    'facilitator.reopen': fail,
    'facilitator.close': fail,
    'facilitator.report': fail,
    'facilitator.reportCsv': fail,
    'norming.sessions': fail,
    'norming.session': fail,
    'norming.pullAnchors': fail,
    'norming.anchorPulls': fail,
    'norming.qualifications': fail,
    'admin.windows': fail,
    'admin.createWindow': fail,
    'admin.updateWindow': fail,
    'admin.uploadPacket': fail,
    'admin.packets': fail,
    'admin.users': fail,
    'admin.createUser': fail,
    'admin.updateUser': fail,
    'admin.assignments': fail,
    'admin.assign': fail,
    'admin.autoAssign': fail,
    'admin.unassign': fail,
    'committee.windows': fail,
    'committee.dashboard': fail,
    'committee.progress': fail,
    'committee.reassign': fail,
    'committee.adjudication': fail,
    'committee.resolveAdjudication': fail,
    'committee.decisionView': fail,
    'committee.thread': fail,
    'committee.postThread': fail,
    'committee.decide': fail,
    'committee.batchDecide': fail,
    'committee.rubric': fail,
    'committee.openEvidence': fail,
    'committee.release': fail,
    'committee.revealIdentity': fail,
    'committee.candidateReport': fail,
    'quality.scorers': fail,
    'quality.pause': fail,
    'quality.resume': fail,
    'quality.validity': fail,
    'quality.markValidity': fail,
    'quality.validityCandidates': fail,
    'quality.packetRubric': fail,
    'backReading.list': fail,
    'backReading.packet': fail,
    'backReading.note': fail,
    'backReading.adjudicate': fail,
    'audit.page': fail,
    'audit.csv': fail,
    ...overrides,
  };
}

describe('bridge contract', () => {
  it('lists every channel of the feature contracts, read off the one table', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(BRIDGE_CONTRACT).sort());
    expect(CHANNELS).toContain('hub.declareConflict');
  });

  it('is implemented by the main-process handlers for every channel', () => {
    const handlers = createBridgeHandlers({ hub: {} as never, version: '1', transport: 'ipc' });
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('gives the preload one function per data channel, plus the uploads, evidence URL and on(event)', () => {
    const ipc = { invoke: async () => ({ ok: true, value: null }), on: () => undefined };
    const preload = createPreloadBridge(ipc, () => '/tmp/x');
    const dataChannels = CHANNELS.filter((c) => !(UPLOAD_CHANNELS as readonly string[]).includes(c));
    expect(Object.keys(preload).sort()).toEqual(
      [...dataChannels, 'evidenceUrl', 'importPacketFile', 'on', 'uploadPacketToHub'].sort(),
    );
  });

  it('calls over IPC only under the channel the function is bound to', async () => {
    const invoked: [string, unknown][] = [];
    const dispatch = createDispatcher(fakeHandlers(), () => undefined);
    const ipc = {
      invoke: async (channel: string, payload: unknown) => {
        invoked.push([channel, payload]);
        const result = await dispatch(channel, payload);
        return result.ok ? result : { ok: false, error: { message: result.error.message, code: result.error.code } };
      },
      on: () => undefined,
    };
    const preload = createPreloadBridge(ipc, () => '/tmp/x');
    expect(await preload['app.info']({})).toEqual({ version: '1.0.0', transport: 'ipc' });
    await expect(preload['packets.remove']({ packetId: 'nope' })).rejects.toThrow(/Invalid request for packets.remove/);
    expect(invoked.map(([channel]) => channel)).toEqual(['app.info', 'packets.remove']);
  });

  it('builds the HTTP carrier from the same channel table (no generic invoke)', () => {
    const source = readFileSync('src/renderer/bridge/http-bridge.ts', 'utf8');
    expect(source).toContain('CHANNELS');
    expect(source).toContain('UPLOAD_CHANNELS');
    expect(source).not.toMatch(/invoke\s*\(\s*channel\s*:\s*string/);
    expect(UPLOAD_CHANNELS.every((c) => (CHANNELS as readonly string[]).includes(c))).toBe(true);
  });

  it('registers the IPC router for the channel table, not a list of its own', () => {
    const source = readFileSync('src/main/electron/ipc-router.ts', 'utf8');
    expect(source).toMatch(/for \(const channel of CHANNELS\)/);
    expect(source).toMatch(/from '..\/..\/shared\/contract\/bridge'/);
  });
});

describe('dispatcher (the validating choke-point)', () => {
  const logged: string[] = [];
  const dispatch = createDispatcher(fakeHandlers(), (message) => logged.push(message));

  it('answers a valid call with output that matches the schema', async () => {
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: { version: '1.0.0', transport: 'ipc' } });
  });

  it('rejects an unknown channel and logs it', async () => {
    const result = await dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(result.ok).toBe(false);
    expect(logged.at(-1)).toMatch(/unknown channel/);
  });

  it.each([
    ['a wrong type', { packetId: 42 }],
    ['a non-UUID id', { packetId: '../../etc' }],
    ['an extra field', { packetId: ID, path: '/etc/passwd' }],
    ['no object at all', 'packets'],
  ])('rejects a malformed payload: %s', async (_name, payload) => {
    const result = await dispatch('packets.remove', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(logged.at(-1)).toMatch(/malformed payload/);
  });

  it('refuses to send an answer that breaks the output schema', async () => {
    const leaky = createDispatcher(
      fakeHandlers({ 'packets.remove': async () => ({ removed: true, secret: 'token' }) as never }),
      () => undefined,
    );
    expect(await leaky('packets.remove', { packetId: ID })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('IPC sender check', () => {
  it('accepts the app main frame', () => {
    expect(senderRefusal({ frameUrl: 'app://anchor/index.html', isMainFrame: true })).toBeUndefined();
  });
  it.each([
    ['a sub-frame', { frameUrl: 'app://anchor/index.html', isMainFrame: false }, /main frame/],
    ['a web origin', { frameUrl: 'https://evil.example/', isMainFrame: true }, /not app:\/\/anchor/],
    ['a file URL', { frameUrl: 'file:///tmp/x.html', isMainFrame: true }, /not app:\/\/anchor/],
    ['a look-alike host', { frameUrl: 'app://anchor.evil/index.html', isMainFrame: true }, /not app:\/\/anchor/],
    ['no URL', { frameUrl: undefined, isMainFrame: true }, /no URL/],
  ])('refuses %s', (_name, facts, reason) => {
    expect(senderRefusal(facts)).toMatch(reason);
  });
});

describe('safe external opener', () => {
  it('re-serializes plain https links', () => {
    expect(safeExternalUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
  });
  it.each([
    'http://example.org',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pw@example.org',
    'smb://host/share',
    'nonsense',
  ])('refuses %s', (url) => expect(safeExternalUrl(url)).toBeUndefined());
});
