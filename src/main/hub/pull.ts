import { mkdir } from 'node:fs/promises';
import { fileMatches } from '../../node/files/file-digest';
import { dirname, join } from 'node:path';
import type { ImportOutcome } from '../../shared/contract/library';
import type { PacketStore } from '../services/packet-store';
import type { HubClient } from './hub-client';

export interface PullProgress {
  packetId: string;
  receivedBytes: number;
  totalBytes: number;
}

/** How many evidence files download at once: enough to fill the pipe, few enough to be gentle. */
const CONCURRENCY = 3;

/**
 * Pulls one assigned packet: its manifest from the hub, then every evidence file (resumable,
 * sha256-verified), then hands the folder to the packet store, which checks it again and moves
 * it into the library. A pulled packet is then cached like an imported one and works offline.
 */
export async function pullPacket(
  client: HubClient,
  store: PacketStore,
  packetId: string,
  onProgress: (progress: PullProgress) => void = () => undefined,
  /** The library source it is recorded with (anchors of a norming session are not assignments). */
  source: (hubUrl: string) => string = pulledFrom,
  /**
   * Sources of a copy already here that this pull takes over (a chair's or lead's reading copy of a
   * packet later assigned to them is then theirs as an assignment: in the queue, kept to the window's close).
   */
  takesOver: (existing: string | undefined) => boolean = () => false,
): Promise<ImportOutcome> {
  const { manifest } = await client.packet(packetId);
  const already = store.list().find((p) => p.packetId === packetId);
  if (already) {
    if (takesOver(store.source(packetId))) {
      await store.recordSource(packetId, source((await client.currentUser())?.hubUrl ?? 'hub'));
    }
    return { ok: true, packet: already, alreadyImported: true };
  }

  const folder = join(store.downloadsDir, packetId);
  const totalBytes = manifest.evidence.reduce((sum, item) => sum + item.bytes, 0);
  const received = new Map<string, number>();
  const report = () =>
    onProgress({ packetId, totalBytes, receivedBytes: [...received.values()].reduce((a, b) => a + b, 0) });

  const queue = [...manifest.evidence];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const target = join(folder, ...item.path.split('/'));
      // Private like an import's folder (0700/0600): classroom video and student work.
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      // A file finished by an earlier, interrupted pull needs no second download.
      if (await fileMatches(target, item)) {
        received.set(item.id, item.bytes);
        report();
        continue;
      }
      await client.downloadEvidence(packetId, item.id, target, item, (bytes) => {
        received.set(item!.id, bytes);
        report();
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  const hub = (await client.currentUser())?.hubUrl ?? 'hub';
  return store.adopt(folder, manifest, source(hub));
}

const PULLED_FROM = 'pulled from ';

/** The source recorded for a packet pulled from `hubUrl` (evidence retention reads it back). */
export function pulledFrom(hubUrl: string): string {
  return `${PULLED_FROM}${hubUrl}`;
}

/** Whether a library packet came from a hub (as opposed to a file the assessor imported). */
export function isPulled(source: string | undefined): boolean {
  return source?.startsWith(PULLED_FROM) ?? false;
}
