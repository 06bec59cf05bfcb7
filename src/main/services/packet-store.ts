import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { IsoDateTime } from '../../shared/domain/common';
import type { ImportOutcome, PacketSummary, StoredPacket } from '../../shared/contract/library';
import { MANIFEST_FILE, type PacketManifest } from '../../shared/packet/manifest';
import { fileMatches, sha256Bytes } from '../../node/files/file-digest';
import type { PacketLimits } from '../../node/packet/limits';
import { readPacket } from '../../node/packet/read-packet';
import { EvidenceCache } from './evidence-cache';

const IMPORT_RECORD = '.anchor-import.json';
const ImportRecord = z.object({ importedAt: IsoDateTime, manifestSha256: z.string(), sourceName: z.string() });
type ImportRecord = z.infer<typeof ImportRecord>;

/**
 * The local library of imported packets under `<dataDir>/packets/<packetId>/`.
 * An import is verified completely in a private temporary folder and then renamed into
 * place, so a packet is either fully present and verified or absent: never half there.
 */
export class PacketStore {
  readonly packetsDir: string;
  /** Evidence being pulled from a hub; kept across restarts so downloads resume. */
  readonly downloadsDir: string;
  readonly cache: EvidenceCache;
  private readonly tmpDir: string;
  private readonly summaries = new Map<string, PacketSummary>();
  private readonly records = new Map<string, ImportRecord>();
  /** Imports run one at a time so two copies of one packet cannot race into place. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly limits: Partial<PacketLimits> = {},
  ) {
    this.packetsDir = join(dataDir, 'packets');
    this.downloadsDir = join(dataDir, 'downloads');
    this.tmpDir = join(dataDir, 'tmp');
    this.cache = new EvidenceCache(this.packetsDir);
  }

  /** Prepares the folders, clears what a killed import left behind, and loads the library. */
  async open(): Promise<this> {
    await mkdir(this.packetsDir, { recursive: true, mode: 0o700 });
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.tmpDir, { recursive: true, mode: 0o700 });
    for (const entry of await readdir(this.packetsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const [record, manifest] = await Promise.all([this.readRecord(entry.name), this.cache.manifest(entry.name)]);
      if (record && manifest) this.remember(manifest, record);
    }
    return this;
  }

