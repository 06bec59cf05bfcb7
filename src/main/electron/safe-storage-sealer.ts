import { safeStorage } from 'electron';
import type { Sealer } from '../hub/token-store';

/**
 * Hub tokens sealed with Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). The
 * backend is recorded so diagnostics can say when Linux fell back to "basic_text" (no keyring),
 * as Element Desktop does.
 */
export function safeStorageSealer(): Sealer {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('OS encryption for secrets is not available');
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform;
  return {
    backend,
    seal: (plaintext) => safeStorage.encryptString(plaintext),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
