import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createDemoHub } from '../../../src/demo/demo-hub';
import { startHost, type RunningHost } from '../../../src/host/server';

/** Flags for Chromium on a machine with no outside network (see DEVELOPERS notes in README). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}; install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return path;
}

async function openBrowser(profileDir: string, launchUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(launchUrl);
  await page.getByRole('heading', { name: /Packet queue/ }).waitFor();
  return { context, page };
}

/** The Chromium browser process (not a renderer or helper) using this profile. */
async function browserPid(profileDir: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes('--type=')) return Number(entry);
  }
  return undefined;
}

const WEB_ROOT = resolve(import.meta.dirname, '../../../out/web');

/** A running browser-mode Anchor plus a real Chromium with a throw-away profile. */
export class AnchorSession {
  private constructor(
    public host: RunningHost,
    public context: BrowserContext,
    public page: Page,
    private readonly profileDir: string,
    readonly dataDir: string,
    private readonly ownsData: boolean,
  ) {}

  static async start(options: { dataDir?: string; demoHub?: boolean } = {}): Promise<AnchorSession> {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('out/web is missing: run "npm run build:web" first');
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'anchor-e2e-data-')));
    const profileDir = await mkdtemp(join(tmpdir(), 'anchor-e2e-profile-'));
    const host = await startHost({
      dataDir,
      webRoot: WEB_ROOT,
      log: () => undefined,
      demoHub: options.demoHub ? createDemoHub : undefined,
    });
    const { context, page } = await openBrowser(profileDir, host.launchUrl);
    return new AnchorSession(host, context, page, profileDir, dataDir, !options.dataDir);
  }

  /**
   * Kills Chromium the hard way (SIGKILL to the browser process: no unload handlers, no
   * graceful IndexedDB shutdown), then starts it again on the same profile, like a crash.
   */
  async killAndRelaunchBrowser(): Promise<void> {
    const pid = await browserPid(this.profileDir);
    if (!pid) throw new Error('could not find the Chromium browser process to kill');
    process.kill(pid, 'SIGKILL');
    await this.context.close().catch(() => undefined);
    const { context, page } = await openBrowser(this.profileDir, this.host.launchUrl);
    this.context = context;
    this.page = page;
  }

  /**
   * Stops Anchor (the browser-mode host) and starts it again on the same data folder and port,
   * then opens the new run's link in the same browser profile, as a person restarting
   * `npm run web` would. The hub session (host memory only) ends with the old run.
   */
  async restartHost(): Promise<void> {
    const port = Number(new URL(this.host.origin).port);
    await this.host.close();
    this.host = await startHost({ dataDir: this.dataDir, webRoot: WEB_ROOT, port, log: () => undefined });
    await this.page.goto(this.host.launchUrl);
    await this.page.getByRole('heading', { name: /Packet queue/ }).waitFor();
  }

  /** Imports packet files through the library's file picker, as a user would. */
  async importFiles(...files: string[]): Promise<void> {
    await this.openLibrary();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import packet…' }).click();
    await (await chooser).setFiles(files);
  }

  /** Goes to the library screen (the way back from a packet). */
  async openLibrary(): Promise<void> {
    if (!(await this.page.getByRole('heading', { name: /Packet queue/ }).isVisible())) {
      await this.page.getByRole('link', { name: '← Queue' }).click();
      await this.page.getByRole('heading', { name: /Packet queue/ }).waitFor();
    }
  }

  async stop(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.host.close();
    await rm(this.profileDir, { recursive: true, force: true });
    if (this.ownsData) await rm(this.dataDir, { recursive: true, force: true });
  }
}
