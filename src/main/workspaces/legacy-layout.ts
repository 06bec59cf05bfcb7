import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Log } from '../../shared/log';
import { isPulled, pulledFrom } from '../hub/pull';
import type { TokenStore } from '../hub/token-store';
import { importSourceOf } from '../services/packet-store';
import { LOCAL_WORKSPACE_ID } from './workspace-id';

/** Who signed in last with the version that kept one library for everybody (hub.json or the saved session). */
export interface LegacyOwner {
  hubUrl: string;
  username: string;
}

const WINDOWS_FILE = 'hub-windows.json';

/**
 * The last person to sign in with the old version: the saved session if there is one (the
 * desktop app keeps it sealed), else the hub form's remembered hub and user name (hub.json).
 */
export async function legacyOwner(dataDir: string, tokens: TokenStore): Promise<LegacyOwner | undefined> {
  const session = await tokens.load().catch(() => undefined);
  if (session) return { hubUrl: session.hubUrl, username: session.user.username };
  try {
    const { lastHubUrl, lastUsername } = JSON.parse(await readFile(join(dataDir, 'hub.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    if (typeof lastHubUrl === 'string' && typeof lastUsername === 'string' && URL.canParse(lastHubUrl))
      return { hubUrl: lastHubUrl, username: lastUsername };
  } catch {
    // no hub was ever used: everything imported goes to the local workspace
  }
  return undefined;
}

/**
 * Where a user's share of the old library waits until they sign in: the old layout knew the
 * hub and the user name, not the user id a workspace is keyed by; the sign-in brings the id.
 */
export function claimDir(root: string, owner: LegacyOwner): string {
  const digest = createHash('sha256')
    .update(`${new URL(owner.hubUrl).origin}\n${owner.username}`)
    .digest('hex');
  return join(root, 'claims', digest.slice(0, 24));
}

/**
 * Moves what an earlier version wrote straight under `<data>` into workspaces, once (and
 * safely again after a crash half-way: every step is a rename or a delete of what was moved):
 * - packets imported from disk go to the local workspace;
 * - packets pulled from the hub the last user signed in to wait in that user's claim, and
 *   join their workspace when they sign in (with their unfinished downloads and known windows);
 * - packets pulled from any other hub have no owner anyone can name: they are deleted (student
 *   evidence is not kept for nobody; the hub still has it, and pulling again brings it back).
 * Review data lives in the renderer's IndexedDB and moves there (src/renderer/data/legacy.ts).
 */
export async function moveLegacyLayout(
  dataDir: string,
  workspacesRoot: string,
  owner: LegacyOwner | undefined,
  log: Log,
): Promise<void> {
  const packetsDir = join(dataDir, 'packets');
  const downloadsDir = join(dataDir, 'downloads');
  if (!(await exists(packetsDir)) && !(await exists(downloadsDir))) return;
  const claim = owner ? claimDir(workspacesRoot, owner) : undefined;
  const ownersSource = owner ? pulledFrom(new URL(owner.hubUrl).origin) : undefined;
  const moved = { local: 0, claimed: 0, deleted: 0 };

  for (const entry of await readdir(packetsDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    const from = join(packetsDir, entry.name);
    const source = await importSourceOf(from);
    if (!isPulled(source)) {
      await moveInto(from, join(workspacesRoot, LOCAL_WORKSPACE_ID, 'packets'), entry.name);
      moved.local++;
    } else if (claim && sameHub(source, ownersSource)) {
      await moveInto(from, join(claim, 'packets'), entry.name);
      moved.claimed++;
    } else {
      await rm(from, { recursive: true, force: true });
      moved.deleted++;
    }
  }
  for (const entry of await readdir(downloadsDir, { withFileTypes: true }).catch(() => [])) {
    const from = join(downloadsDir, entry.name);
    if (claim && entry.isDirectory()) await moveInto(from, join(claim, 'downloads'), entry.name);
    else await rm(from, { recursive: true, force: true });
  }
  if (claim) await copyFile(join(dataDir, WINDOWS_FILE), join(claim, WINDOWS_FILE)).catch(() => undefined);
  await Promise.all(
    ['packets', 'downloads', 'tmp', WINDOWS_FILE].map((name) =>
      rm(join(dataDir, name), { recursive: true, force: true }),
    ),
  );
  log('workspaces: moved the library of an earlier version into workspaces', moved);
}

/** Moves a waiting claim into the workspace of the user who just signed in (before its store opens). */
export async function adoptClaim(workspacesRoot: string, owner: LegacyOwner, workspaceDir: string): Promise<void> {
  const claim = claimDir(workspacesRoot, owner);
  if (!(await exists(claim))) return;
  for (const sub of ['packets', 'downloads']) {
    for (const entry of await readdir(join(claim, sub), { withFileTypes: true }).catch(() => [])) {
      await moveInto(join(claim, sub, entry.name), join(workspaceDir, sub), entry.name);
    }
  }
  await rename(join(claim, WINDOWS_FILE), join(workspaceDir, WINDOWS_FILE)).catch(() => undefined);
  await rm(claim, { recursive: true, force: true });
}

function sameHub(source: string | undefined, ownersSource: string | undefined): boolean {
  if (!source || !ownersSource) return false;
  try {
    return pulledFrom(new URL(source.slice(pulledFrom('').length)).origin) === ownersSource;
  } catch {
    return false;
  }
}

/** Renames `from` to `<dir>/<name>`; if an earlier, interrupted run already moved it there, drops the leftover. */
async function moveInto(from: string, dir: string, name: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const to = join(dir, name);
  if (await exists(to)) await rm(from, { recursive: true, force: true });
  else await rename(from, to);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
