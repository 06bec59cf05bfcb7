import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/packets';

/**
 * `npm run web` keeps one origin per data folder: the page's IndexedDB (drafts, reviews,
 * pending uploads) belongs to the origin, port included, so a port that changed between runs
 * would hide the last run's work from the page.
 */
let dir: string;
const running: ChildProcess[] = [];
beforeAll(async () => {
  dir = await tempDir('anchor-web-port-');
});
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts the browser-mode host; resolves with its printed link, or its error output when it exits. */
function startWeb(
  dataDir: string,
  ...args: string[]
): Promise<{ link?: string; error?: string; code?: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/cli.ts', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const link = /http:\/\/127\.0\.0\.1:\d+\/#\S+/.exec(out)?.[0];
      if (link) resolve({ link });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ error: err, code }));
  });
}

/** Stops every host this test started (SIGTERM, as Ctrl+C would) and waits until they have exited. */
async function stop(): Promise<void> {
  const children = running.splice(0);
  const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(exits);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('browser mode port', () => {
  it('keeps the port it was first given for the data folder, so the next run has the same origin', async () => {
    const folder = join(dir, 'stable');
    const port = await freePort();
    const first = await startWeb(folder, '--port', String(port));
    expect(first.link).toContain(`http://127.0.0.1:${port}/`);
    await stop();
    expect((await readFile(join(folder, 'web-port'), 'utf8')).trim()).toBe(String(port));

    const second = await startWeb(folder);
    expect(second.link).toContain(`http://127.0.0.1:${port}/`);
    await stop();
  });

  it('names --port when another program holds the port, and leaves the data folder unlocked', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const folder = join(dir, 'taken');
      const result = await startWeb(folder, '--port', String(taken));
      expect(result.code).toBe(1);
      expect(result.error).toContain(`Port ${taken} on 127.0.0.1 is in use by another program`);
      expect(result.error).toContain('--port <number>');
      // The failed start released the data folder: another port starts at once.
      const next = await startWeb(folder, '--port', String(await freePort()));
      expect(next.link).toBeDefined();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses a port that is not a number, naming where it came from', async () => {
    const result = await startWeb(join(dir, 'bad'), '--port', 'eighty');
    expect(result.code).toBe(1);
    expect(result.error).toContain('--port: "eighty" is not a port number');
  });
});
