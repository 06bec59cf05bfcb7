import { iso, type Queryable } from '../db/db';
import { conflictedPacketsOf } from './validity';

// What scorer quality is computed from: each assessor's latest scoring of each packet assigned to
// them in a window, read in one statement (services/scorer-quality.ts does the statistics).

export interface WindowScoringRow {
  packetId: string;
  assessorId: string;
  record: unknown;
  receivedAt: string;
  /** The assessor's first assignment of the packet in the window. */
  assignedAt: string;
  validity: boolean;
}

/**
 * The latest revision of every assessor's scoring of every packet assigned to them in the window,
 * leaving out packets the viewer declared a conflict with (a conflicted chair never sees their scorings).
 */
export async function windowScoringRows(q: Queryable, windowId: string, viewerId: string): Promise<WindowScoringRow[]> {
  const rows = await q.query<{
    packet_id: string;
    assessor_id: string;
    record: unknown;
    received_at: Date;
    assigned_at: Date;
    validity: boolean;
  }>(
    `with win as (select a.packet_id, a.assessor_id, min(a.assigned_at) as assigned_at from assignments a
                   where a.window_id = $1 and a.packet_id not in (${conflictedPacketsOf(2)})
                   group by a.packet_id, a.assessor_id)
     select distinct on (s.packet_id, s.assessor_id) s.packet_id, s.assessor_id, s.record, s.received_at,
            w.assigned_at, v.packet_id is not null as validity
       from scores s join win w on w.packet_id = s.packet_id and w.assessor_id = s.assessor_id
       left join validity_packets v on v.window_id = $1 and v.packet_id = s.packet_id
      order by s.packet_id, s.assessor_id, s.revision desc`,
    [windowId, viewerId],
  );
  return rows.map((row) => ({
    packetId: row.packet_id,
    assessorId: row.assessor_id,
    record: row.record,
    receivedAt: iso(row.received_at),
    assignedAt: iso(row.assigned_at),
    validity: row.validity,
  }));
}

/**
 * The assessors of the window: those assigned a packet the viewer is not conflicted with, and
 * those paused in it, by username.
 */
export async function windowAssessors(
  q: Queryable,
  windowId: string,
  viewerId: string,
): Promise<{ id: string; username: string }[]> {
  return q.query<{ id: string; username: string }>(
    `select u.id, u.username from users u
      where exists (select 1 from assignments a where a.window_id = $1 and a.assessor_id = u.id
                      and a.packet_id not in (${conflictedPacketsOf(2)}))
         or exists (select 1 from scorer_pauses p where p.window_id = $1 and p.user_id = u.id and p.resumed_at is null)
      order by u.username`,
    [windowId, viewerId],
  );
}
