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
  openAdjudication: boolean;
}

/** Every assignment in the window, grouped by packet (oldest packet submission first). */
export async function dashboardAssignments(q: Queryable, windowId: string): Promise<DashboardAssignmentRow[]> {
  const rows = await q.query<{
    assignment_id: string;
    packet_id: string;
    pseudonym: string;
    credential_title: string;
    assessor_id: string;
    username: string;
    submitted_at: Date | null;
    open_adjudication: boolean;
  }>(
    `select a.id as assignment_id, a.packet_id, p.pseudonym, p.credential_title, a.assessor_id, u.username,
            (select min(s.received_at) from scores s
              where s.packet_id = a.packet_id and s.assessor_id = a.assessor_id) as submitted_at,
            (j.packet_id is not null) as open_adjudication
       from assignments a
       join packets p on p.id = a.packet_id
       join users u on u.id = a.assessor_id
       left join adjudications j on j.window_id = a.window_id and j.packet_id = a.packet_id and j.status = 'open'
      where a.window_id = $1
      order by p.submitted_at, a.packet_id, a.assigned_at, a.id`,
    [windowId],
  );
  return rows.map((row) => ({
    assignmentId: row.assignment_id,
    packetId: row.packet_id,
    pseudonym: row.pseudonym,
    credentialTitle: row.credential_title,
    assessorId: row.assessor_id,
    username: row.username,
    submittedAt: row.submitted_at === null ? null : iso(row.submitted_at),
    openAdjudication: row.open_adjudication,
  }));
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
