import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeDemoFolders } from '.';
import { packFolder } from '../node/packet/pack';
import type { DemoPacketSpec } from './spec';

/** Builds every demo packet (or the given specs) into `outDir`; returns the written .anchor files. */
export async function writeDemoSet(outDir: string, specs?: readonly DemoPacketSpec[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'anchor-demo-'));
  try {
    const written: string[] = [];
    for (const folder of await writeDemoFolders(work, { specs })) {
      const file = join(outDir, `${basename(folder)}.anchor`);
      const result = await packFolder(folder, file);
      if (!result.ok) {
        throw new Error(
          `demo packet ${basename(folder)} is invalid: ${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        );
      }
      written.push(file);
    }
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
