import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdminPacketView } from '../../shared/contract/hub-api';
import type { Problem } from '../../shared/problems';
import { readPacket } from '../../node/packet/read-packet';
import type { HubContext } from '../context';
import { isUniqueViolation } from '../db/db';
import { ApiError } from '../http/errors';
import { appendAudit } from '../store/audit';
import { findPacket, insertPacket } from '../store/packets';

export type IngestOutcome =
  { ok: true; packet: AdminPacketView; alreadyUploaded: boolean } | { ok: false; problems: Problem[] };

/**
 * Adds an .anchor file to the hub. It is validated by readPacket — the very validator the
 * desktop import uses, with the same limits — and extracted to a private staging folder in
 * the same pass; then each evidence file moves into the BlobStore (which checks its sha256 once
 * more) and the packet row commits. A packet is either fully on the hub or absent.
 * The same packet again is a no-op; a different packet under a known id is refused (409).
 */
export async function ingestPacket(
  hub: HubContext,
  file: string,
  meta: { uploadedBy: string | null; school: string | null; district: string | null },
): Promise<IngestOutcome> {
  const first = await readPacket(file, { limits: hub.packetLimits, manifestOnly: true });
  if (!first.manifest || !first.manifestBytes) return { ok: false, problems: first.problems };
  const digest = createHash('sha256').update(first.manifestBytes).digest('hex');
  const known = await sameOrRefuse(hub, first.manifest.packetId, digest);
  if (known) return { ok: true, packet: known, alreadyUploaded: true };

  const staging = await mkdtemp(join(hub.uploadDir, 'ingest-'));
  try {
    const report = await readPacket(file, { limits: hub.packetLimits, extractTo: staging });
    if (!report.manifest || report.problems.length > 0) return { ok: false, problems: report.problems };
    const manifest = report.manifest;
    for (const item of manifest.evidence) {
      await hub.blobs.putFile(join(staging, ...item.path.split('/')), item.sha256);
    }
    const now = hub.now();
    try {
      await hub.db.transaction(async (tx) => {
        await insertPacket(tx, { manifest, manifestSha256: digest, uploadedAt: now, ...meta });
        await appendAudit(
          tx,
          {
            actor: meta.uploadedBy,
            action: 'packet.upload',
            subject: `packet:${manifest.packetId}`,
            detail: { manifestSha256: digest, evidenceCount: manifest.evidence.length },
          },
          now,
        );
      });
    } catch (error) {
      // Two uploads of one packet raced; the loser answers as if it had come second.
      if (!isUniqueViolation(error)) throw error;
      const winner = await sameOrRefuse(hub, manifest.packetId, digest);
      if (winner) return { ok: true, packet: winner, alreadyUploaded: true };
      throw error;
    }
    const stored = await findPacket(hub.db, manifest.packetId);
    if (!stored) throw new Error(`packet ${manifest.packetId} vanished right after upload`);
    return { ok: true, packet: stored.view, alreadyUploaded: false };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The stored packet when it is this very upload again; 409 when the id belongs to a different packet. */
async function sameOrRefuse(hub: HubContext, packetId: string, digest: string): Promise<AdminPacketView | undefined> {
  const existing = await findPacket(hub.db, packetId);
  if (!existing) return undefined;
  if (existing.manifestSha256 === digest) return existing.view;
  throw new ApiError(
    409,
    'packet-id-taken',
    `A different packet with id ${packetId} is already on the hub (uploaded ${existing.view.uploadedAt}); it was not overwritten.`,
  );
}
