import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { packetPathProblem } from '../../shared/packet/manifest';
import type { Problem } from '../../shared/problems';
import type { PacketLimits } from './limits';

/** A file entry of the archive that passed the structural checks. */
export interface ZipFileEntry {
  name: string;
  entry: Entry;
}

export interface ZipListing {
  files: Map<string, ZipFileEntry>;
  /** Problems that make the archive unsafe to read further (zip-slip, symlinks, bombs). */
  problems: Problem[];
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;
const UTF8_FLAG = 0x800;
const STORED = 0;
const DEFLATED = 8;

/** Opens a zip without trusting any of its entry names (they are decoded and vetted here). */
export function openZip(file: string): Promise<ZipFile> {
  return yauzl.openPromise(file, {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: true,
    autoClose: false,
  });
}

/**
 * Lists the archive's central directory and vets every entry before any content is read:
 * names (zip-slip), symlinks, encryption, compression method, duplicates, and the zip-bomb caps.
 */
export async function listZipEntries(zip: ZipFile, limits: PacketLimits, archiveBytes: number): Promise<ZipListing> {
  const files = new Map<string, ZipFileEntry>();
  const folded = new Set<string>();
  const problems: Problem[] = [];
  let count = 0;
  let totalBytes = 0;

  if (zip.entryCount > limits.maxEntries) {
    problems.push({
      path: '(packet)',
      message: `has ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed (possible zip bomb)`,
    });
    return { files, problems };
  }

  for await (const entry of zip.eachEntry()) {
    count++;
    const name = decodeName(entry);
    if (name === undefined) {
      problems.push({ path: `(entry ${count})`, message: 'has a file name that is not valid UTF-8' });
      continue;
    }
    const isDirectory = name.endsWith('/');
    const bare = isDirectory ? name.slice(0, -1) : name;
    const pathProblem = packetPathProblem(bare);
    if (pathProblem) {
      problems.push({ path: name, message: `zip entry name ${pathProblem}; refused to protect the disk (zip-slip)` });
      continue;
    }
    if (entry.versionMadeBy >> 8 === UNIX_HOST && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
      problems.push({ path: name, message: 'is a symbolic link; packets may only contain regular files' });
      continue;
    }
    if (isDirectory) continue;
    if (entry.isEncrypted()) {
      problems.push({ path: name, message: 'is encrypted; packets must not be password-protected' });
      continue;
    }
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      problems.push({
        path: name,
        message: `uses compression method ${entry.compressionMethod}; only stored and deflate are supported`,
      });
      continue;
    }
    const key = name.toLowerCase();
    if (folded.has(key)) {
      problems.push({ path: name, message: 'appears more than once in the packet' });
      continue;
    }
    folded.add(key);
    totalBytes += entry.uncompressedSize;
    if (
      entry.uncompressedSize > limits.ratioFloorBytes &&
      entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      problems.push({
        path: name,
        message: `expands ${ratio}:1 (limit ${limits.maxCompressionRatio}:1); refused as a possible zip bomb`,
      });
      continue;
    }
    files.set(name, { name, entry });
  }

  const overlap = overlappingEntry([...files.values()]);
  if (overlap) {
    problems.push({ path: overlap, message: 'overlaps another entry in the archive; refused as a possible zip bomb' });
  }
  // Per-entry ratios miss many small bombs: the whole archive may not expand more than the ratio either.
  const archiveCap = Math.max(limits.maxCompressionRatio * archiveBytes, limits.ratioFloorBytes * 64);
  if (totalBytes > archiveCap && totalBytes <= limits.maxTotalBytes) {
    problems.push({
      path: '(packet)',
      message: `would expand to ${formatBytes(totalBytes)} from ${formatBytes(archiveBytes)} (over ${limits.maxCompressionRatio}:1); refused as a possible zip bomb`,
    });
  }
  if (totalBytes > limits.maxTotalBytes) {
    problems.push({
      path: '(packet)',
      message: `would expand to ${formatBytes(totalBytes)}; the limit is ${formatBytes(limits.maxTotalBytes)} (possible zip bomb)`,
    });
  }
  return { files, problems };
}

const LOCAL_HEADER_BYTES = 30;

/**
 * Entries whose data ranges overlap let a small archive expand many times (several central
 * entries pointing at one blob). Returns the name of the first offending entry.
 */
function overlappingEntry(files: ZipFileEntry[]): string | undefined {
  const sorted = [...files].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!.entry;
    const end = previous.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + previous.compressedSize;
    if (sorted[i]!.entry.relativeOffsetOfLocalHeader < end) return sorted[i]!.name;
  }
  return undefined;
}

function decodeName(entry: Entry): string | undefined {
  const raw = entry.fileName as unknown as Buffer;
  try {
    if (entry.generalPurposeBitFlag & UTF8_FLAG) return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  } catch {
    return undefined;
  }
}

/** Human-readable byte count (1.5 MB). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
