import { app } from 'electron';
import { join } from 'node:path';
import { openBackend } from '../backend';
import { handleAppProtocol, handleEvidenceProtocol, registerSchemes } from './protocols';
import { registerIpcRouter } from './ipc-router';
import { installSecurityGuards } from './security-guards';
import { createSecureWindow } from './window-factory';

const log = (message: string, details?: Record<string, unknown>) => console.error(`[anchor] ${message}`, details ?? '');

// Sandbox every renderer, including any created by accident (Element Desktop does the same).
app.enableSandbox();
registerSchemes();
if (!app.requestSingleInstanceLock()) app.quit();

app
  .whenReady()
  .then(async () => {
    const dataDir = process.env.ANCHOR_DATA_DIR ?? app.getPath('userData');
    const backend = await openBackend({ dataDir, version: app.getVersion(), transport: 'ipc', log });
    installSecurityGuards(log);
    handleAppProtocol(join(import.meta.dirname, '../renderer'));
    handleEvidenceProtocol(backend.store.cache);
    registerIpcRouter(backend.dispatch, log);
    createSecureWindow();
  })
  .catch((error: unknown) => {
    log('startup failed', { error: String(error) });
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
