import { randomUUID } from 'node:crypto';
import type { AssignmentRecord, AssignmentView } from '../../shared/contract/hub-api';
import { iso, type Queryable } from '../db/db';
import { windowIsOpen } from './windows';

/** The caller's assignments in windows open at `now`, soonest closing first. */
export async function listOpenAssignments(q: Queryable, assessorId: string, now: number): Promise<AssignmentView[]> {
  const rows = await q.query<{
    id: string;
    packet_id: string;
    assigned_at: Date;
    window_id: string;
    window_name: string;
    closes_at: Date;
    decisions_due_at: Date;
    credential_id: string;
    credential_title: string;
    pseudonym: string;
    attempt: number;
    submitted_at: Date;
    evidence_count: number;
    total_bytes: string | number;
  }>(
    `select a.id, a.packet_id, a.assigned_at,
            w.id as window_id, w.name as window_name, w.closes_at, w.decisions_due_at,
            p.credential_id, p.credential_title, p.pseudonym, p.attempt, p.submitted_at,
            (select count(*)::int from evidence e where e.packet_id = p.id) as evidence_count,
            (select coalesce(sum(e.bytes), 0)::bigint from evidence e where e.packet_id = p.id) as total_bytes
       from assignments a
       join review_windows w on w.id = a.window_id
       join packets p on p.id = a.packet_id
      where a.assessor_id = $1 and ${windowIsOpen('w', 2)}
      order by w.closes_at, a.assigned_at, a.id`,
    [assessorId, new Date(now).toISOString()],
  );
  // Built field by field: only what an assessor may see leaves this function.
  return rows.map((row) => ({
    assignmentId: row.id,
    packetId: row.packet_id,
    assignedAt: iso(row.assigned_at),
    window: {
      id: row.window_id,
      name: row.window_name,
      closesAt: iso(row.closes_at),
      decisionsDueAt: iso(row.decisions_due_at),
    },
    credential: { id: row.credential_id, title: row.credential_title },
    pseudonym: row.pseudonym,
    attempt: row.attempt,
    submittedAt: iso(row.submitted_at),
    evidenceCount: row.evidence_count,
    totalBytes: Number(row.total_bytes),
  }));
}

/**
 * Whether the packet is assigned to the assessor: not at all, only in windows that are not open
 * at `now`, or in an open window. With `lock`, the assessor's assignment rows for the packet stay
 * locked until the transaction ends, which serialises concurrent score uploads for one packet and
 * assessor on a real PostgreSQL server (and an upload with an unassign: see lockAssignmentPair).
 */
export async function assignmentState(
  q: Queryable,
  packetId: string,
  assessorId: string,
  now: number,
  lock = false,
): Promise<AssignmentState> {
  const states = await assignmentStates(q, [{ packetId, assessorId }], now, lock);
  return states.get(pairKey(packetId, assessorId)) ?? 'none';
}

export type AssignmentState = 'none' | 'not-open' | 'open';

/** Identifies one packet–assessor pair in the maps below. */
export function pairKey(packetId: string, assessorId: string): string {
  return `${packetId}/${assessorId}`;
}

/**
 * assignmentState for many pairs in one statement, keyed by pairKey (a pair with no assignment is
 * absent). Rows are locked in id order, as lockAssignmentPair locks them, so two transactions locking
 * overlapping pairs cannot deadlock.
 */
export async function assignmentStates(
  q: Queryable,
  pairs: readonly { packetId: string; assessorId: string }[],
  now: number,
  lock = false,
): Promise<Map<string, Exclude<AssignmentState, 'none'>>> {
  const rows = await q.query<{ packet_id: string; assessor_id: string; open: boolean }>(
    `select a.packet_id, a.assessor_id, ${windowIsOpen('w', 2)} as open
       from assignments a join review_windows w on w.id = a.window_id
      where (a.packet_id, a.assessor_id) in (select * from unnest($1::uuid[], $3::uuid[]))
      order by a.id
      ${lock ? 'for update of a' : ''}`,
    [pairs.map((pair) => pair.packetId), new Date(now).toISOString(), pairs.map((pair) => pair.assessorId)],
  );
  const states = new Map<string, Exclude<AssignmentState, 'none'>>();
  for (const row of rows) {
    const key = pairKey(row.packet_id, row.assessor_id);
    if (row.open) states.set(key, 'open');
    else if (!states.has(key)) states.set(key, 'not-open');
  }
  return states;
}

