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
 * come back as JSON texts built by the database: on PGlite each returned field costs far more
 * than the join (10,000 rows of three plain columns take ~50 ms to hand over), one string
 * parsed by JSON.parse costs almost nothing. One statement, so one snapshot, with four answers:
 * the assignments with their first submissions, the packets in order (each named once, not once
 * per assessor), the open adjudications and the assessors' usernames; writing each packet's and
 * person's text once instead of on every assignment row cuts the read by a sixth. First
 * submissions come from one grouped pass over the window's packets' scores, not a lookup per
 * assignment.
 */
export async function dashboardAssignments(
  q: Queryable,
  windowId: string,
  viewerId: string,
): Promise<DashboardAssignmentRow[]> {
  const [answer] = await q.query<{ assignments: string; packets: string; adjudications: string; people: string }>(
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
     select (select coalesce(json_agg(json_build_array(a.id, a.packet_id, a.assessor_id, f.submitted_at)
                                      order by a.assigned_at, a.id), '[]')
               from win a left join firsts f on f.packet_id = a.packet_id and f.assessor_id = a.assessor_id)::text
              as assignments,
            (select coalesce(json_agg(json_build_array(p.id, p.pseudonym, p.credential_title)
                                      order by p.submitted_at, p.id), '[]')
               from packets p where p.id in (select packet_id from win))::text as packets,
            (select coalesce(json_agg(json_build_array(j.packet_id, j.id)), '[]')
               from adjudications j where j.window_id = $1 and j.status = 'open')::text as adjudications,
            (select coalesce(json_agg(json_build_array(u.id, u.username)), '[]')
               from users u where u.id in (select assessor_id from win))::text as people`,
    [windowId, viewerId],
  );
  const assignments = JSON.parse(answer!.assignments) as [string, string, string, string | null][];
  const packets = JSON.parse(answer!.packets) as [string, string, string][];
  const openAdjudication = new Map(JSON.parse(answer!.adjudications) as [string, string][]);
  const username = new Map(JSON.parse(answer!.people) as [string, string][]);
  // Assignments by packet, oldest assignment first (the order they arrive in).
  const byPacket = new Map<string, [string, string, string, string | null][]>();
  for (const assignment of assignments) {
    const list = byPacket.get(assignment[1]);
    if (list) list.push(assignment);
    else byPacket.set(assignment[1], [assignment]);
  }
  return packets.flatMap(([packetId, pseudonym, credentialTitle]) =>
    (byPacket.get(packetId) ?? []).map(([assignmentId, , assessorId, at]) => ({
      assignmentId,
      packetId,
      pseudonym,
      credentialTitle,
      assessorId,
      username: username.get(assessorId)!,
      // json_build_array writes timestamps in the session's offset; normalise to UTC ISO.
      submittedAt: at === null ? null : iso(at),
      openAdjudicationId: openAdjudication.get(packetId) ?? null,
    })),
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
