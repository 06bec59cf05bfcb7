import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

/** The Electron binary, when this machine has one (its download host is unreachable in some CI). */
function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log(
    '[electron e2e] SKIPPED: no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network to its download host). ' +
      'The browser-mode end-to-end tests cover the same renderer and services.',
  );
}

describe.skipIf(!binary)('Electron app', () => {
  const root = resolve(import.meta.dirname, '../..');
  let dataDir: string | undefined;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('launches a sandboxed window on app:// with the bridge and no Node', async () => {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'anchor-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [join(root, 'out/main/index.js')],
      env: { ...process.env, ANCHOR_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await window.getByRole('heading', { name: /Packet queue/ }).waitFor();
      expect(window.url()).toMatch(/^app:\/\/anchor\//);
      const facts = await window.evaluate(() => ({
        hasBridge: typeof (window as unknown as { anchorBridge?: unknown }).anchorBridge === 'object',
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(facts).toEqual({ hasBridge: true, hasRequire: 'undefined', hasProcess: 'undefined' });
      const info = await window.evaluate(() =>
        (window as unknown as { anchorBridge: { 'app.info': (i: object) => Promise<unknown> } }).anchorBridge[
          'app.info'
        ]({}),
      );
      expect(info).toMatchObject({ transport: 'ipc' });
    } finally {
      await app.close();
    }
  });
});
