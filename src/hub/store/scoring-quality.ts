import { randomUUID } from 'node:crypto';
import type { Discrepancy, SecondScoringReason } from '../../shared/committee/policy';
import type { AdjudicationView, WindowQuality } from '../../shared/contract/committee';
import { iso, jsonParam, type Queryable } from '../db/db';
import { conflictMatch } from './conflicts';

// The second-scoring decisions and adjudications of review windows (services/score-routing.ts
// keeps the rules).

export async function hasSecondScoringDecision(q: Queryable, windowId: string, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from second_scoring where window_id = $1 and packet_id = $2', [
    windowId,
    packetId,
  ]);
  return rows.length > 0;
}

export async function insertSecondScoringDecision(
  q: Queryable,
  input: {
    windowId: string;
    packetId: string;
    firstScoreId: string;
    reasons: readonly SecondScoringReason[];
    assignmentId: string | null;
    note: string | null;
    at: number;
  },
): Promise<void> {
  await q.query(
    `insert into second_scoring (window_id, packet_id, first_score_id, reasons, assignment_id, note, decided_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      input.windowId,
      input.packetId,
      input.firstScoreId,
      input.reasons,
      input.assignmentId,
      input.note,
      new Date(input.at).toISOString(),
    ],
  );
}

export async function hasAdjudication(q: Queryable, windowId: string, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from adjudications where window_id = $1 and packet_id = $2', [
    windowId,
    packetId,
  ]);
  return rows.length > 0;
}

export async function insertAdjudication(
  q: Queryable,
  input: {
    windowId: string;
    packetId: string;
    scoreIds: readonly string[];
    discrepancies: readonly Discrepancy[];
    at: number;
  },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `insert into adjudications (id, window_id, packet_id, score_ids, discrepancies, status, opened_at)
     values ($1, $2, $3, $4, $5::jsonb, 'open', $6)`,
    [
      id,
      input.windowId,
      input.packetId,
      input.scoreIds,
      jsonParam(input.discrepancies),
      new Date(input.at).toISOString(),
    ],
  );
  return id;
}

/**
 * For each submission (packet, assessor), the windows with a scoring policy in which that
 * assessor is assigned that packet as live work: one query for a whole batch of submissions. A
 * validity packet's scorings are compared with its masters, never routed to second scoring or adjudication.
 */
export async function policyWindowsOfMany(
  q: Queryable,
  submissions: readonly { packetId: string; assessorId: string }[],
): Promise<{ packetId: string; id: string; policy: unknown; requiredQualification: string | null }[]> {
  const rows = await q.query<{
    packet_id: string;
    id: string;
    scoring_policy: unknown;
    required_qualification: string | null;
  }>(
    `select distinct a.packet_id, w.id, w.scoring_policy, w.required_qualification
       from unnest($1::uuid[], $2::uuid[]) as s (packet_id, assessor_id)
       join assignments a on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id
       join review_windows w on w.id = a.window_id
      where w.scoring_policy is not null
        and not exists (select 1 from validity_packets v where v.window_id = w.id and v.packet_id = a.packet_id)`,
    [submissions.map((s) => s.packetId), submissions.map((s) => s.assessorId)],
  );
  return rows.map((row) => ({
    packetId: row.packet_id,
    id: row.id,
    policy: row.scoring_policy,
    requiredQualification: row.required_qualification,
  }));
}

/**
 * windowScorings for many packets of one window in one query: packetId → the latest revision of
 * each assessor assigned the packet in the window, first scorer first.
 */
export async function windowScoringsOf(
  q: Queryable,
  windowId: string,
  packetIds: readonly string[],
): Promise<Map<string, { id: string; assessorId: string; record: unknown }[]>> {
  const rows = await q.query<{ packet_id: string; id: string; assessor_id: string; record: unknown }>(
    `select latest.packet_id, latest.id, latest.assessor_id, latest.record from (
        select distinct on (s.packet_id, s.assessor_id) s.packet_id, s.id, s.assessor_id, s.record,
               (select min(f.received_at) from scores f where f.packet_id = s.packet_id and f.assessor_id = s.assessor_id) as first_at
          from scores s join assignments a on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id
         where a.window_id = $1 and s.packet_id = any($2::uuid[])
         order by s.packet_id, s.assessor_id, s.revision desc) latest
      order by latest.packet_id, latest.first_at, latest.assessor_id`,
    [windowId, [...packetIds]],
  );
  const result = new Map<string, { id: string; assessorId: string; record: unknown }[]>();
  for (const row of rows) {
    const list = result.get(row.packet_id) ?? [];
    list.push({ id: row.id, assessorId: row.assessor_id, record: row.record });
    result.set(row.packet_id, list);
  }
  return result;
}

/** Of these packets, those with a second-scoring decision, and those with an adjudication, in the window. */
export async function routedAlready(
  q: Queryable,
  windowId: string,
  packetIds: readonly string[],
): Promise<{ decided: Set<string>; adjudicated: Set<string> }> {
  const rows = await q.query<{ packet_id: string; kind: 'decided' | 'adjudicated' }>(
    `select packet_id, 'decided' as kind from second_scoring where window_id = $1 and packet_id = any($2::uuid[])
     union all
     select packet_id, 'adjudicated' as kind from adjudications where window_id = $1 and packet_id = any($2::uuid[])`,
    [windowId, [...packetIds]],
  );
  const decided = new Set<string>();
  const adjudicated = new Set<string>();
  for (const row of rows) (row.kind === 'decided' ? decided : adjudicated).add(row.packet_id);
  return { decided, adjudicated };
}

/** Records many second-scoring decisions in one statement. */
export async function insertSecondScoringDecisions(
  q: Queryable,
  rows: readonly {
    windowId: string;
    packetId: string;
    firstScoreId: string;
    reasons: readonly SecondScoringReason[];
    assignmentId: string | null;
    note: string | null;
  }[],
  at: number,
): Promise<void> {
  if (rows.length === 0) return;
  // Reasons travel as JSON (arrays of arrays do not fit unnest) and become text[] again in SQL.
  await q.query(
    `insert into second_scoring (window_id, packet_id, first_score_id, reasons, assignment_id, note, decided_at)
     select w, p, f, array(select jsonb_array_elements_text(r)), a, n, $7
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::uuid[], $6::text[]) as t (w, p, f, r, a, n)`,
    [
      rows.map((r) => r.windowId),
      rows.map((r) => r.packetId),
      rows.map((r) => r.firstScoreId),
      rows.map((r) => jsonParam(r.reasons)),
      rows.map((r) => r.assignmentId),
      rows.map((r) => r.note),
      new Date(at).toISOString(),
    ],
  );
}

/** Creates many assignments in one statement (ids chosen by the caller). */
export async function insertAssignmentRows(
  q: Queryable,
  rows: readonly { id: string; windowId: string; packetId: string; assessorId: string }[],
  at: number,
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into assignments (id, window_id, packet_id, assessor_id, assigned_at, assigned_by)
     select i, w, p, a, $5, null from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) as t (i, w, p, a)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.windowId),
      rows.map((r) => r.packetId),
      rows.map((r) => r.assessorId),
      new Date(at).toISOString(),
    ],
  );
}

/**
 * The latest revision of each assessor assigned the packet in the window, in the order their first
 * revision arrived: the first scorer first.
 */
export async function windowScorings(
  q: Queryable,
  windowId: string,
  packetId: string,
): Promise<{ id: string; assessorId: string; record: unknown }[]> {
  const rows = await q.query<{ id: string; assessor_id: string; record: unknown }>(
    `select latest.id, latest.assessor_id, latest.record from (
        select distinct on (s.assessor_id) s.id, s.assessor_id, s.record,
               (select min(f.received_at) from scores f where f.packet_id = s.packet_id and f.assessor_id = s.assessor_id) as first_at
          from scores s join assignments a on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id
         where a.window_id = $1 and s.packet_id = $2
         order by s.assessor_id, s.revision desc) latest
      order by latest.first_at, latest.assessor_id`,
    [windowId, packetId],
  );
  return rows.map((row) => ({ id: row.id, assessorId: row.assessor_id, record: row.record }));
}

/** Packets the viewer declared a conflict with: a subquery of their ids, for `not in`. */
function viewersConflicts(viewerParam: string): string {
  return `(select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = ${viewerParam})`;
}

/**
 * A window's routing decisions and adjudications as `viewerId` may see them: packets they declared
 * a conflict with are left out, as everywhere else a conflicted person asks about them.
 */
export async function windowQuality(q: Queryable, windowId: string, viewerId: string): Promise<WindowQuality> {
  const routed = await q.query<{
    packet_id: string;
    reasons: string[];
    assignment_id: string | null;
    note: string | null;
    decided_at: Date;
  }>(
    `select packet_id, reasons, assignment_id, note, decided_at from second_scoring
      where window_id = $1 and packet_id not in ${viewersConflicts('$2')}
      order by decided_at, packet_id`,
    [windowId, viewerId],
  );
  const adjudications = await q.query<{
    id: string;
    packet_id: string;
    score_ids: string[];
    discrepancies: unknown;
    status: AdjudicationView['status'];
    opened_at: Date;
  }>(
    `select id, packet_id, score_ids, discrepancies, status, opened_at from adjudications
      where window_id = $1 and packet_id not in ${viewersConflicts('$2')}
      order by opened_at, packet_id`,
    [windowId, viewerId],
  );
  return {
    secondScoring: routed.map((row) => ({
      packetId: row.packet_id,
      reasons: row.reasons as SecondScoringReason[],
      assignmentId: row.assignment_id,
      note: row.note,
      decidedAt: iso(row.decided_at),
    })),
    adjudications: adjudications.map((row) => ({
      id: row.id,
      packetId: row.packet_id,
      scoreIds: row.score_ids,
      discrepancies: row.discrepancies as AdjudicationView['discrepancies'],
      status: row.status,
      openedAt: iso(row.opened_at),
    })),
  };
}
