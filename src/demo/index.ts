import type { DemoPacketSpec } from './spec';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadDemoCredentials } from './credentials';
import { DEMO_PACKETS } from './packets';
import { findResourcesDir } from './resources';
import { writeDemoFolder } from './write-folder';

export { writeLargePdf } from './large-pdf';
export { loadDemoCredentials, type DemoCredentialFile } from './credentials';
export type { FolderManifest, FolderEvidenceItem } from './write-folder';

/**
 * Writes the demo evidence packets' source folders (manifest.json plus evidence) under workDir,
 * one folder per packet, and returns their absolute paths. Pack each with packFolder().
 */
export async function writeDemoFolders(
  workDir: string,
  options: { resourcesDir?: string; specs?: readonly DemoPacketSpec[] } = {},
): Promise<string[]> {
  const resourcesDir = options.resourcesDir ?? findResourcesDir();
  const credentials = await loadDemoCredentials(resourcesDir);
  const root = resolve(workDir);
  await mkdir(root, { recursive: true });
  const folders: string[] = [];
  for (const spec of options.specs ?? DEMO_PACKETS) {
    const credential = credentials.get(spec.credentialId);
    if (!credential)
      throw new Error(`${spec.slug}: no credential "${spec.credentialId}" in resources/demo/credentials`);
    folders.push(await writeDemoFolder(spec, credential, resourcesDir, root));
  }
  return folders;
}
