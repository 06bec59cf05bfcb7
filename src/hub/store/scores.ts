import { jsonParam, type Queryable } from '../db/db';
import type { ScoreRecord } from '../../shared/domain/score';
import { pairKey } from './assignments';

// The scores table: the SQL behind score uploads (services/scores.ts keeps the rules: idempotency,
// revisions, who may upload what).

/** A stored score as the table holds it. */
export interface ScoreRow {
  id: string;
  packet_id: string;
  assessor_id: string;
  revision: number;
  record: unknown;
  received_at: Date;
}

/** A row to insert: the stored fields plus the revision it replaced and the parsed record. */
export type NewScoreRow = ScoreRow & { base_revision: number; record: ScoreRecord };

/** How many revisions the assessor has uploaded for the packet, and the latest one (0 for none). */
export async function scoreRevisions(
  q: Queryable,
  packetId: string,
  assessorId: string,
): Promise<{ count: number; latest: number }> {
  const rows = await q.query<{ count: number; latest: number }>(
    `select count(*)::int as count, coalesce(max(revision), 0)::int as latest from scores
      where packet_id = $1 and assessor_id = $2`,
    [packetId, assessorId],
  );
  return rows[0] ?? { count: 0, latest: 0 };
}

/** One stored score by its id. */
export async function findScoreRow(q: Queryable, scoreId: string): Promise<ScoreRow | undefined> {
  const rows = await q.query<ScoreRow>(
    'select id, packet_id, assessor_id, revision, record, received_at from scores where id = $1',
    [scoreId],
  );
  return rows[0];
}

export interface StoredRows {
  /** Stored scores by id. */
  byId: Map<string, ScoreRow>;
  /** The latest stored revision by pairKey(packet, assessor). */
  latest: Map<string, ScoreRow>;
}

/**
 * In one statement (an upload is latency-bound on statements): the scores stored under these
 * ids, and the latest revision each packet–assessor pair has.
 */
export async function scoreRows(
  q: Queryable,
  scoreIds: readonly string[],
  pairs: readonly { packetId: string; assessorId: string }[],
): Promise<StoredRows> {
  const rows = await q.query<ScoreRow & { by_id: boolean }>(
    `(select id, packet_id, assessor_id, revision, record, received_at, true as by_id
        from scores where id = any($1::uuid[]))
     union all
     (select distinct on (packet_id, assessor_id) id, packet_id, assessor_id, revision, record, received_at,
             false as by_id
        from scores where (packet_id, assessor_id) in (select * from unnest($2::uuid[], $3::uuid[]))
       order by packet_id, assessor_id, revision desc)`,
    [scoreIds, pairs.map((pair) => pair.packetId), pairs.map((pair) => pair.assessorId)],
  );
  const stored: StoredRows = { byId: new Map(), latest: new Map() };
  for (const { by_id: byId, ...row } of rows) {
    if (byId) stored.byId.set(row.id, row);
    else stored.latest.set(pairKey(row.packet_id, row.assessor_id), row);
  }
  return stored;
}

/** Inserts the accepted uploads, one statement for the whole batch. */
export async function insertScoreRows(tx: Queryable, rows: readonly NewScoreRow[]): Promise<void> {
  await tx.query(
    `insert into scores (id, packet_id, assessor_id, revision, base_revision, record, received_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::jsonb[], $7::timestamptz[])`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.packet_id),
      rows.map((row) => row.assessor_id),
      rows.map((row) => row.revision),
      rows.map((row) => row.base_revision),
      rows.map((row) => jsonParam(row.record)),
      rows.map((row) => row.received_at.toISOString()),
    ],
  );
}
