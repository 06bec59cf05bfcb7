import { randomUUID } from 'node:crypto';
import { iso, type Queryable } from '../db/db';

export interface ConflictRow {
  id: string;
  school: string | null;
  district: string | null;
  declaredAt: string;
}

export async function insertConflict(
  q: Queryable,
  assessorId: string,
  conflict: { school?: string; district?: string },
  at: number,
): Promise<ConflictRow> {
  const id = randomUUID();
  const declaredAt = new Date(at).toISOString();
  await q.query('insert into conflicts (id, assessor_id, school, district, declared_at) values ($1, $2, $3, $4, $5)', [
    id,
    assessorId,
    conflict.school ?? null,
    conflict.district ?? null,
    declaredAt,
  ]);
  return { id, school: conflict.school ?? null, district: conflict.district ?? null, declaredAt };
}

export async function listConflicts(q: Queryable, assessorId: string): Promise<ConflictRow[]> {
  const rows = await q.query<{ id: string; school: string | null; district: string | null; declared_at: Date }>(
    'select id, school, district, declared_at from conflicts where assessor_id = $1 order by declared_at, id',
    [assessorId],
  );
  return rows.map((row) => ({
    id: row.id,
    school: row.school,
    district: row.district,
    declaredAt: iso(row.declared_at),
  }));
}

/**
 * SQL true when conflict row `conflict` names packet row `packet`'s school or district. Names are
 * compared trimmed and case-insensitively: "Harbor City SD " and "harbor city sd" are one district.
 * The one definition every conflict check uses.
 */
export function conflictMatch(packet: string, conflict: string): string {
  return `((${conflict}.school is not null and ${packet}.school is not null and lower(btrim(${conflict}.school)) = lower(btrim(${packet}.school)))
      or (${conflict}.district is not null and ${packet}.district is not null and lower(btrim(${conflict}.district)) = lower(btrim(${packet}.district))))`;
}

/**
 * packetId → assessors who declared a conflict with the packet's school or district. Names are
 * compared trimmed and case-insensitively: "Harbor City SD " and "harbor city sd" are one district.
 */
export async function conflictedAssessors(
  q: Queryable,
  packetIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await q.query<{ packet_id: string; assessor_id: string }>(
    `select distinct p.id as packet_id, c.assessor_id
       from packets p
       join conflicts c
         on ${conflictMatch('p', 'c')}
      where p.id = any($1::uuid[])`,
    [[...packetIds]],
  );
  const result = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = result.get(row.packet_id) ?? new Set<string>();
    set.add(row.assessor_id);
    result.set(row.packet_id, set);
  }
  return result;
}

/** Whether this person declared a conflict with the packet's school or district. */
export async function isConflicted(q: Queryable, userId: string, packetId: string): Promise<boolean> {
  const rows = await q.query(
    `select 1 from packets p join conflicts c
         on ${conflictMatch('p', 'c')}
      where p.id = $1 and c.assessor_id = $2 limit 1`,
    [packetId, userId],
  );
  return rows.length > 0;
}
