import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZipFile } from 'yauzl';
import { MANIFEST_FILE, PacketManifest } from '../../shared/packet/manifest';
import { problemsFromZod, type Problem } from '../../shared/problems';
import { DEFAULT_PACKET_LIMITS, type PacketLimits } from './limits';
import { ALLOWED_MEDIA_TYPES, SNIFF_BYTES, mediaTypeProblem, sniffContent } from './sniff';
import { formatBytes, listZipEntries, openZip, type ZipFileEntry } from './zip-entries';

export interface ReadPacketOptions {
  limits?: Partial<PacketLimits>;
  /** When set, evidence and manifest are written under this folder while being verified. */
  extractTo?: string;
  /** Stop after the manifest: used to recognise a re-import cheaply. */
  manifestOnly?: boolean;
}

export interface PacketReport {
  /** Present when manifest.json parsed and passed the schema. */
  manifest?: PacketManifest;
  /** The manifest exactly as stored, for digests and re-import checks. */
  manifestBytes?: Buffer;
  problems: Problem[];
}

/**
 * Validates an evidence packet completely: archive structure, manifest, file list, sizes,
 * hashes and sniffed content types. Every problem is collected; nothing is trusted before
 * it is checked. With extractTo, files are written as they are verified (one pass).
 */
export async function readPacket(file: string, options: ReadPacketOptions = {}): Promise<PacketReport> {
  const limits = { ...DEFAULT_PACKET_LIMITS, ...options.limits };
  const notZip = await notAZipArchive(file);
  if (notZip) return { problems: [{ path: '(packet)', message: `is not an Anchor packet (${notZip})` }] };
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    return { problems: [{ path: '(packet)', message: `is not a readable .anchor (zip) file: ${errorText(error)}` }] };
  }
  try {
    return await readOpenPacket(file, zip, limits, options);
  } catch (error) {
    return { problems: [{ path: '(packet)', message: `could not be read: ${errorText(error)}` }] };
  } finally {
    zip.close();
  }
}

/**
 * Looks at the file before the zip library does, so an empty file or a file of another kind is
 * named as such ("empty", "not a zip archive") instead of in the zip library's words
 * ("end of central directory record signature not found"). A zip starts with a local file header
 * (PK\x03\x04), or with the end-of-central-directory record (PK\x05\x06) when it holds nothing.
 */
async function notAZipArchive(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined; // unreadable: let openZip name the error
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead === 0) return 'empty';
    const zip = bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
    return zip ? undefined : 'not a zip archive';
  } finally {
    await handle.close();
  }
}

async function readOpenPacket(
  file: string,
  zip: ZipFile,
  limits: PacketLimits,
  options: ReadPacketOptions,
): Promise<PacketReport> {
  const listing = await listZipEntries(zip, limits, (await stat(file)).size);
  if (listing.problems.length > 0) return { problems: listing.problems };

  const manifestEntry = listing.files.get(MANIFEST_FILE);
  if (!manifestEntry) return { problems: [{ path: MANIFEST_FILE, message: 'is missing from the packet' }] };
  if (manifestEntry.entry.uncompressedSize > limits.maxManifestBytes) {
    return {
      problems: [
        {
          path: MANIFEST_FILE,
          message: `is ${formatBytes(manifestEntry.entry.uncompressedSize)}; at most ${formatBytes(limits.maxManifestBytes)} is allowed`,
        },
      ],
    };
  }
  const manifestBytes = await readEntry(zip, manifestEntry);
  const parsed = parseManifest(manifestBytes);
  if ('problems' in parsed) return { manifestBytes, problems: parsed.problems };
  const manifest = parsed.manifest;
  if (options.manifestOnly) return { manifest, manifestBytes, problems: [] };

  const problems = crossCheckFiles(manifest, listing.files);
  if (options.extractTo) await writeFileAt(options.extractTo, MANIFEST_FILE, manifestBytes);

  for (const [index, item] of manifest.evidence.entries()) {
    const zipEntry = listing.files.get(item.path);
    if (!zipEntry) continue;
    const where = `evidence[${index}] (${item.path})`;
    if (zipEntry.entry.uncompressedSize !== item.bytes) {
      problems.push({
        path: where,
        message: `size is ${zipEntry.entry.uncompressedSize} bytes, but the manifest says ${item.bytes}`,
      });
      continue;
    }
    try {
      const facts = await verifyEntry(file, zip, zipEntry, item.mediaType, options.extractTo);
      if (facts.sha256 !== item.sha256) {
        problems.push({
          path: where,
          message: `sha256 is ${facts.sha256}, but the manifest says ${item.sha256}; the file was altered or damaged`,
        });
      }
      const typeProblem = mediaTypeProblem(item.kind, item.mediaType, sniffContent(facts.head));
      if (typeProblem) problems.push({ path: where, message: typeProblem });
      else if (facts.utf8Problem) problems.push({ path: where, message: facts.utf8Problem });
    } catch (error) {
      problems.push({ path: where, message: `could not be read from the packet: ${errorText(error)}` });
    }
  }
  return { manifest, manifestBytes, problems };
}

