import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const preload = 'out/preload/index.cjs';
const main = 'out/main/index.js';

describe('Electron build (electron-vite, no binary needed)', () => {
  it('produces a CommonJS preload that requires nothing but electron (sandboxed preloads cannot)', () => {
    expect(existsSync(preload), `${preload} is missing: run "npm run build"`).toBe(true);
    const source = readFileSync(preload, 'utf8');
    const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(source).toContain('exposeInMainWorld');
  });

  it('builds the main process with the security layer wired in', () => {
    expect(existsSync(main), `${main} is missing: run "npm run build"`).toBe(true);
    const source = readFileSync(main, 'utf8');
    for (const needle of [
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'setWindowOpenHandler',
      'setPermissionRequestHandler',
      'sandbox: true',
      'contextIsolation: true',
      'nodeIntegration: false',
    ]) {
      expect(source, needle).toContain(needle);
    }
  });
});
