import type { AdminPacketView, PacketView } from '../../shared/contract/hub-api';
import { PacketManifest } from '../../shared/packet/manifest';
import { iso, jsonParam, type Queryable } from '../db/db';

interface PacketRow {
  id: string;
  manifest: unknown;
  manifest_sha256: string;
  uploaded_at: Date;
  school: string | null;
  district: string | null;
}

export interface StoredPacket {
  view: AdminPacketView;
  manifestSha256: string;
}

/** Records an uploaded packet and its evidence index (the bytes are already in the BlobStore). */
export async function insertPacket(
  q: Queryable,
  input: {
    manifest: PacketManifest;
    manifestSha256: string;
    uploadedBy: string | null;
    uploadedAt: number;
    school: string | null;
    district: string | null;
  },
): Promise<void> {
  const { manifest } = input;
  await q.query(
    `insert into packets (id, manifest, manifest_sha256, credential_id, credential_title, pseudonym, attempt,
                          submitted_at, uploaded_at, uploaded_by, school, district)
     values ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      manifest.packetId,
      jsonParam(manifest),
      input.manifestSha256,
      manifest.credential.id,
      manifest.credential.title,
      manifest.candidate.pseudonym,
      manifest.attempt.number,
      manifest.submittedAt,
      new Date(input.uploadedAt).toISOString(),
      input.uploadedBy,
      input.school,
      input.district,
    ],
  );
  for (const item of manifest.evidence) {
    await q.query(
      'insert into evidence (packet_id, evidence_id, sha256, bytes, media_type) values ($1, $2, $3, $4, $5)',
      [manifest.packetId, item.id, item.sha256, item.bytes, item.mediaType],
    );
  }
}

export async function findPacket(q: Queryable, packetId: string): Promise<StoredPacket | undefined> {
  const rows = await q.query<PacketRow>(
    'select id, manifest, manifest_sha256, uploaded_at, school, district from packets where id = $1',
    [packetId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    manifestSha256: row.manifest_sha256,
    view: {
      packetId: row.id,
      uploadedAt: iso(row.uploaded_at),
      // Parsed again on the way out: the stored JSON passed this schema on upload, and parsing
      // guarantees no field outside the strict manifest can ever reach a client.
      manifest: PacketManifest.parse(row.manifest),
      school: row.school,
      district: row.district,
    },
  };
}

/**
 * The manifests of the given packets by packet id, as stored (unknown ids are left out), for the
 * hub's own checks. Each passed the strict schema when its packet was uploaded and never changes,
 * so they are not parsed again here: parsing 200 of them cost a burst of score uploads 10–20 ms.
 * What goes to a client is parsed on the way out (findPacket).
 */
export async function packetManifests(
  q: Queryable,
  packetIds: readonly string[],
): Promise<Map<string, PacketManifest>> {
  if (packetIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; manifest: unknown }>(
    'select id, manifest from packets where id = any($1::uuid[])',
    [packetIds],
  );
  return new Map(rows.map((row) => [row.id, row.manifest as PacketManifest]));
}

/** The view for anyone but an admin: school and district, kept for conflict checks, are left out. */
export function readerView(packet: AdminPacketView): PacketView {
  return { packetId: packet.packetId, uploadedAt: packet.uploadedAt, manifest: packet.manifest };
}

export interface EvidenceRow {
  sha256: string;
  bytes: number;
  mediaType: string;
}

export async function findEvidence(
  q: Queryable,
  packetId: string,
  evidenceId: string,
): Promise<EvidenceRow | undefined> {
  const rows = await q.query<{ sha256: string; bytes: string | number; media_type: string }>(
    'select sha256, bytes, media_type from evidence where packet_id = $1 and evidence_id = $2',
    [packetId, evidenceId],
  );
  const row = rows[0];
  // bigint arrives as a string from pg and as a number from PGlite.
  return row && { sha256: row.sha256, bytes: Number(row.bytes), mediaType: row.media_type };
}
