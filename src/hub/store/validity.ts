import { randomUUID } from 'node:crypto';
import type { MarkValidityRequest, ScorerPause, ValidityPacketView } from '../../shared/contract/scorer-quality';
import { iso, jsonParam, type Queryable } from '../db/db';
import { conflictMatch } from './conflicts';

// Validity packets (packets with master levels, seeded into live queues of a window) and chairs'
// pauses of assessors in a window. services/validity.ts and services/scorer-quality.ts keep the rules.

/** SQL: the packets conflicting with the declarations of the user in parameter $n. */
export function conflictedPacketsOf(param: number): string {
  return `select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = $${param}`;
}

export async function isValidityPacket(q: Queryable, windowId: string, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from validity_packets where window_id = $1 and packet_id = $2', [
    windowId,
    packetId,
  ]);
  return rows.length > 0;
}

/** The window's validity packets, oldest marked first. */
export async function validityPacketIds(q: Queryable, windowId: string): Promise<string[]> {
  const rows = await q.query<{ packet_id: string }>(
    'select packet_id from validity_packets where window_id = $1 order by marked_at, packet_id',
    [windowId],
  );
  return rows.map((row) => row.packet_id);
}

export async function upsertValidityPacket(
  q: Queryable,
  input: { windowId: string; packetId: string; request: MarkValidityRequest; by: string | null; at: number },
): Promise<void> {
  await q.query(
    `insert into validity_packets (window_id, packet_id, masters, master_decision, marked_by, marked_at)
     values ($1, $2, $3::jsonb, $4, $5, $6)
     on conflict (window_id, packet_id) do update
       set masters = excluded.masters, master_decision = excluded.master_decision,
           marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
    [
      input.windowId,
      input.packetId,
      jsonParam(input.request.masters),
      input.request.decision,
      input.by,
      new Date(input.at).toISOString(),
    ],
  );
}

/** The window's validity packets as a chair sees them, leaving out those the viewer is conflicted with. */
export async function listValidityPackets(
  q: Queryable,
  windowId: string,
  viewerId: string,
): Promise<ValidityPacketView[]> {
  const rows = await q.query<{
    packet_id: string;
    pseudonym: string;
    credential_title: string;
    masters: ValidityPacketView['masters'];
    master_decision: ValidityPacketView['decision'];
    marked_at: Date;
    marked_by: string | null;
    assigned: number;
    scored: number;
  }>(
    `select v.packet_id, p.pseudonym, p.credential_title, v.masters, v.master_decision, v.marked_at,
            u.username as marked_by,
            (select count(*)::int from assignments a where a.window_id = v.window_id and a.packet_id = v.packet_id) as assigned,
            (select count(distinct s.assessor_id)::int from scores s join assignments a
                on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id
              where a.window_id = v.window_id and s.packet_id = v.packet_id) as scored
       from validity_packets v join packets p on p.id = v.packet_id left join users u on u.id = v.marked_by
      where v.window_id = $1 and v.packet_id not in (${conflictedPacketsOf(2)})
      order by v.marked_at, v.packet_id`,
    [windowId, viewerId],
  );
  return rows.map((row) => ({
    packetId: row.packet_id,
    pseudonym: row.pseudonym,
    credentialTitle: row.credential_title,
    masters: row.masters,
    decision: row.master_decision,
    markedAt: iso(row.marked_at),
    markedBy: row.marked_by,
    assigned: row.assigned,
    scored: row.scored,
  }));
}

/** criterionId → master level id, per validity packet of the window. */
export async function validityMasters(q: Queryable, windowId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await q.query<{ packet_id: string; masters: { criterionId: string; levelId: string }[] }>(
    'select packet_id, masters from validity_packets where window_id = $1',
    [windowId],
  );
  return new Map(
    rows.map((row) => [row.packet_id, Object.fromEntries(row.masters.map((m) => [m.criterionId, m.levelId]))]),
  );
}

/** Whether the packet has assignments in the window (as live work, when it is not a validity packet). */
export async function hasAssignmentsInWindow(q: Queryable, windowId: string, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from assignments where window_id = $1 and packet_id = $2 limit 1', [
    windowId,
    packetId,
  ]);
  return rows.length > 0;
}

/** packetId → every assessor ever assigned the packet, in any window. */
export async function assessorsEverAssigned(
  q: Queryable,
  packetIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await q.query<{ packet_id: string; assessor_id: string }>(
    'select distinct packet_id, assessor_id from assignments where packet_id = any($1::uuid[])',
    [[...packetIds]],
  );
  const result = new Map<string, Set<string>>();
  for (const row of rows) result.set(row.packet_id, (result.get(row.packet_id) ?? new Set()).add(row.assessor_id));
  return result;
}

// ── pauses ───────────────────────────────────────────────────────────────────────────────

export interface OpenPause extends ScorerPause {
  id: string;
  windowId: string;
  userId: string;
  /** A recalibration pause whose assessor has since requalified: it no longer holds them back. */
  recalibrated: boolean;
}

/**
 * The pauses not ended by a chair, in these windows (all when null) or of this user (when given).
 * A recalibration pause is over once the assessor's qualification in the window's required
 * credential, recorded after the pause, passed and has not expired at `now`.
 */
export async function openPauses(
  q: Queryable,
  filter: { windowId?: string; userId?: string },
  now: number,
): Promise<OpenPause[]> {
  const rows = await q.query<{
    id: string;
    window_id: string;
    user_id: string;
    recalibrate: boolean;
    reason: string;
    paused_at: Date;
    paused_by: string | null;
    recalibrated: boolean;
  }>(
    `select p.id, p.window_id, p.user_id, p.recalibrate, p.reason, p.paused_at, u.username as paused_by,
            (p.recalibrate and exists (
              select 1 from qualifications qn
               where qn.user_id = p.user_id and qn.credential_id = w.required_qualification and qn.qualified
                 and qn.recorded_at > p.paused_at and qn.expires_at > $3
                 and qn.recorded_at = (select max(l.recorded_at) from qualifications l
                                        where l.user_id = p.user_id and l.credential_id = w.required_qualification)
            )) as recalibrated
       from scorer_pauses p join review_windows w on w.id = p.window_id left join users u on u.id = p.paused_by
      where p.resumed_at is null and ($1::uuid is null or p.window_id = $1) and ($2::uuid is null or p.user_id = $2)
      order by p.paused_at, p.id`,
    [filter.windowId ?? null, filter.userId ?? null, new Date(now).toISOString()],
  );
  return rows.map((row) => ({
    id: row.id,
    windowId: row.window_id,
    userId: row.user_id,
    recalibrate: row.recalibrate,
    reason: row.reason,
    pausedAt: iso(row.paused_at),
    pausedBy: row.paused_by,
    recalibrated: row.recalibrated,
  }));
}

/** The assessors held back in the window at `now`: paused, or recalibrating and not yet requalified. */
export async function pausedAssessors(q: Queryable, windowId: string, now: number): Promise<Set<string>> {
  const pauses = await openPauses(q, { windowId }, now);
  return new Set(pauses.filter((p) => !p.recalibrated).map((p) => p.userId));
}

export async function insertPause(
  q: Queryable,
  input: { windowId: string; userId: string; recalibrate: boolean; reason: string; by: string | null; at: number },
): Promise<void> {
  await q.query(
    `insert into scorer_pauses (id, window_id, user_id, recalibrate, reason, paused_by, paused_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      randomUUID(),
      input.windowId,
      input.userId,
      input.recalibrate,
      input.reason,
      input.by,
      new Date(input.at).toISOString(),
    ],
  );
}

export async function endPause(
  q: Queryable,
  input: { pauseId: string; reason: string; by: string | null; at: number },
): Promise<void> {
  await q.query('update scorer_pauses set resumed_at = $2, resumed_by = $3, resume_reason = $4 where id = $1', [
    input.pauseId,
    new Date(input.at).toISOString(),
    input.by,
    input.reason,
  ]);
}
