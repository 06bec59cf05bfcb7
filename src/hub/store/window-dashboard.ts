import { conflictMatch } from './conflicts';
import { iso, type Queryable } from '../db/db';

// The window dashboard's reads: one statement for every assignment of a window with its first
// submission and any open adjudication, one for the assessors a packet may be moved to. A window
// of 5,000 packets is read in these two round trips, never one per packet.

export interface DashboardAssignmentRow {
  assignmentId: string;
  packetId: string;
  pseudonym: string;
  credentialTitle: string;
  assessorId: string;
  username: string;
  /** The assessor's first upload for the packet (scores belong to packet and assessor, not window). */
  submittedAt: string | null;
  /** The packet's open adjudication in the window (one at most per packet and window), or null. */
  openAdjudicationId: string | null;
}

/**
 * Every assignment in the window, grouped by packet (oldest packet submission first). The rows
 * come back as one JSON text built by the database: on PGlite each returned field costs far more
 * than the join (10,000 rows of three plain columns take ~50 ms to hand over), one string
 * parsed by JSON.parse costs almost nothing. First submissions come from one grouped pass over
 * the window's packets' scores, not a lookup per assignment.
 */
export async function dashboardAssignments(
  q: Queryable,
  windowId: string,
  viewerId: string,
): Promise<DashboardAssignmentRow[]> {
  const rows = await q.query<{ rows: string }>(
    // Validity packets are not candidates' work: the scorer-quality screen lists them.
    // A conflicted viewer never sees those packets, not even as a count (counts and load would let
    // them infer who scored what). The viewer's conflicted packets are found once, starting from their own (usually no)
    // declarations, and excluded by a hashed anti-join, not probed per assignment.
    `with mine as (select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = $2),
          win as (select a.id, a.packet_id, a.assessor_id, a.assigned_at from assignments a
                   where a.window_id = $1 and a.packet_id not in (select id from mine)
                     and a.packet_id not in (select packet_id from validity_packets where window_id = $1)),
          firsts as (select s.packet_id, s.assessor_id, min(s.received_at) as submitted_at
                       from scores s where s.packet_id in (select packet_id from win)
                      group by s.packet_id, s.assessor_id)
     select coalesce(json_agg(json_build_array(a.id, a.packet_id, p.pseudonym, p.credential_title, a.assessor_id,
                                               u.username, f.submitted_at, j.id)
                              order by p.submitted_at, a.packet_id, a.assigned_at, a.id), '[]')::text as rows
       from win a
       join packets p on p.id = a.packet_id
       join users u on u.id = a.assessor_id
       left join firsts f on f.packet_id = a.packet_id and f.assessor_id = a.assessor_id
       left join adjudications j on j.window_id = $1 and j.packet_id = a.packet_id and j.status = 'open'`,
    [windowId, viewerId],
  );
  const tuples = JSON.parse(rows[0]!.rows) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string | null,
    string | null,
  ][];
  return tuples.map(
    ([assignmentId, packetId, pseudonym, credentialTitle, assessorId, username, at, adjudicationId]) => ({
      assignmentId,
      packetId,
      pseudonym,
      credentialTitle,
      assessorId,
      username,
      // json_build_array writes timestamps in the session's offset; normalise to UTC ISO.
      submittedAt: at === null ? null : iso(at),
      openAdjudicationId: adjudicationId,
    }),
  );
}

/**
 * The window's decided packets, each with whether its decision is released: a separate, small read
 * (none until the committee decides), so the 10,000-row assignment read above carries nothing more.
 */
export async function decidedPackets(q: Queryable, windowId: string): Promise<Map<string, 'decided' | 'released'>> {
  const rows = await q.query<{ rows: string }>(
    `select coalesce(json_agg(json_build_array(d.packet_id, r.packet_id is not null)), '[]')::text as rows
       from (select distinct packet_id from decisions where window_id = $1) d
       left join released_decisions r on r.window_id = $1 and r.packet_id = d.packet_id`,
    [windowId],
  );
  const tuples = JSON.parse(rows[0]!.rows) as [string, boolean][];
  return new Map(tuples.map(([packetId, released]) => [packetId, released ? 'released' : 'decided']));
}

/**
 * Enabled assessors who may be assigned in a window: all of them, or, when the window requires a
 * qualification, those whose latest qualification in it passed and has not expired at `now`.
 */
export async function eligibleAssessors(
  q: Queryable,
  requiredQualification: string | null,
  now: number,
): Promise<{ id: string; username: string }[]> {
  return q.query<{ id: string; username: string }>(
    `select u.id, u.username from users u
      where 'assessor' = any(u.roles) and u.disabled_at is null
        and ($1::text is null or exists (
          select 1 from (select qualified, expires_at from qualifications
                          where user_id = u.id and credential_id = $1 order by recorded_at desc limit 1) latest
           where latest.qualified and latest.expires_at > $2))
      order by u.username`,
    [requiredQualification, new Date(now).toISOString()],
  );
}
