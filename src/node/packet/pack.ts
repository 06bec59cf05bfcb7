import { createWriteStream } from 'node:fs';
import { lstat, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { MANIFEST_FILE, PacketManifest, packetPathProblem } from '../../shared/packet/manifest';
import { resolveContained } from '../files/containment';
import { sha256File } from '../files/file-digest';
import { problemsFromZod, type Problem } from '../../shared/problems';
import { ALLOWED_MEDIA_TYPES } from './sniff';

export type PackResult = { ok: true; manifest: PacketManifest; bytes: number } | { ok: false; problems: Problem[] };

/**
 * Builds an .anchor packet from a folder holding manifest.json and the evidence files.
 * Sizes and sha256 digests are computed here, so a hand-written manifest may omit them.
 * Already-compressed media is stored, not deflated: importing then runs at copy speed.
 */
export async function packFolder(folder: string, outFile: string): Promise<PackResult> {
  let draft: { evidence?: Array<Record<string, unknown>> } & Record<string, unknown>;
  try {
    draft = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: MANIFEST_FILE, message: `could not be read: ${(error as Error).message}` }],
    };
  }
  const problems: Problem[] = [];
  for (const [index, item] of (Array.isArray(draft.evidence) ? draft.evidence : []).entries()) {
    if (typeof item.path !== 'string') continue;
    const where = `manifest.evidence[${index}].path`;
    const pathProblem = packetPathProblem(item.path);
    if (pathProblem) {
      problems.push({ path: where, message: pathProblem });
      continue;
    }
    // Contained and a regular file: a symlink could otherwise ship a secret from elsewhere on disk.
    const info = await lstat(join(folder, ...item.path.split('/'))).catch(() => undefined);
    const file = info ? await resolveContained(folder, item.path) : undefined;
    if (!info) {
      problems.push({ path: where, message: `refers to "${item.path}", which is not in the folder` });
      continue;
    }
    if (!info.isFile() || !file) {
      problems.push({
        path: where,
        message: `"${item.path}" is not a regular file (symbolic links and devices are refused)`,
      });
      continue;
    }
    item.bytes = info.size;
    item.sha256 = await sha256File(file);
  }
  const parsed = PacketManifest.safeParse(draft);
  if (!parsed.success) problems.push(...problemsFromZod(parsed.error, 'manifest'));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  const manifest = parsed.data;
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(draft, null, 2) + '\n', 'utf8'), MANIFEST_FILE, { compress: true });
  for (const item of manifest.evidence) {
    const textual = ['text', 'table'].includes(ALLOWED_MEDIA_TYPES[item.mediaType]?.kind ?? '');
    zip.addFile(join(folder, ...item.path.split('/')), item.path, { compress: textual });
  }
  zip.end();
  const partial = `${outFile}.partial`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    await rename(partial, outFile);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { ok: true, manifest, bytes: (await stat(outFile)).size };
}
