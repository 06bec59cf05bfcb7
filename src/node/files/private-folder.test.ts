import { chmod, chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateFolder, UnsafeFolderError } from './private-folder';

const mode = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);
const isRoot = process.getuid?.() === 0;

describe('ensurePrivateFolder', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'anchor-private-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing folder, and the folders above it, 0700', async () => {
    const folder = join(parent, 'a', 'data');
    await ensurePrivateFolder(folder);
    expect(await mode(folder)).toBe('700');
    expect(await mode(join(parent, 'a'))).toBe('700');
  });

  it('refuses a folder others can write, naming the chmod that fixes it, and changes nothing', async () => {
    const folder = join(parent, 'data');
    await mkdir(folder);
    await chmod(folder, 0o777);
    const refused = ensurePrivateFolder(folder);
    await expect(refused).rejects.toThrow(UnsafeFolderError);
    await expect(refused).rejects.toThrow(`chmod 700 ${folder}`);
    expect(await mode(folder)).toBe('777');
  });

  it('refuses a group-writable folder too', async () => {
    const folder = join(parent, 'data');
    await mkdir(folder);
    await chmod(folder, 0o770);
    await expect(ensurePrivateFolder(folder)).rejects.toThrow(/can be changed by other users \(mode 770\)/);
  });

  it.skipIf(!isRoot)('refuses a folder another user owns, naming the chown that fixes it (run as root)', async () => {
    const folder = join(parent, 'data');
    await mkdir(folder, { mode: 0o700 });
    await chown(folder, 65534, 65534);
    await expect(ensurePrivateFolder(folder)).rejects.toThrow(/belongs to another user \(uid 65534\).*chown -R 0/);
  });

  it('tightens a readable tree written by an earlier version: 0700 folders, 0600 files', async () => {
    const folder = join(parent, 'data');
    await mkdir(join(folder, 'packets', 'p1'), { recursive: true });
    await writeFile(join(folder, 'packets', 'p1', 'video.mp4'), 'x');
    await writeFile(join(folder, 'settings.json'), '{}');
    for (const dir of [folder, join(folder, 'packets'), join(folder, 'packets', 'p1')]) await chmod(dir, 0o755);
    await chmod(join(folder, 'packets', 'p1', 'video.mp4'), 0o644);
    await chmod(join(folder, 'settings.json'), 0o600);
    await ensurePrivateFolder(folder);
    expect(await mode(folder)).toBe('700');
    expect(await mode(join(folder, 'packets'))).toBe('700');
    expect(await mode(join(folder, 'packets', 'p1'))).toBe('700');
    expect(await mode(join(folder, 'packets', 'p1', 'video.mp4'))).toBe('600');
    expect(await mode(join(folder, 'settings.json'))).toBe('600');
  });

  it('walks the tree once; later starts check the folder itself', async () => {
    const folder = join(parent, 'data');
    await ensurePrivateFolder(folder);
    await writeFile(join(folder, 'later.txt'), 'x');
    await chmod(join(folder, 'later.txt'), 0o644);
    await chmod(folder, 0o755);
    await ensurePrivateFolder(folder);
    expect(await mode(folder)).toBe('700');
    expect(await mode(join(folder, 'later.txt'))).toBe('644');
  });
});
