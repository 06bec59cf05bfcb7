import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/anchor';
import { readPacket } from '../../src/node/packet/read-packet';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../support/packets';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the CLI and captures what it printed. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

describe('anchor CLI', () => {
  it('validate: exit 0 and a one-line summary for a valid packet', async () => {
    const result = await cli('packet', 'validate', await writePacket(dir, 'ok.anchor'));
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    expect(result.out[0]).toMatch(
      /^valid: ok\.anchor — Checking for Understanding, Candidate T-0001, attempt 1, 3 evidence items$/,
    );
  });

  it('validate: exit 1 and one line per problem for an invalid packet', async () => {
    const files = await defaultFiles();
    const manifest = manifestFor(files);
    manifest.evidence[0]!.sha256 = 'a'.repeat(64);
    manifest.evidence[1]!.mediaType = 'image/gif';
    const result = await cli('packet', 'validate', await writePacket(dir, 'bad.anchor', { manifest }));
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(2);
    expect(result.err[0]).toMatch(/^evidence\[0\] \(docs\/lesson-plan\.pdf\): sha256 is/);
  });

  it('validate --json prints { valid, problems }', async () => {
    const valid = await cli('packet', 'validate', await writePacket(dir, 'ok2.anchor'), '--json');
    expect(JSON.parse(valid.out[0]!)).toEqual({ valid: true, problems: [] });
    const junk = join(dir, 'junk.anchor');
    await writeFile(junk, 'not a zip');
    const invalid = await cli('packet', 'validate', junk, '--json');
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.out[0]!)).toMatchObject({ valid: false, problems: [{ path: '(packet)' }] });
  });

  it('pack: builds a valid packet from a folder, computing sizes and hashes', async () => {
    const files = await defaultFiles();
    const folder = join(dir, 'folder');
    for (const file of files) {
      await mkdir(join(folder, file.path, '..'), { recursive: true });
      await writeFile(join(folder, file.path), file.data);
    }
    const manifest = manifestFor(files);
    for (const item of manifest.evidence) {
      delete (item as { bytes?: number }).bytes;
      delete (item as { sha256?: string }).sha256;
    }
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
    const out = join(dir, 'packed.anchor');
    const result = await cli('packet', 'pack', folder, '-o', out);
    expect(result.code).toBe(0);
    const report = await readPacket(out);
    expect(report.problems).toEqual([]);
    expect(report.manifest?.evidence[0]?.bytes).toBe(files[0]!.data.length);
  });

  it('pack: names the missing file and writes nothing', async () => {
    const folder = join(dir, 'empty-folder');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifestFor(await defaultFiles())));
    const out = join(dir, 'never.anchor');
    const result = await cli('packet', 'pack', folder, '-o', out);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/docs\/lesson-plan\.pdf", which is not in the folder/);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('pack: refuses a symbolic link instead of packing what it points at', async () => {
    const files = await defaultFiles();
    const folder = join(dir, 'symlink-folder');
    for (const file of files) {
      await mkdir(join(folder, file.path, '..'), { recursive: true });
      await writeFile(join(folder, file.path), file.data);
    }
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'aws_secret_access_key=SUPERSECRET\n');
    await rm(join(folder, 'data/results.csv'));
    await symlink(secret, join(folder, 'data/results.csv'));
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifestFor(files)));
    const result = await cli('packet', 'pack', folder, '-o', join(dir, 'symlink.anchor'));
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/data\/results\.csv" is not a regular file|which is not in the folder/);
  });

  it('demo: writes six or more packets that all validate', async () => {
    const result = await cli('demo', '--out', join(dir, 'demo'));
    expect(result.code).toBe(0);
    expect(result.out.length).toBeGreaterThanOrEqual(6);
    for (const file of result.out) expect((await readPacket(file)).problems).toEqual([]);
  });

  it('prints usage and exits 2 for an unknown command', async () => {
    const result = await cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(/Usage:/);
  });
});
