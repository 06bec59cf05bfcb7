import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The hub session: held only by the main process (Electron) or the host process (browser mode). */
export const HubTokens = z.strictObject({
  hubUrl: z.string().url(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  user: z.strictObject({ id: z.string(), username: z.string(), roles: z.array(z.string()) }),
});
export type HubTokens = z.infer<typeof HubTokens>;

/** Where hub tokens are kept. Never IndexedDB, localStorage or the renderer. */
export interface TokenStore {
  load(): Promise<HubTokens | undefined>;
  save(tokens: HubTokens): Promise<void>;
  clear(): Promise<void>;
  /** How the tokens are kept, to complete "Your hub session is kept …" on the hub screen. */
  readonly protection: string;
}

/** Encrypts secrets with an OS-backed key (Electron's safeStorage in the desktop app). */
export interface Sealer {
  seal(plaintext: string): Buffer;
  open(sealed: Buffer): string;
  /** e.g. "gnome_libsecret", "keychain", "dpapi"; "basic_text" means no real protection. */
  readonly backend: string;
}

/** Browser mode: tokens live in the host process's memory only and end with it. */
export class MemoryTokenStore implements TokenStore {
  readonly protection = 'in process memory only';
  private tokens: HubTokens | undefined;
  async load() {
    return this.tokens;
  }
  async save(tokens: HubTokens) {
    this.tokens = HubTokens.parse(tokens);
  }
  async clear() {
    this.tokens = undefined;
  }
}

/**
 * Desktop: tokens sealed by the OS key store and written atomically to one file in the app's
 * data folder. A file that cannot be opened (another machine, a changed OS key) is discarded:
 * the assessor signs in again rather than the app failing.
 */
export class SealedFileTokenStore implements TokenStore {
  /** Opened once: every hub call asks for the tokens, and the file only changes through this store. */
  private opened: HubTokens | null | undefined;

  constructor(
    private readonly file: string,
    private readonly sealer: Sealer,
  ) {}

  get protection(): string {
    return `sealed by the OS key store (${this.sealer.backend})`;
  }

  async load(): Promise<HubTokens | undefined> {
    if (this.opened === undefined) this.opened = (await this.openFile()) ?? null;
    return this.opened ?? undefined;
  }

  private async openFile(): Promise<HubTokens | undefined> {
    let sealed: Buffer;
    try {
      sealed = await readFile(this.file);
    } catch {
      return undefined;
    }
    try {
      return HubTokens.parse(JSON.parse(this.sealer.open(sealed)));
    } catch {
      await this.clear();
      return undefined;
    }
  }

  async save(tokens: HubTokens): Promise<void> {
    const sealed = this.sealer.seal(JSON.stringify(HubTokens.parse(tokens)));
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const partial = `${this.file}.partial`;
    await writeFile(partial, sealed, { mode: 0o600 });
    await rename(partial, this.file);
    this.opened = HubTokens.parse(tokens);
  }

  async clear(): Promise<void> {
    this.opened = null;
    await rm(this.file, { force: true });
  }
}
