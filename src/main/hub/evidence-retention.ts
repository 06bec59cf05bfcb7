import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AssignmentView } from '../../shared/contract/hub-api';
import type { PacketStore } from '../services/packet-store';
import { isPulled, pulledFrom } from './pull';

const KnownWindows = z.record(z.string(), z.string());

export interface PurgedPacket {
  packetId: string;
  pseudonym: string;
  /** The real reason, as the assessor is told it. */
  reason: 'window-closed' | 'unassigned';
}

/**
 * Evidence pulled from a hub leaves this computer when the assessor no longer needs it
 * (DESIGN.md §1: student privacy): when the review window of its assignment has closed, even
 * offline, or when the hub it came from no longer lists it (unassigned, or the window closed
 * early). Imported packets and packets from other hubs are never touched. The assessor's
 * reviews, drafts and outbox live in IndexedDB and are not affected.
 */
export class EvidenceRetention {
  private readonly file: string;
  private remembered: Promise<Record<string, string>> | undefined;

  constructor(
    dataDir: string,
    private readonly store: PacketStore,
    private readonly now: () => number = Date.now,
  ) {
    this.file = join(dataDir, 'hub-windows.json');
  }

  /** After a successful listing from `hubUrl`: remember when each window closes, purge what the hub dropped. */
  async afterListing(hubUrl: string, assignments: readonly AssignmentView[]): Promise<PurgedPacket[]> {
    const closes = { ...(await this.known()) };
    const listed = new Set<string>();
    for (const a of assignments) {
      listed.add(a.packetId);
      // Assigned in several windows: kept until the last of them closes.
      const current = closes[a.packetId];
      if (!current || a.window.closesAt > current) closes[a.packetId] = a.window.closesAt;
    }
    return this.purge(closes, (packetId) => {
      if (this.closed(closes, packetId)) return 'window-closed';
      return !listed.has(packetId) && this.store.source(packetId) === pulledFrom(hubUrl) ? 'unassigned' : undefined;
    });
  }

  /** At start: purge pulled packets whose window is known to have closed. */
  async purgeExpired(): Promise<PurgedPacket[]> {
    const closes = { ...(await this.known()) };
    return this.purge(closes, (packetId) => (this.closed(closes, packetId) ? 'window-closed' : undefined));
  }

  private closed(closes: Record<string, string>, packetId: string): boolean {
    const closesAt = closes[packetId];
    return closesAt !== undefined && Date.parse(closesAt) <= this.now();
  }

  private async purge(
    closes: Record<string, string>,
    whyGo: (packetId: string) => PurgedPacket['reason'] | undefined,
  ): Promise<PurgedPacket[]> {
    const purged: PurgedPacket[] = [];
    for (const packet of this.store.list()) {
      // Imported by hand: the assessor's own copy, never purged.
      const reason = isPulled(this.store.source(packet.packetId)) ? whyGo(packet.packetId) : undefined;
      if (!reason) continue;
      if (await this.store.remove(packet.packetId))
        purged.push({ packetId: packet.packetId, pseudonym: packet.pseudonym, reason });
    }
    await this.save(closes);
    return purged;
  }

  /** Read once; this class is the file's only writer, so memory stays in step with it. */
  private known(): Promise<Record<string, string>> {
    this.remembered ??= readFile(this.file, 'utf8').then(
      (text) => {
        try {
          return KnownWindows.parse(JSON.parse(text));
        } catch {
          return {}; // unreadable: the next listing writes it again
        }
      },
      () => ({}),
    );
    return this.remembered;
  }

  /** Writes the dates of the packets still on this computer, when they changed. */
  private async save(closes: Record<string, string>): Promise<void> {
    const here = new Set(this.store.list().map((p) => p.packetId));
    const kept = Object.fromEntries(Object.entries(closes).filter(([packetId]) => here.has(packetId)));
    if (JSON.stringify(kept) === JSON.stringify(await this.known())) return;
    this.remembered = Promise.resolve(kept);
    const partial = `${this.file}.partial`;
    await writeFile(partial, JSON.stringify(kept), { mode: 0o600 });
    await rename(partial, this.file);
  }
}
