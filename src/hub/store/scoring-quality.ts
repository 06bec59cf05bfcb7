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

/** The windows (with a scoring policy) in which this assessor is assigned this packet. */
export async function policyWindowsOf(
  q: Queryable,
  packetId: string,
  assessorId: string,
): Promise<{ id: string; policy: unknown; requiredQualification: string | null }[]> {
  const rows = await q.query<{ id: string; scoring_policy: unknown; required_qualification: string | null }>(
    `select w.id, w.scoring_policy, w.required_qualification from assignments a join review_windows w on w.id = a.window_id
      where a.packet_id = $1 and a.assessor_id = $2 and w.scoring_policy is not null`,
    [packetId, assessorId],
  );
  return rows.map((row) => ({
    id: row.id,
    policy: row.scoring_policy,
    requiredQualification: row.required_qualification,
  }));
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
