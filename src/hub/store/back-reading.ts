import { randomUUID } from 'node:crypto';
import type { AdjudicationView } from '../../shared/contract/committee';
import { iso, type Queryable } from '../db/db';
import { conflictMatch } from './conflicts';

// What back-reading reads and writes: the latest scoring of each assessor on each packet of a
// window (through their assignment in it), the back-readers' private notes, and the packet's
// adjudication. The rules (who, what is audited) are in services/back-reading.ts.

export interface LatestScoringRow {
  scoreId: string;
  packetId: string;
  pseudonym: string;
  credentialTitle: string;
  assessorId: string;
  assessorUsername: string;
  revision: number;
  receivedAt: string;
  firstReceivedAt: string;
  decision: string;
  record: unknown;
}

/**
 * The latest revision of every assessor's scoring in the window, of one packet or of all, leaving
 * out the packets `viewerId` declared a conflict with (their scorings are invisible to them).
 */
export async function latestScorings(
  q: Queryable,
  input: { windowId: string; viewerId: string; packetId?: string; withRecords: boolean },
): Promise<LatestScoringRow[]> {
  const rows = await q.query<{
    id: string;
    packet_id: string;
    pseudonym: string;
    credential_title: string;
    assessor_id: string;
    username: string;
    revision: number;
    received_at: Date;
    first_at: Date;
    decision: string;
    record: unknown;
  }>(
    `with mine as (select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = $2),
          revisions as (
            select s.id, s.packet_id, s.assessor_id, s.revision, s.received_at, s.record,
                   row_number() over (partition by s.packet_id, s.assessor_id order by s.revision desc) as nth,
                   min(s.received_at) over (partition by s.packet_id, s.assessor_id) as first_at
              from scores s
              join assignments a on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id and a.window_id = $1
             where ($3::uuid is null or s.packet_id = $3) and s.packet_id not in (select id from mine))
     select r.id, r.packet_id, p.pseudonym, p.credential_title, r.assessor_id, u.username, r.revision, r.received_at,
            r.first_at, r.record->'decision'->>'kind' as decision, ${input.withRecords ? 'r.record' : 'null::jsonb as record'}
       from revisions r join packets p on p.id = r.packet_id join users u on u.id = r.assessor_id
      where r.nth = 1
      order by r.packet_id, r.first_at, r.assessor_id`,
    [input.windowId, input.viewerId, input.packetId ?? null],
  );
  return rows.map((row) => ({
    scoreId: row.id,
    packetId: row.packet_id,
    pseudonym: row.pseudonym,
    credentialTitle: row.credential_title,
    assessorId: row.assessor_id,
    assessorUsername: row.username,
    revision: row.revision,
    receivedAt: iso(row.received_at),
    firstReceivedAt: iso(row.first_at),
    decision: row.decision,
    record: row.record,
  }));
}

/** Per packet of the window: how many back-reading notes it has, and its adjudication's status. */
export async function backReadingMarks(
  q: Queryable,
  windowId: string,
): Promise<Map<string, { notes: number; adjudication: 'open' | 'resolved' | null }>> {
  const rows = await q.query<{ packet_id: string; notes: string | number; status: 'open' | 'resolved' | null }>(
    `select coalesce(n.packet_id, j.packet_id) as packet_id, coalesce(n.notes, 0) as notes, j.status
       from (select packet_id, count(*) as notes from back_read_notes where window_id = $1 group by packet_id) n
       full join (select packet_id, status from adjudications where window_id = $1) j on j.packet_id = n.packet_id`,
    [windowId],
  );
  return new Map(rows.map((row) => [row.packet_id, { notes: Number(row.notes), adjudication: row.status }]));
}

export interface NoteRow {
  id: string;
  authorId: string;
  authorUsername: string;
  text: string;
  at: string;
}

export async function listNotes(q: Queryable, windowId: string, packetId: string): Promise<NoteRow[]> {
  const rows = await q.query<{ id: string; author: string; username: string; text: string; at: Date }>(
    `select n.id, n.author, u.username, n.text, n.at from back_read_notes n join users u on u.id = n.author
      where n.window_id = $1 and n.packet_id = $2 order by n.at, n.id`,
    [windowId, packetId],
  );
  return rows.map((row) => ({
    id: row.id,
    authorId: row.author,
    authorUsername: row.username,
    text: row.text,
    at: iso(row.at),
  }));
}

export async function insertNote(
  q: Queryable,
  input: { windowId: string; packetId: string; author: string; text: string; at: number },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    'insert into back_read_notes (id, window_id, packet_id, author, text, at) values ($1, $2, $3, $4, $5, $6)',
    [id, input.windowId, input.packetId, input.author, input.text, new Date(input.at).toISOString()],
  );
  return id;
}

/** The packet's adjudication in the window, if one was ever opened (open or resolved). */
export async function findAdjudication(
  q: Queryable,
  windowId: string,
  packetId: string,
): Promise<AdjudicationView | undefined> {
  const rows = await q.query<{
    id: string;
    score_ids: string[];
    discrepancies: unknown;
    status: AdjudicationView['status'];
    opened_at: Date;
  }>(
    'select id, score_ids, discrepancies, status, opened_at from adjudications where window_id = $1 and packet_id = $2',
    [windowId, packetId],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      packetId,
      scoreIds: row.score_ids,
      discrepancies: row.discrepancies as AdjudicationView['discrepancies'],
      status: row.status,
      openedAt: iso(row.opened_at),
    }
  );
}

/** Whether any assessor has uploaded a score for the packet: what a scoring lead may open. */
export async function isScored(q: Queryable, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from scores where packet_id = $1 limit 1', [packetId]);
  return rows.length > 0;
}
