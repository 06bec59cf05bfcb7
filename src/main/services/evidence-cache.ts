import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Uuid } from '../../shared/domain/common';
import { MANIFEST_FILE, PacketManifest, type EvidenceItem } from '../../shared/packet/manifest';
import type { Problem } from '../../shared/problems';
import { resolveContained } from '../../node/files/containment';
import { fileMatches } from '../../node/files/file-digest';

export interface LocatedEvidence {
  item: EvidenceItem;
  file: string;
  size: number;
}

/**
 * Evidence files of imported packets on disk: lookup with containment, byte-range reads,
 * integrity re-checks and purge. Only files the manifest lists can ever be served.
 */
export class EvidenceCache {
  private readonly manifests = new Map<string, PacketManifest>();
  /** Bumped whenever a packet's files change, so a read that started before cannot re-cache stale data. */
  private readonly generation = new Map<string, number>();

  constructor(private readonly packetsDir: string) {}

  /** The verified manifest of an imported packet, or undefined. */
  async manifest(packetId: string): Promise<PacketManifest | undefined> {
    if (!Uuid.safeParse(packetId).success) return undefined;
    const cached = this.manifests.get(packetId);
    if (cached) return cached;
    const started = this.generation.get(packetId) ?? 0;
    try {
      const manifest = PacketManifest.parse(
        JSON.parse(await readFile(join(this.packetsDir, packetId, MANIFEST_FILE), 'utf8')),
      );
      if ((this.generation.get(packetId) ?? 0) === started) this.manifests.set(packetId, manifest);
      return manifest;
    } catch {
      return undefined;
    }
  }

  /** Finds an evidence file by its packet path; undefined unless listed in the manifest and contained on disk. */
  async locate(packetId: string, path: string): Promise<LocatedEvidence | undefined> {
    const manifest = await this.manifest(packetId);
    const item = manifest?.evidence.find((candidate) => candidate.path === path);
    if (!item) return undefined;
    const file = await resolveContained(join(this.packetsDir, packetId), path);
    if (!file) return undefined;
    const info = await stat(file);
    return info.isFile() ? { item, file, size: info.size } : undefined;
  }

  /** Streams bytes [start, end] (inclusive) of a located file. */
  read(located: LocatedEvidence, start = 0, end = located.size - 1): Readable {
    return createReadStream(located.file, { start, end, highWaterMark: 256 * 1024 });
  }

  /** Re-hashes every evidence file against the manifest; lists what no longer matches. */
  async verify(packetId: string): Promise<Problem[]> {
    const manifest = await this.manifest(packetId);
    if (!manifest) return [{ path: packetId, message: 'is not in the library' }];
    const problems: Problem[] = [];
    for (const item of manifest.evidence) {
      const located = await this.locate(packetId, item.path);
      if (!located) {
        problems.push({ path: item.path, message: 'is missing from the evidence cache' });
        continue;
      }
      if (!(await fileMatches(located.file, item))) {
        problems.push({
          path: item.path,
          message: 'no longer matches its sha256; the cached file was altered or damaged',
        });
      }
    }
    return problems;
  }

  /** Drops the cached manifest so the next read comes from disk. */
  forget(packetId: string): void {
    this.manifests.delete(packetId);
    this.generation.set(packetId, (this.generation.get(packetId) ?? 0) + 1);
  }

  /** Deletes a packet's cached files. */
  async purge(packetId: string): Promise<void> {
    if (!Uuid.safeParse(packetId).success) return;
    this.forget(packetId);
    await rm(join(this.packetsDir, packetId), { recursive: true, force: true });
    this.forget(packetId);
  }
}