function parseManifest(bytes: Buffer): { manifest: PacketManifest } | { problems: Problem[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ path: MANIFEST_FILE, message: 'is not valid UTF-8 text' }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problems: [{ path: MANIFEST_FILE, message: `is not valid JSON: ${errorText(error)}` }] };
  }
  const result = PacketManifest.safeParse(json);
  if (!result.success) return { problems: problemsFromZod(result.error, 'manifest') };
  return { manifest: result.data };
}

/** Every manifest path must be in the archive, and every archived file must be in the manifest. */
function crossCheckFiles(manifest: PacketManifest, files: Map<string, ZipFileEntry>): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set<string>([MANIFEST_FILE]);
  manifest.evidence.forEach((item, index) => {
    listed.add(item.path);
    if (!files.has(item.path)) {
      problems.push({
        path: `manifest.evidence[${index}].path`,
        message: `refers to "${item.path}", which is not in the packet`,
      });
    }
  });
  for (const name of files.keys()) {
    if (!listed.has(name)) problems.push({ path: name, message: 'is in the packet but not listed in the manifest' });
  }
  return problems;
}

interface EntryFacts {
  sha256: string;
  head: Uint8Array;
  utf8Problem?: string;
}

async function verifyEntry(
  packetFile: string,
  zip: ZipFile,
  file: ZipFileEntry,
  mediaType: string,
  extractTo?: string,
): Promise<EntryFacts> {
  const hash = createHash('sha256');
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength = 0;
  const isText = ALLOWED_MEDIA_TYPES[mediaType]?.kind === 'text' || ALLOWED_MEDIA_TYPES[mediaType]?.kind === 'table';
  const decoder = isText ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  let utf8Problem: string | undefined;

  const inspect = (chunk: Buffer) => {
    hash.update(chunk);
    if (headLength < SNIFF_BYTES) headLength += chunk.copy(head, headLength, 0, SNIFF_BYTES - headLength);
    if (decoder && !utf8Problem) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8Problem = 'is declared as text but is not valid UTF-8';
      }
    }
  };
  const source = await openEntryData(packetFile, zip, file);
  if (extractTo) {
    const target = join(extractTo, ...file.name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    const out = createWriteStream(target, { flags: 'wx', highWaterMark: 1024 * 1024 });
    source.on('data', inspect);
    await pipeline(source, out);
  } else {
    await pipeline(
      source,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          inspect(chunk);
          done();
        },
      }),
    );
  }
  if (decoder && !utf8Problem) {
    try {
      decoder.decode();
    } catch {
      utf8Problem = 'is declared as text but is not valid UTF-8';
    }
  }
  return { sha256: hash.digest('hex'), head: head.subarray(0, headLength), utf8Problem };
}

const STORED = 0;

/**
 * Stored (uncompressed) entries — media, which is compressed already — are read straight from
 * the packet file in 1 MiB chunks: import then runs at disk-copy speed. Their integrity is proven
 * by the sha256 and size checks, which are stronger than the zip CRC. Deflated entries go through
 * yauzl, which also checks their sizes.
 */
async function openEntryData(packetFile: string, zip: ZipFile, file: ZipFileEntry): Promise<Readable> {
  const { entry } = file;
  if (entry.compressionMethod !== STORED || entry.uncompressedSize === 0) return zip.openReadStreamPromise(entry);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  return createReadStream(packetFile, {
    start: fileDataStart,
    end: fileDataStart + entry.compressedSize - 1,
    highWaterMark: 1024 * 1024,
  });
}

async function readEntry(zip: ZipFile, file: ZipFileEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = await zip.openReadStreamPromise(file.entry);
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function writeFileAt(root: string, name: string, bytes: Buffer): Promise<void> {
  const target = join(root, ...name.split('/'));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes, { flag: 'wx' });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
