import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AssignmentView } from '../../shared/contract/hub-api';
import type { PacketStore } from '../services/packet-store';
import { isCommitteeCopy } from './committee';
import { isAnchor } from './norming-participant';
import { isPulled, pulledFrom } from './pull';
import { DAY_MS } from '../../shared/domain/days';

const KnownWindows = z.record(z.string(), z.string());
/**
 * How long a reading copy (a committee member's copy of a packet's evidence, a norming anchor) is
 * kept after its download. Neither is an assignment with a window to close: they are read for an
 * adjudication, a decision, a back-reading or a calibration session, which take days, not weeks.
 * Past this, the next start removes them; opening them again downloads them again.
 */
export const READING_COPY_DAYS = 14;

export interface PurgedPacket<Reason extends string = 'window-closed' | 'unassigned'> {
  packetId: string;
  pseudonym: string;
  /** The real reason, as the assessor is told it ("copy-expired": a reading copy's time is up, see READING_COPY_DAYS). */
  reason: Reason;
}

/**
 * Evidence pulled from a hub leaves this computer when the assessor no longer needs it
 * (DESIGN.md §1: student privacy): when the review window of its assignment has closed, even
 * offline, or when the hub it came from no longer lists it (unassigned, or the window closed
 * early). Reading copies (committee copies, norming anchors) go at a start READING_COPY_DAYS after
 * their download — at a start only, so no screen loses a file it is showing. Imported packets and
 * packets from other hubs are never touched. The assessor's reviews, drafts (resolution drafts
 * too) and outbox live in IndexedDB and are not affected.
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
    return this.purge(closes, (packetId, source) => {
      if (!isPulled(source)) return undefined;
      if (this.closed(closes, packetId)) return 'window-closed';
      return !listed.has(packetId) && source === pulledFrom(hubUrl) ? 'unassigned' : undefined;
    });
  }

  /** At start: purge pulled packets whose window is known to have closed, and reading copies past their time. */
  async purgeExpired(): Promise<PurgedPacket<'window-closed' | 'copy-expired'>[]> {
    const closes = { ...(await this.known()) };
    return this.purge(closes, (packetId, source, downloadedAt) => {
      if (isPulled(source)) return this.closed(closes, packetId) ? 'window-closed' : undefined;
      return isReadingCopy(source) && this.copyExpired(downloadedAt) ? 'copy-expired' : undefined;
    });
  }

  private copyExpired(downloadedAt: string): boolean {
    return Date.parse(downloadedAt) + READING_COPY_DAYS * DAY_MS <= this.now();
  }

  private closed(closes: Record<string, string>, packetId: string): boolean {
    const closesAt = closes[packetId];
    return closesAt !== undefined && Date.parse(closesAt) <= this.now();
  }

  /** Removes each packet `whyGo` gives a reason for (imported ones, the assessor's own copies, never get one). */
  private async purge<Reason extends string>(
    closes: Record<string, string>,
    whyGo: (packetId: string, source: string | undefined, downloadedAt: string) => Reason | undefined,
  ): Promise<PurgedPacket<Reason>[]> {
    const purged: PurgedPacket<Reason>[] = [];
    for (const packet of this.store.list()) {
      const reason = whyGo(packet.packetId, this.store.source(packet.packetId), packet.importedAt);
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

/** A committee member's copy of a packet or a norming anchor: read, not assigned (see READING_COPY_DAYS). */
export function isReadingCopy(source: string | undefined): boolean {
  return isCommitteeCopy(source) || isAnchor(source);
}
