import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

const CONTEXT_OPTIONS = { viewport: { width: 1400, height: 900 }, acceptDownloads: true } as const;

/**
 * One Chromium per test file for the sessions that need no profile on disk: each session is its
 * own browser context (own storage, IndexedDB and cookies, as separate people's machines), so a
 * story with five people starts one browser, not five.
 */
let shared: Promise<Browser> | undefined;
let sharedContexts = 0;
async function sharedContext(): Promise<BrowserContext> {
  shared ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const browser = await shared;
  const context = await browser.newContext(CONTEXT_OPTIONS);
  sharedContexts += 1;
  // The browser goes with the file's last session: nothing is left running between test files.
  context.on('close', () => {
    sharedContexts -= 1;
    if (sharedContexts === 0 && shared) {
      shared = undefined;
      void browser.close();
    }
  });
  return context;
}

async function openBrowser(
  profileDir: string | undefined,
  launchUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = profileDir
    ? await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
        headless: true,
        ...CONTEXT_OPTIONS,
      })
    : await sharedContext();
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

/**
 * A running browser-mode Anchor plus a real Chromium: a context of the file's shared browser, or
 * (persistentProfile) a browser of its own on a throw-away profile folder, for stories that kill
 * and relaunch the browser and expect its storage back.
 */
export class AnchorSession {
  private constructor(
    public host: RunningHost,
    public context: BrowserContext,
    public page: Page,
    private readonly profileDir: string | undefined,
    readonly dataDir: string,
    private readonly ownsData: boolean,
  ) {}

  static async start(
    options: { dataDir?: string; demoHub?: boolean; persistentProfile?: boolean } = {},
  ): Promise<AnchorSession> {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('out/web is missing: run "npm run build:web" first');
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'anchor-e2e-data-')));
    const profileDir = options.persistentProfile ? await mkdtemp(join(tmpdir(), 'anchor-e2e-profile-')) : undefined;
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
    if (!this.profileDir) throw new Error('start the session with persistentProfile to kill and relaunch its browser');
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
    // Same origin and path, another fragment: the browser does not load a new document, the app
    // reloads itself on seeing a launch link (main.tsx). Until that reload has happened, the old
    // document is still on screen — its queue heading, a form that the reload would wipe
    // mid-typing — so wait for the new document first.
    const reloaded = this.page.waitForEvent('load');
    await this.page.goto(this.host.launchUrl);
    await reloaded;
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
    if (this.profileDir) await rm(this.profileDir, { recursive: true, force: true });
    if (this.ownsData) await rm(this.dataDir, { recursive: true, force: true });
  }
}