/** Inserts an assignment; throws the driver's unique violation when it exists already. */
export async function insertAssignment(
  q: Queryable,
  input: {
    windowId: string;
    packetId: string;
    assessorId: string;
    assessorUsername: string;
    assignedBy: string | null;
  },
  at: number,
): Promise<AssignmentRecord> {
  const id = randomUUID();
  const assignedAt = new Date(at).toISOString();
  await q.query(
    `insert into assignments (id, window_id, packet_id, assessor_id, assigned_at, assigned_by)
     values ($1, $2, $3, $4, $5, $6)`,
    [id, input.windowId, input.packetId, input.assessorId, assignedAt, input.assignedBy],
  );
  return {
    id,
    windowId: input.windowId,
    packetId: input.packetId,
    assessorId: input.assessorId,
    assessorUsername: input.assessorUsername,
    assignedAt,
  };
}

/** Every enabled user holding the assessor role, in a stable order (ties in auto-assignment go by name). */
export async function listAssessors(q: Queryable): Promise<{ id: string; username: string }[]> {
  return q.query<{ id: string; username: string }>(
    `select id, username from users where 'assessor' = any(roles) and disabled_at is null order by username`,
  );
}

/** packetId → assessors already assigned to it in the window. */
export async function assignmentsInWindow(q: Queryable, windowId: string): Promise<Map<string, Set<string>>> {
  const rows = await q.query<{ packet_id: string; assessor_id: string }>(
    'select packet_id, assessor_id from assignments where window_id = $1',
    [windowId],
  );
  const result = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = result.get(row.packet_id) ?? new Set<string>();
    set.add(row.assessor_id);
    result.set(row.packet_id, set);
  }
  return result;
}

/** The assessors with at least one assignment in the window (who hear about changes to it). */
export async function assessorsInWindow(q: Queryable, windowId: string): Promise<string[]> {
  const rows = await q.query<{ assessor_id: string }>(
    'select distinct assessor_id from assignments where window_id = $1 order by assessor_id',
    [windowId],
  );
  return rows.map((row) => row.assessor_id);
}

interface AssignmentRecordRow {
  id: string;
  window_id: string;
  packet_id: string;
  assessor_id: string;
  username: string;
  assigned_at: Date;
}

const RECORD_COLUMNS = 'a.id, a.window_id, a.packet_id, a.assessor_id, u.username, a.assigned_at';

function toRecord(row: AssignmentRecordRow): AssignmentRecord {
  return {
    id: row.id,
    windowId: row.window_id,
    packetId: row.packet_id,
    assessorId: row.assessor_id,
    assessorUsername: row.username,
    assignedAt: iso(row.assigned_at),
  };
}

/** Every assignment matching the filters (each optional, all must hold), oldest first. */
export async function listAssignmentRecords(
  q: Queryable,
  filter: { windowId?: string; assessorId?: string; packetId?: string },
): Promise<AssignmentRecord[]> {
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['a.window_id', filter.windowId],
    ['a.assessor_id', filter.assessorId],
    ['a.packet_id', filter.packetId],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  const rows = await q.query<AssignmentRecordRow>(
    `select ${RECORD_COLUMNS}
       from assignments a join users u on u.id = a.assessor_id
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by a.assigned_at, a.id`,
    params,
  );
  return rows.map(toRecord);
}

/**
 * The assignment with this id and every other assignment of the same packet to the same assessor
 * (in other windows), all locked until the transaction ends, in id order: the same rows, in the
 * same order, that a score upload locks (assignmentState with lock). An unassign and a score
 * upload for one packet and assessor are therefore decided one after the other. Undefined when
 * no assignment has this id.
 */
export async function lockAssignmentPair(
  q: Queryable,
  assignmentId: string,
): Promise<{ target: AssignmentRecord; others: AssignmentRecord[] } | undefined> {
  const rows = await q.query<AssignmentRecordRow>(
    `select ${RECORD_COLUMNS}
       from assignments a join users u on u.id = a.assessor_id
      where (a.packet_id, a.assessor_id) in (select packet_id, assessor_id from assignments where id = $1)
      order by a.id
      for update of a`,
    [assignmentId],
  );
  const records = rows.map(toRecord);
  const target = records.find((record) => record.id === assignmentId);
  return target && { target, others: records.filter((record) => record !== target) };
}

export async function deleteAssignment(q: Queryable, assignmentId: string): Promise<void> {
  await q.query('delete from assignments where id = $1', [assignmentId]);
}
