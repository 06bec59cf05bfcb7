import type { PacketTimeline } from '../../shared/committee/window-progress';
import { conflictMatch } from './conflicts';
import type { Queryable } from '../db/db';

/**
 * One timeline per packet of the window, read in one statement: its first assignment, when the
 * last of its current assessors' first scores arrived (null while one is missing), its first
 * decision and its release. The same packets as the dashboard: validity packets and those the
 * viewer declared a conflict with are left out. Instants come back as epoch milliseconds inside one
 * JSON text (cheap to hand over from PGlite, and free of the session's time zone).
 */
export async function packetTimelines(q: Queryable, windowId: string, viewerId: string): Promise<PacketTimeline[]> {
  const rows = await q.query<{ rows: string }>(
    `with mine as (select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = $2),
          win as (select a.packet_id, a.assessor_id, a.assigned_at from assignments a
                   where a.window_id = $1 and a.packet_id not in (select id from mine)
                     and a.packet_id not in (select packet_id from validity_packets where window_id = $1)),
          firsts as (select s.packet_id, s.assessor_id, min(s.received_at) as at
                       from scores s where s.packet_id in (select packet_id from win)
                      group by s.packet_id, s.assessor_id),
          per_packet as (select w.packet_id, min(w.assigned_at) as assigned_at,
                                case when bool_and(f.at is not null) then max(f.at) end as scored_at
                           from win w
                           left join firsts f on f.packet_id = w.packet_id and f.assessor_id = w.assessor_id
                          group by w.packet_id),
          decided as (select packet_id, min(decided_at) as at from decisions where window_id = $1 group by packet_id),
          released as (select rd.packet_id, r.released_at as at
                         from released_decisions rd join releases r on r.id = rd.release_id
                        where rd.window_id = $1)
     select coalesce(json_agg(json_build_array(
              floor(extract(epoch from p.assigned_at) * 1000),
              floor(extract(epoch from p.scored_at) * 1000),
              floor(extract(epoch from d.at) * 1000),
              floor(extract(epoch from r.at) * 1000))), '[]')::text as rows
       from per_packet p
       left join decided d on d.packet_id = p.packet_id
       left join released r on r.packet_id = p.packet_id`,
    [windowId, viewerId],
  );
  const tuples = JSON.parse(rows[0]!.rows) as [number, number | null, number | null, number | null][];
  return tuples.map(([assignedAt, scoredAt, decidedAt, releasedAt]) => ({
    assignedAt: Number(assignedAt),
    scoredAt: scoredAt === null ? null : Number(scoredAt),
    decidedAt: decidedAt === null ? null : Number(decidedAt),
    releasedAt: releasedAt === null ? null : Number(releasedAt),
  }));
}
