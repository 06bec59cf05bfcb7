import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPacket } from './read-packet';
import { buildRawZip } from '../../../tests/support/raw-zip';
import {
  defaultFiles,
  manifestFor,
  makePdf,
  PNG_BYTES,
  tempDir,
  writePacket,
  type TestFile,
} from '../../../tests/support/packets';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

let dir: string;
let files: TestFile[];
beforeAll(async () => {
  dir = await tempDir();
  files = await defaultFiles();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Mutate = (manifest: ReturnType<typeof manifestFor>) => void;
const withManifest = (mutate: Mutate) => {
  const manifest = manifestFor(files);
  mutate(manifest);
  return manifest;
};

describe('packet validator', () => {
  it('accepts a well-formed packet', async () => {
    const report = await readPacket(await writePacket(dir, 'ok.anchor'));
    expect(report.problems).toEqual([]);
    expect(report.manifest?.evidence).toHaveLength(3);
  });

  const cases: Array<{
    name: string;
    build: () => Promise<string>;
    expect: RegExp;
    path?: RegExp;
    limits?: { maxTotalBytes: number };
  }> = [
    {
      name: 'a file that is not a zip',
      build: async () => {
        const file = join(dir, 'not-zip.anchor');
        await writeFile(file, 'hello');
        return file;
      },
      expect: /^is not an Anchor packet \(not a zip archive\)$/,
    },
    {
      name: 'an empty file',
      build: async () => {
        const file = join(dir, 'empty.anchor');
        await writeFile(file, '');
        return file;
      },
      expect: /^is not an Anchor packet \(empty\)$/,
    },
    {
      name: 'malformed JSON',
      build: () => writePacket(dir, 'bad-json.anchor', { manifestBytes: Buffer.from('{"formatVersion": 1,') }),
      expect: /not valid JSON/,
    },
    {
      name: 'manifest that is not UTF-8',
      build: () => writePacket(dir, 'latin1.anchor', { manifestBytes: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }),
      expect: /not valid UTF-8/,
    },
    {
      name: 'an unknown format version',
      build: () =>
        writePacket(dir, 'v9.anchor', { manifest: withManifest((m) => Object.assign(m, { formatVersion: 9 })) }),
      expect: /unknown format version 9/,
      path: /formatVersion/,
    },
    {
      name: 'a candidate name field',
      build: () =>
        writePacket(dir, 'named.anchor', {
          manifest: withManifest((m) => Object.assign(m.candidate, { name: 'Jane Doe' })),
        }),
      expect: /unexpected field\(s\) "name"/,
    },
    {
      name: 'a missing file',
      build: () => writePacket(dir, 'missing.anchor', { files: files.slice(1), manifest: manifestFor(files) }),
      expect: /which is not in the packet/,
    },
    {
      name: 'an extra file',
      build: () => writePacket(dir, 'extra.anchor', { extra: [{ name: 'notes/secret.txt', data: Buffer.from('x') }] }),
      expect: /not listed in the manifest/,
      path: /notes\/secret\.txt/,
    },
    {
      name: 'a duplicate zip entry',
      build: () => writePacket(dir, 'dup-entry.anchor', { extra: [{ name: 'images/board.png', data: PNG_BYTES }] }),
      expect: /appears more than once/,
    },
    {
      name: 'duplicate evidence ids',
      build: () =>
        writePacket(dir, 'dup-id.anchor', {
          manifest: withManifest((m) => void (m.evidence[1]!.id = m.evidence[0]!.id)),
        }),
      expect: /duplicate evidence id/,
    },
    {
      name: 'a wrong sha256',
      build: () =>
        writePacket(dir, 'hash.anchor', {
          manifest: withManifest((m) => void (m.evidence[0]!.sha256 = 'a'.repeat(64))),
        }),
      expect: /sha256 is [0-9a-f]{64}, but the manifest says a{64}/,
      path: /evidence\[0\]/,
    },
    {
      name: 'a wrong size',
      build: () => writePacket(dir, 'size.anchor', { manifest: withManifest((m) => void (m.evidence[1]!.bytes = 1)) }),
      expect: /size is \d+ bytes, but the manifest says 1/,
    },
    {
      name: 'a media type the content contradicts',
      build: () =>
        writePacket(dir, 'sniff.anchor', {
          manifest: withManifest((m) => void (m.evidence[1]!.mediaType = 'image/jpeg')),
        }),
      expect: /declared as image\/jpeg, but the content is a PNG file/,
    },
    {
      name: 'a PDF that is really an image',
      build: async () => {
        const swapped: TestFile[] = [{ ...files[0]!, data: PNG_BYTES }];
        return writePacket(dir, 'fake-pdf.anchor', { files: swapped, manifest: manifestFor(swapped) });
      },
      expect: /declared as application\/pdf, but the content is a PNG file/,
    },
    {
      name: 'a path outside the packet in the manifest',
      build: () =>
        writePacket(dir, 'outside.anchor', {
          manifest: withManifest((m) => void (m.evidence[0]!.path = '../etc/passwd')),
        }),
      expect: /points outside the packet/,
    },
    ...(
      [
        ['an absolute entry name', '/etc/evil.txt', /absolute path/],
        ['a ".." entry name', 'docs/../../evil.txt', /contains "\.\."/],
        ['a backslash entry name', 'docs\\..\\evil.txt', /backslash/],
        ['a drive-letter entry name', 'C:/evil.txt', /drive letter/],
      ] as const
    ).map(([name, entry, pattern]) => ({
      name,
      build: () => writePacket(dir, `slip-${name.length}.anchor`, { extra: [{ name: entry, data: Buffer.from('x') }] }),
      expect: new RegExp(`${pattern.source}.*zip-slip`),
    })),
    {
      name: 'a symlink entry',
      build: () =>
        writePacket(dir, 'symlink.anchor', {
          extra: [{ name: 'docs/link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }],
        }),
      expect: /symbolic link/,
    },
    {
      name: 'a zip bomb by compression ratio',
      build: async () => {
        const file = join(dir, 'bomb-ratio.anchor');
        await writeFile(file, buildRawZip([{ name: 'big.bin', data: Buffer.alloc(50 * 1024 * 1024), deflate: true }]));
        return file;
      },
      expect: /expands \d+:1.*zip bomb/,
    },
    {
      name: 'a zip bomb by total expanded size',
      build: async () => {
        const file = join(dir, 'bomb-total.anchor');
        const chunk = Buffer.alloc(600 * 1024, 7);
        await writeFile(
          file,
          buildRawZip([1, 2, 3].map((i) => ({ name: `part-${i}.bin`, data: chunk, deflate: true }))),
        );
        return file;
      },
      limits: { maxTotalBytes: 1024 * 1024 },
      expect: /would expand to 1\.8 MB; the limit is 1\.0 MB \(possible zip bomb\)/,
    },
  ];

  it.each(cases)(
    'rejects $name with a message naming the problem',
    async ({ build, expect: pattern, path, limits }) => {
      const report = await readPacket(await build(), { limits });
      const match = report.problems.find((p) => pattern.test(p.message));
      expect(match, JSON.stringify(report.problems)).toBeDefined();
      if (path) expect(match!.path).toMatch(path);
    },
  );

  it('rejects many small entries that together expand far beyond the archive (no per-entry floor)', async () => {
    const file = join(dir, 'bomb-many.anchor');
    const chunk = Buffer.alloc(900 * 1024, 1);
    await writeFile(
      file,
      buildRawZip(Array.from({ length: 120 }, (_, i) => ({ name: `p${i}.bin`, data: chunk, deflate: true }))),
    );
    const report = await readPacket(file);
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(
      /from .* \(over 200:1\); refused as a possible zip bomb/,
    );
  });

  it('rejects central-directory entries that overlap (one blob listed many times)', async () => {
    const blob = Buffer.alloc(4096, 7);
    const zip = buildRawZip([{ name: 'a.bin', data: blob }]);
    // Duplicate the central entry under new names pointing at the same local header.
    const eocd = zip.length - 22;
    const cdStart = zip.readUInt32LE(eocd + 16);
    const central = zip.subarray(cdStart, eocd);
    const copies = ['b.bin', 'c.bin'].map((name) => {
      const copy = Buffer.from(central);
      copy.write(name, 46, 'utf8');
      return copy;
    });
    const end = Buffer.from(zip.subarray(eocd));
    end.writeUInt16LE(3, 8);
    end.writeUInt16LE(3, 10);
    end.writeUInt32LE(central.length * 3, 12);
    const file = join(dir, 'overlap.anchor');
    await writeFile(file, Buffer.concat([zip.subarray(0, eocd), ...copies, end]));
    const report = await readPacket(file);
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/overlaps another entry/);
  });

  it('refuses names Anchor reserves for its own records', async () => {
    const report = await readPacket(
      await writePacket(dir, 'reserved.anchor', { extra: [{ name: '.anchor-import.json', data: Buffer.from('{}') }] }),
    );
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/reserved by Anchor/);
  });

  it('rejects too many entries against a configurable cap', async () => {
    const extra = Array.from({ length: 20 }, (_, i) => ({ name: `junk/${i}.txt`, data: Buffer.from('x') }));
    const report = await readPacket(await writePacket(dir, 'many.anchor', { extra }), { limits: { maxEntries: 10 } });
    expect(report.problems[0]?.message).toMatch(/at most 10 are allowed/);
  });

  it('reports every problem at once, not only the first', async () => {
    const manifest = withManifest((m) => {
      m.evidence[0]!.sha256 = 'b'.repeat(64);
      m.evidence[1]!.mediaType = 'image/gif';
    });
    const report = await readPacket(await writePacket(dir, 'two.anchor', { manifest }));
    expect(report.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('accepts a multi-page PDF whose %PDF header follows leading bytes', async () => {
    const pdf = Buffer.concat([Buffer.from('\n\n'), await makePdf(3)]);
    const swapped: TestFile[] = [{ ...files[0]!, data: pdf }];
    const report = await readPacket(
      await writePacket(dir, 'lead.anchor', { files: swapped, manifest: manifestFor(swapped) }),
    );
    expect(report.problems).toEqual([]);
  });
});
