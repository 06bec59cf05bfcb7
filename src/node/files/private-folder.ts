import { chmod, lstat, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Written once a tree has been tightened, so later starts check the folder alone, not every file. */
const TIGHTENED_MARK = '.anchor-private';
const GROUP_OTHERS = 0o077;
const GROUP_OTHERS_WRITE = 0o022;

/**
 * Makes new files and folders of this process owner-only (0600 / 0700). Assessment data —
 * scores, private notes, classroom video — is no one else's business on a shared computer.
 * Call first thing in an entry point (not in a worker thread, where umask cannot be set).
 */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

/** A data folder that others could read or change, with what to do about it. */
export class UnsafeFolderError extends Error {
  override name = 'UnsafeFolderError';
}

/**
 * Prepares `path` as a private data folder: created 0700 when missing; refused when another user
 * owns it or group or others can write to it (they could plant or replace files), with the
 * command that fixes it; otherwise tightened to 0700, and on the first start after an earlier
 * version (which wrote 0755/0644 and PGlite's 0666) every file and folder inside it owned by
 * this user loses its group and others bits.
 */
export async function ensurePrivateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  // Windows has no mode bits (stat reports 0666/0777 for everything) but ACLs, and a profile's
  // application-data folders are private to their user already.
  if (process.platform === 'win32') return;
  const info = await stat(path);
  if (!info.isDirectory()) throw new UnsafeFolderError(`The data folder ${path} is not a folder.`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new UnsafeFolderError(
      `The data folder ${path} belongs to another user (uid ${info.uid}). Anchor keeps assessment data ` +
        `private to one account: use a folder of your own, or take this one over with \`chown -R ${uid} ${path}\`.`,
    );
  }
  if (info.mode & GROUP_OTHERS_WRITE) {
    throw new UnsafeFolderError(
      `The data folder ${path} can be changed by other users (mode ${octal(info.mode)}). Anchor keeps ` +
        `assessment data private: make it yours alone with \`chmod 700 ${path}\`, then start again.`,
    );
  }
  const marked = await lstat(join(path, TIGHTENED_MARK)).then(
    () => true,
    () => false,
  );
  if (info.mode & GROUP_OTHERS) await chmod(path, 0o700);
  if (!marked) {
    await tightenTree(path, uid);
    await writeFile(join(path, TIGHTENED_MARK), '', { mode: 0o600 });
  }
}

/** Clears group and others bits below `folder`; symbolic links are not followed, others' files not touched. */
async function tightenTree(folder: string, uid: number | undefined): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (!entry.isDirectory() && !entry.isFile()) continue;
    const info = await lstat(path);
    if (uid !== undefined && info.uid !== uid) continue;
    if (info.mode & GROUP_OTHERS) await chmod(path, info.mode & 0o700);
    if (entry.isDirectory()) await tightenTree(path, uid);
  }
}

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}
