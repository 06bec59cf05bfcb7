import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Flushes every file and folder under `root` to disk (files first, then the folder that names
 * them), for a tree written without fsync — such as the database PGlite unpacks on first start —
 * so that a power cut afterwards cannot leave a half-present tree behind later, synced writes.
 */
export async function syncTree(root: string): Promise<void> {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await syncPath(path);
  }
  await syncPath(root);
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
