import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Resolves `relativePath` under `root` and proves the real file (after following symlinks)
 * is still inside the real root. Security-critical, do not change without review: containment
 * is decided by path.relative on realpaths, never by string prefixes, so "root-evil/..",
 * symlinks pointing out, and case tricks on the root itself cannot escape.
 * Returns the real path, or undefined when the path escapes or does not exist.
 */
export async function resolveContained(root: string, relativePath: string): Promise<string | undefined> {
  if (relativePath.includes('\0') || relativePath.includes('\\') || isAbsolute(relativePath)) return undefined;
  let realRoot: string;
  let realTarget: string;
  try {
    realRoot = await realpath(root);
    realTarget = await realpath(resolve(realRoot, ...relativePath.split('/')));
  } catch {
    return undefined;
  }
  const rel = relative(realRoot, realTarget);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return realTarget;
}
