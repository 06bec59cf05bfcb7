import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AssignmentView } from '../../shared/contract/hub-api';
import type { PacketStore } from '../services/packet-store';
import { pulledFrom } from './pull';

const KnownWindows = z.record(z.string(), z.string());

export interface PurgedPacket {
  packetId: string;
  pseudonym: string;
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

  constructor(
    dataDir: string,
    private readonly store: PacketStore,
    private readonly now: () => number = Date.now,
  ) {
    this.file = join(dataDir, 'hub-windows.json');
  }

  /** After a successful listing from `hubUrl`: remember when each window closes, purge what the hub dropped. */
  async afterListing(hubUrl: string, assignments: readonly AssignmentView[]): Promise<PurgedPacket[]> {
    const closes = await this.known();
    const listed = new Set<string>();
    for (const a of assignments) {
      listed.add(a.packetId);
      // Assigned in several windows: kept until the last of them closes.
      const current = closes[a.packetId];
      if (!current || a.window.closesAt > current) closes[a.packetId] = a.window.closesAt;
    }
    const purged = await this.purge(closes, async (packetId) => {
      if (!listed.has(packetId) && (await this.store.source(packetId)) === pulledFrom(hubUrl)) return true;
      return this.closed(closes, packetId);
    });
    return purged;
  }

  /** At start and on a timer: purge pulled packets whose window is known to have closed. */
  async purgeExpired(): Promise<PurgedPacket[]> {
    const closes = await this.known();
    return this.purge(closes, async (packetId) => this.closed(closes, packetId));
  }

  private closed(closes: Record<string, string>, packetId: string): boolean {
    const closesAt = closes[packetId];
    return closesAt !== undefined && Date.parse(closesAt) <= this.now();
  }

  private async purge(
    closes: Record<string, string>,
    shouldGo: (packetId: string) => Promise<boolean>,
  ): Promise<PurgedPacket[]> {
    const purged: PurgedPacket[] = [];
    for (const packet of this.store.list()) {
      const source = await this.store.source(packet.packetId);
      if (!source?.startsWith(pulledFrom(''))) continue; // imported by hand: the assessor's own copy
      if (!(await shouldGo(packet.packetId))) continue;
      if (await this.store.remove(packet.packetId)) {
        purged.push({ packetId: packet.packetId, pseudonym: packet.pseudonym });
        delete closes[packet.packetId];
      }
    }
    await this.save(closes);
    return purged;
  }

  private async known(): Promise<Record<string, string>> {
    const text = await readFile(this.file, 'utf8').catch(() => undefined);
    try {
      return text === undefined ? {} : KnownWindows.parse(JSON.parse(text));
    } catch {
      return {}; // unreadable: the next listing writes it again
    }
  }

  private async save(closes: Record<string, string>): Promise<void> {
    // Only packets on this computer need a date: the list stays as small as the library.
    const here = new Set(this.store.list().map((p) => p.packetId));
    const kept = Object.fromEntries(Object.entries(closes).filter(([packetId]) => here.has(packetId)));
    const partial = `${this.file}.partial`;
    await writeFile(partial, JSON.stringify(kept));
    await rename(partial, this.file);
  }
}
