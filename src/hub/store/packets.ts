import type { AdminPacketView, PacketView } from '../../shared/contract/hub-api';
import { PacketManifest } from '../../shared/packet/manifest';
import { iso, jsonParam, type Queryable } from '../db/db';
import { conflictMatch } from './conflicts';

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

/** What the packet list is filtered by, read from the query (see contract/packet-list.ts). */
export interface PacketListQuery {
  /** Lower-cased part of the pseudonym or credential title. */
  text?: string;
  windowId?: string;
  assigned?: 'none' | 'some';
  kind?: 'live' | 'validity' | 'anchor';
  /** Rows after this one in the list's order (newest upload first). */
  before?: { uploadedAt: string; packetId: string };
  limit: number;
  /** Packets this person declared a conflict with are left out. */
  viewerId: string;
}

export interface PacketListEntry {
  packetId: string;
  pseudonym: string;
  credentialId: string;
  credentialTitle: string;
  attempt: number;
  uploadedAt: string;
  evidenceCount: number;
  totalBytes: number;
  school: string | null;
  district: string | null;
  inWindow: number | null;
  total: number;
  anchor: boolean;
  validity: boolean;
}

type PacketListTuple = [
  string,
  string,
  string,
  string,
  number,
  string,
  number,
  number | string,
  string | null,
  string | null,
  number | null,
  number,
  boolean,
  boolean,
];

/**
 * One page of the hub's packets, newest upload first, in one statement. The filters are joined
 * in only when given (so the planner sees plain predicates), the page is cut by the keyset
 * (uploaded_at, id) on packets_uploaded before anything per packet is counted, and the rows come
 * back as one JSON text: on PGlite each returned field costs more than the work behind it
 * (store/window-dashboard.ts). A packet the viewer declared a conflict with never appears.
 */
export async function listPackets(q: Queryable, query: PacketListQuery): Promise<PacketListEntry[]> {
  const { sql, params } = packetListStatement(query);
  const rows = await q.query<{ rows: string }>(sql, params);
  const tuples = JSON.parse(rows[0]!.rows) as PacketListTuple[];
  return tuples.map(
    ([
      packetId,
      pseudonym,
      credentialId,
      credentialTitle,
      attempt,
      at,
      evidenceCount,
      bytes,
      school,
      district,
      inW,
      total,
      anchor,
      validity,
    ]) => ({
      packetId,
      pseudonym,
      credentialId,
      credentialTitle,
      attempt,
      // json_build_array writes timestamps in the session's offset; normalise to UTC ISO.
      uploadedAt: iso(at),
      evidenceCount,
      // A sum of bigint is numeric, which JSON may carry as a number or (very large) text.
      totalBytes: Number(bytes),
      school,
      district,
      inWindow: inW,
      total,
      anchor,
      validity,
    }),
  );
}

/** The statement behind listPackets, apart so the bench can EXPLAIN exactly it. */
export function packetListStatement(query: PacketListQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.viewerId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // The viewer's conflicted packets are found once, from their own (usually no) declarations, and
  // left out by a hashed anti-join rather than a conflict probe per packet row.
  const where = ['p.id not in (select id from mine)'];
  if (query.text !== undefined) {
    const text = param(query.text);
    // strpos, not like: a % or _ typed in the search box is a character, not a wildcard.
    where.push(`(strpos(lower(p.pseudonym), ${text}) > 0 or strpos(lower(p.credential_title), ${text}) > 0)`);
  }
  const windowId = query.windowId === undefined ? undefined : param(query.windowId);
  const inWindow = (alias: string) => (windowId === undefined ? '' : ` and ${alias}.window_id = ${windowId}::uuid`);
  const isValidity = `exists (select 1 from validity_packets v where v.packet_id = p.id${inWindow('v')})`;
  if (query.kind === 'anchor') where.push('p.is_anchor');
  if (query.kind === 'validity') where.push(isValidity);
  if (query.kind === 'live') where.push(`not p.is_anchor and not ${isValidity}`);
  if (query.assigned !== undefined) {
    const assigned = `exists (select 1 from assignments a where a.packet_id = p.id${inWindow('a')})`;
    where.push(query.assigned === 'none' ? `not ${assigned}` : assigned);
  }
  // The cursor carries uploaded_at to the millisecond, which is all insertPacket ever stores (it
  // writes hub.now() as an ISO instant), so "before this row" is exact.
  if (query.before !== undefined) {
    const at = param(query.before.uploadedAt);
    where.push(`(p.uploaded_at, p.id) < (${at}::timestamptz, ${param(query.before.packetId)}::uuid)`);
  }
  const limit = param(query.limit);
  const countInWindow =
    windowId === undefined
      ? 'null'
      : `(select count(*) from assignments a where a.packet_id = g.id and a.window_id = ${windowId}::uuid)`;
  const sql = `with mine as (select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = $1),
     page as (
       select p.id, p.pseudonym, p.credential_id, p.credential_title, p.attempt, p.uploaded_at, p.school, p.district,
              p.is_anchor
         from packets p
        where ${where.join('\n          and ')}
        order by p.uploaded_at desc, p.id desc
        limit ${limit})
     select coalesce(json_agg(json_build_array(
              g.id, g.pseudonym, g.credential_id, g.credential_title, g.attempt, g.uploaded_at,
              (select count(*) from evidence e where e.packet_id = g.id),
              (select coalesce(sum(e.bytes), 0) from evidence e where e.packet_id = g.id),
              g.school, g.district, ${countInWindow},
              (select count(*) from assignments a where a.packet_id = g.id),
              g.is_anchor,
              exists (select 1 from validity_packets v where v.packet_id = g.id${inWindow('v')}))
            order by g.uploaded_at desc, g.id desc), '[]')::text as rows
       from page g`;
  return { sql, params };
}