  list(): PacketSummary[] {
    return [...this.summaries.values()].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  async get(packetId: string): Promise<StoredPacket | undefined> {
    const summary = this.summaries.get(packetId);
    if (!summary) return undefined;
    const manifest = await this.cache.manifest(packetId);
    return manifest ? { summary, manifest } : undefined;
  }

  /** Where a packet in the library came from: the imported file's name, or "pulled from <hub>". */
  source(packetId: string): string | undefined {
    return this.records.get(packetId)?.sourceName;
  }

  /** Imports a packet file; the same packet again is a no-op, a different one under a known id is refused. */
  import(file: string, fileName = basename(file)): Promise<ImportOutcome> {
    const run = this.queue.then(() => this.importNow(file, fileName));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Removes a packet; queued with imports so a removal and a re-import cannot interleave. */
  remove(packetId: string): Promise<boolean> {
    const run = this.queue.then(async () => {
      if (!this.summaries.has(packetId)) return false;
      this.summaries.delete(packetId);
      this.records.delete(packetId);
      await this.cache.purge(packetId);
      return true;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async importNow(file: string, fileName: string): Promise<ImportOutcome> {
    const refuse = (problems: { path: string; message: string }[]): ImportOutcome => ({
      ok: false,
      fileName,
      problems,
    });
    const first = await readPacket(file, { limits: this.limits, manifestOnly: true });
    if (!first.manifest || !first.manifestBytes) return refuse(first.problems);
    const digest = sha256Bytes(first.manifestBytes);
    const existing = this.summaries.get(first.manifest.packetId);
    if (existing) {
      if (this.records.get(existing.packetId)?.manifestSha256 === digest)
        return { ok: true, packet: existing, alreadyImported: true };
      return refuse([
        {
          path: 'manifest.packetId',
          message: `a different packet with id ${existing.packetId} is already in the library (imported ${existing.importedAt}); it was not overwritten`,
        },
      ]);
    }

    const staging = await mkdtemp(join(this.tmpDir, 'import-'));
    try {
      const report = await readPacket(file, { limits: this.limits, extractTo: staging });
      if (!report.manifest || report.problems.length > 0) return refuse(report.problems);
      const summary = await this.install(staging, report.manifest, digest, fileName);
      return { ok: true, packet: summary, alreadyImported: false };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /**
   * Adopts a packet whose files were fetched from a hub into `folder` (laid out as in the
   * packet). Every file is checked against the manifest's size and sha256 again before the
   * folder is moved into the library, so nothing unverified ever becomes visible.
   */
  adopt(folder: string, manifest: PacketManifest, sourceName: string): Promise<ImportOutcome> {
    const run = this.queue.then(async (): Promise<ImportOutcome> => {
      const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
      const digest = sha256Bytes(manifestBytes);
      const existing = this.summaries.get(manifest.packetId);
      if (existing) return { ok: true, packet: existing, alreadyImported: true };
      const problems: { path: string; message: string }[] = [];
      for (const item of manifest.evidence) {
        if (!(await fileMatches(join(folder, ...item.path.split('/')), item))) {
          problems.push({ path: item.path, message: 'is missing or does not match its size and sha256' });
        }
      }
      if (problems.length) return { ok: false, fileName: sourceName, problems };
      await writeFile(join(folder, MANIFEST_FILE), manifestBytes, { mode: 0o600 });
      return { ok: true, packet: await this.install(folder, manifest, digest, sourceName), alreadyImported: false };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Records a new source for a packet already in the library (a reading copy that became the
   * reader's assignment), keeping its other import facts; written whole, then renamed into place.
   */
  async recordSource(packetId: string, sourceName: string): Promise<void> {
    const record = this.records.get(packetId);
    if (!record) return;
    const next: ImportRecord = { ...record, sourceName };
    const file = join(this.packetsDir, packetId, IMPORT_RECORD);
    await writeFile(`${file}.partial`, JSON.stringify(next), { mode: 0o600 });
    await rename(`${file}.partial`, file);
    this.records.set(packetId, next);
  }

  /** Records where a verified packet came from and renames its folder into the library. */
  private async install(
    folder: string,
    manifest: PacketManifest,
    digest: string,
    sourceName: string,
  ): Promise<PacketSummary> {
    const record: ImportRecord = { importedAt: new Date().toISOString(), manifestSha256: digest, sourceName };
    await writeFile(join(folder, IMPORT_RECORD), JSON.stringify(record), { mode: 0o600 });
    await rename(folder, join(this.packetsDir, manifest.packetId));
    // A read racing an earlier removal may have cached that packet's old manifest.
    this.cache.forget(manifest.packetId);
    return this.remember(manifest, record);
  }

  /** The library in memory: each packet's summary and its import record (written once, at install). */
  private remember(manifest: PacketManifest, record: ImportRecord): PacketSummary {
    const summary = summarize(manifest, record);
    this.summaries.set(summary.packetId, summary);
    this.records.set(summary.packetId, record);
    return summary;
  }

  private async readRecord(packetId: string): Promise<ImportRecord | undefined> {
    try {
      return ImportRecord.parse(JSON.parse(await readFile(join(this.packetsDir, packetId, IMPORT_RECORD), 'utf8')));
    } catch {
      return undefined;
    }
  }
}

/** The recorded source of a packet folder (an imported file's name, or "pulled from <hub>"), if readable. */
export async function importSourceOf(packetDir: string): Promise<string | undefined> {
  try {
    return ImportRecord.parse(JSON.parse(await readFile(join(packetDir, IMPORT_RECORD), 'utf8'))).sourceName;
  } catch {
    return undefined;
  }
}

function summarize(manifest: PacketManifest, record: ImportRecord): PacketSummary {
  return {
    packetId: manifest.packetId,
    credentialId: manifest.credential.id,
    credentialTitle: manifest.credential.title,
    pseudonym: manifest.candidate.pseudonym,
    attempt: manifest.attempt.number,
    evidenceCount: manifest.evidence.length,
    totalBytes: manifest.evidence.reduce((sum, item) => sum + item.bytes, 0),
    submittedAt: manifest.submittedAt,
    importedAt: record.importedAt,
  };
}
