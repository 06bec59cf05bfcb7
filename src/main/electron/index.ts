import { app, dialog } from 'electron';
import { join } from 'node:path';
import { createDemoHub } from '../../demo/demo-hub';
import { ensurePrivateFolder, restrictNewFiles, UnsafeFolderError } from '../../node/files/private-folder';
import { openBackend } from '../backend';
import { MemoryTokenStore, SealedFileTokenStore, type TokenStore } from '../hub/token-store';
import { handleAppProtocol, handleEvidenceProtocol, registerSchemes } from './protocols';
import { registerIpcRouter } from './ipc-router';
import { safeStorageSealer } from './safe-storage-sealer';
import { installSecurityGuards } from './security-guards';
import { createSecureWindow } from './window-factory';

const log = (message: string, details?: Record<string, unknown>) => console.error(`[anchor] ${message}`, details ?? '');

// Drafts, reviews and pulled evidence are the assessor's alone: new files 0600, folders 0700.
restrictNewFiles();
// Sandbox every renderer, including any created by accident (Element Desktop does the same).
app.enableSandbox();
registerSchemes();
if (!app.requestSingleInstanceLock()) app.quit();

app
  .whenReady()
  .then(async () => {
    const dataDir = process.env.ANCHOR_DATA_DIR ?? app.getPath('userData');
    // Refused when others could change it: the message, with the command that fixes it, is shown.
    await ensurePrivateFolder(dataDir);
    const backend = await openBackend({
      dataDir,
      version: app.getVersion(),
      transport: 'ipc',
      log,
      tokens: desktopTokenStore(join(dataDir, 'hub-session.sealed'), log),
      // First run: with no hub configured the Hub screen offers a local demo hub.
      demoHub: createDemoHub,
    });
    app.on('will-quit', () => void backend.close());
    installSecurityGuards(log);
    handleAppProtocol(join(import.meta.dirname, '../renderer'));
    handleEvidenceProtocol(() => backend.evidence());
    registerIpcRouter(backend.dispatch, backend.events, log);
    createSecureWindow();
  })
  .catch((error: unknown) => {
    log('startup failed', { error: String(error) });
    // A desktop user sees no terminal: say why the app did not open (e.g. an unsafe data folder).
    if (error instanceof UnsafeFolderError) dialog.showErrorBox('Anchor cannot start', error.message);
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());

/**
 * Tokens sealed by the OS key store. Where none is available the session lives in memory only
 * (sign in again after a restart) rather than on disk in the clear.
 */
function desktopTokenStore(file: string, logTo: typeof log): TokenStore {
  try {
    return new SealedFileTokenStore(file, safeStorageSealer());
  } catch (error) {
    logTo('hub tokens: OS encryption unavailable, keeping the session in memory only', { error: String(error) });
    return new MemoryTokenStore();
  }
}
