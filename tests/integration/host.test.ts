import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/host/server';
import { defaultFiles, tempDir, TEST_PACKET_ID, writePacket } from '../support/packets';

let dir: string;
let host: RunningHost;
let evidenceKey: string;

/** Raw HTTP so tests can send headers a browser would not (Host, Origin). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(path, host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const authed = (extra: Record<string, string> = {}) => ({ 'X-Anchor-Token': host.token, ...extra });

beforeAll(async () => {
  dir = await tempDir();
  const webRoot = join(dir, 'web');
  await mkdir(webRoot);
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Anchor</title>');
  host = await startHost({ dataDir: join(dir, 'data'), webRoot, log: () => undefined });
  const fragment = new URLSearchParams(new URL(host.launchUrl).hash.slice(1));
  expect(fragment.get('anchor-token')).toBe(host.token);
  evidenceKey = fragment.get('anchor-evidence')!;
  expect(evidenceKey.length).toBeGreaterThan(20);
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser-mode host', () => {
  it('refuses a second host on the same data folder', async () => {
    await expect(
      startHost({ dataDir: join(dir, 'data'), webRoot: join(dir, 'web'), log: () => undefined }),
    ).rejects.toThrow(/Another Anchor \(process \d+\) is using the data folder/);
  });

  it('binds to loopback and serves the app with a strict CSP', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await send('/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it("allows fullscreen (the video player's button) for the app's own origin only", async () => {
    const page = await send('/');
    expect(page.headers['permissions-policy']).toBe('fullscreen=(self)');
  });

  it("refuses calls and evidence without this run's secrets, and sets no cookie anywhere", async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(
      (
        await send('/bridge/packets.list', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Anchor-Token': 'wrong' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await send('/bridge/packets.list', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await send('/', { headers: authed({ Host: 'evil.example:80' }) })).status).toBe(421);
  });

  it('refuses cross-origin calls and simple (form-style) content types', async () => {
    const crossOrigin = await send('/bridge/packets.list', {
      method: 'POST',
      headers: authed({ Origin: 'https://evil.example', 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
    const formPost = await send('/bridge/packets.list', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'text/plain' }),
      body: '{}',
    });
    expect(formPost.status).toBe(415);
  });

  it('rejects malformed bridge calls with a clear error', async () => {
    const bad = await send('/bridge/packets.get', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/json' }),
      body: '{"packetId": 5}',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.message).toMatch(/packetId/);
    const malformed = await send('/bridge/%E0%A4%A', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(malformed.status).toBe(400);
    const notJson = await send('/bridge/packets.list', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/json' }),
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const pathImport = await send('/bridge/packets.import', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ path: '/etc/passwd', fileName: 'x' }),
    });
    expect(pathImport.status).toBe(400);
  });

  it('imports by upload, lists over the bridge and serves evidence with Range', async () => {
    const file = await writePacket(dir, 'ok.anchor');
    const upload = await send('/upload/packets.import', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/octet-stream', 'X-Anchor-File-Name': 'ok.anchor' }),
      body: await readFile(file),
    });
    expect(JSON.parse(upload.body.toString())).toMatchObject({ ok: true, value: { ok: true, alreadyImported: false } });

    const list = await send('/bridge/packets.list', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(JSON.parse(list.body.toString()).value).toHaveLength(1);

    const pdf = (await defaultFiles())[0]!;
    const range = await send(`/evidence/${TEST_PACKET_ID}/${pdf.path}?k=${evidenceKey}`, {
      headers: { Range: 'bytes=5-14' },
    });
    expect(range.status).toBe(206);
    expect(range.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect((await send(`/evidence/${TEST_PACKET_ID}/${pdf.path}`)).status).toBe(403);
    expect((await send(`/evidence/${TEST_PACKET_ID}/${pdf.path}?k=${host.token}`)).status).toBe(403);
    const embedded = await send(`/evidence/${TEST_PACKET_ID}/${pdf.path}?k=${evidenceKey}`, {
      headers: { 'Sec-Fetch-Site': 'same-site' }, // a page on another 127.0.0.1 port embedding it
    });
    expect(embedded.status).toBe(403);
    expect(range.body).toEqual(pdf.data.subarray(5, 15));
    expect(range.headers['accept-ranges']).toBe('bytes');

    const traversal = await send(`/evidence/${TEST_PACKET_ID}/%2e%2e/%2e%2e/manifest.json?k=${evidenceKey}`);
    expect([400, 404]).toContain(traversal.status);
  });

  it('stops an oversized chunked upload without importing or crashing', async () => {
    const small = await startHost({
      dataDir: join(dir, 'small-data'),
      webRoot: join(dir, 'web'),
      limits: { maxTotalBytes: 1000 },
      log: () => undefined,
    });
    try {
      const port = new URL(small.origin).port;
      const outcome = await new Promise<string>((resolve) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/upload/packets.import',
            method: 'POST',
            headers: {
              'Content-Type': 'application/octet-stream',
              'X-Anchor-Token': small.token,
              'Transfer-Encoding': 'chunked',
            },
          },
          (res) => resolve(String(res.statusCode)),
        );
        req.on('error', () => resolve('reset'));
        for (let i = 0; i < 20; i++) req.write(Buffer.alloc(500, 1));
        req.end();
      });
      expect(['413', 'reset']).toContain(outcome);
      expect((await small.backend.hub.currentWorkspace()).store.list()).toEqual([]);
      expect((await fetch(`${small.origin}/`)).status).toBe(200); // still serving
    } finally {
      await small.close();
    }
  });

  it('reports a rejected upload with its problems and keeps nothing', async () => {
    const upload = await send('/upload/packets.import', {
      method: 'POST',
      headers: authed({ 'Content-Type': 'application/octet-stream', 'X-Anchor-File-Name': 'junk.anchor' }),
      body: Buffer.from('not a zip'),
    });
    const outcome = JSON.parse(upload.body.toString()).value;
    expect(outcome).toMatchObject({ ok: false, fileName: 'junk.anchor' });
    expect(outcome.problems[0].message).toMatch(/not an Anchor packet \(not a zip archive\)/);
  });
});

/** Opens the host's event stream with raw HTTP and collects its frames as they arrive. */
function openEvents(headers: Record<string, string>): Promise<{
  status: number;
  frames: string[];
  next(predicate: (frame: string) => boolean): Promise<string>;
  close(): void;
}> {
  const url = new URL('/events', host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: '/events', headers }, (res) => {
      const frames: string[] = [];
      const waiters: { predicate: (frame: string) => boolean; resolve: (frame: string) => void }[] = [];
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          frames.push(frame);
          for (const waiter of waiters.splice(0)) {
            if (waiter.predicate(frame)) waiter.resolve(frame);
            else waiters.push(waiter);
          }
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        frames,
        next: (predicate) =>
          new Promise((found) => {
            const seen = frames.find(predicate);
            if (seen) found(seen);
            else waiters.push({ predicate, resolve: found });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode events (server-sent)', () => {
  it('pushes bridge events to the page as they are emitted, named and validated by the contract', async () => {
    const stream = await openEvents({ Host: new URL(host.origin).host, 'X-Anchor-Token': host.token });
    try {
      expect(stream.status).toBe(200);
      host.backend.events.emit('hub.assignmentsChanged', { version: 7 });
      host.backend.events.emit('library.changed', {});
      const assignments = await stream.next((frame) => frame.startsWith('event: hub.assignmentsChanged'));
      expect(assignments).toBe('event: hub.assignmentsChanged\ndata: {"version":7}');
      expect(await stream.next((frame) => frame.startsWith('event: library.changed'))).toBe(
        'event: library.changed\ndata: {}',
      );
    } finally {
      stream.close();
    }
  });

  it('pushes the real services’ changes: the pull list after a pull is queued', async () => {
    const stream = await openEvents({ Host: new URL(host.origin).host, 'X-Anchor-Token': host.token });
    try {
      // No hub is signed in to, so the pull fails at once; each change of the list is pushed all the same.
      (await host.backend.hub.pulls()).enqueue([TEST_PACKET_ID]);
      const frame = await stream.next((f) => f.startsWith('event: hub.pullsChanged'));
      const pulls = JSON.parse(frame.split('\ndata: ')[1]!).pulls;
      expect(pulls[0]).toMatchObject({ packetId: TEST_PACKET_ID });
      await (await host.backend.hub.pulls()).idle();
    } finally {
      stream.close();
    }
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'X-Anchor-Token': 'x'.repeat(32) }],
  ])('refuses a stream with %s (threat: another local page or program listening in)', async (_name, extra) => {
    const stream = await openEvents({ Host: new URL(host.origin).host, ...extra });
    stream.close();
    expect(stream.status).toBe(401);
  });

  it('refuses a stream for a foreign Host or a cross-origin page (threat: DNS rebinding, a web page reading events)', async () => {
    const rebinding = await openEvents({ Host: 'evil.example:80', 'X-Anchor-Token': host.token });
    rebinding.close();
    expect(rebinding.status).toBe(421);
    const crossOrigin = await openEvents({
      Host: new URL(host.origin).host,
      Origin: 'http://evil.example',
      'X-Anchor-Token': host.token,
    });
    crossOrigin.close();
    expect(crossOrigin.status).toBe(403);
  });

  it('answers only GET on the event stream', async () => {
    const posted = await send('/events', { method: 'POST', headers: authed() });
    expect(posted.status).toBe(405);
  });
});
