import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContained } from './containment';
import { tempDir } from '../../../tests/support/packets';

let base: string;
let root: string;
beforeAll(async () => {
  base = await tempDir();
  root = join(base, 'root');
  await mkdir(join(root, 'docs'), { recursive: true });
  await writeFile(join(root, 'docs', 'plan.pdf'), 'ok');
  await mkdir(join(base, 'root-evil'));
  await writeFile(join(base, 'root-evil', 'secret.txt'), 'secret');
  await writeFile(join(base, 'outside.txt'), 'secret');
  await symlink(join(base, 'outside.txt'), join(root, 'docs', 'link.txt'));
  await symlink(join(base, 'root-evil'), join(root, 'evil-dir'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('resolveContained', () => {
  it('resolves a file inside the root', async () => {
    expect(await resolveContained(root, 'docs/plan.pdf')).toBe(join(root, 'docs', 'plan.pdf'));
  });

  it.each([
    ['a parent traversal', '../outside.txt'],
    ['a sibling whose name shares the prefix', '../root-evil/secret.txt'],
    ['a traversal in the middle', 'docs/../../outside.txt'],
    ['a backslash traversal', 'docs\\..\\..\\outside.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a NUL byte', 'docs/plan.pdf\0.png'],
    ['a symlinked file pointing out', 'docs/link.txt'],
    ['a symlinked folder pointing out', 'evil-dir/secret.txt'],
    ['the root itself', '.'],
    ['a missing file', 'docs/none.pdf'],
  ])('refuses %s', async (_name, path) => {
    expect(await resolveContained(root, path)).toBeUndefined();
  });
});
