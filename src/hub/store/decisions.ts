import { randomUUID } from 'node:crypto';
import type { DecisionType } from '../../shared/committee/decision-types';
import type { Discrepancy } from '../../shared/committee/policy';
import type {
  CandidateFeedback,
  CandidateIdentity,
  DecisionView,
  IdentityReveal,
  ResolutionView,
  ScoringView,
  ThreadMessage,
} from '../../shared/contract/decisions';
import type { Decision } from '../../shared/domain/decision';
import type { CriterionScore, ScoreRecord } from '../../shared/domain/score';
import { iso, jsonParam, type Queryable } from '../db/db';
import { conflictMatch } from './conflicts';

// A committee's records (issue 12): adjudication resolutions, packet threads, decisions (one row
// per revision), releases and candidate identities. services/decisions.ts keeps the rules.

// ── adjudications ─────────────────────────────────────────────────────────────────────────
export interface AdjudicationRow {
  id: string;
  windowId: string;
  packetId: string;
  scoreIds: string[];
  discrepancies: Discrepancy[];
  status: 'open' | 'resolved';
  openedAt: string;
}

const ADJUDICATION_COLUMNS = 'id, window_id, packet_id, score_ids, discrepancies, status, opened_at';
type AdjudicationDbRow = {
  id: string;
  window_id: string;
  packet_id: string;
  score_ids: string[];
  discrepancies: unknown;
  status: 'open' | 'resolved';
  opened_at: Date;
};
function toAdjudication(row: AdjudicationDbRow): AdjudicationRow {
  return {
    id: row.id,
    windowId: row.window_id,
    packetId: row.packet_id,
    scoreIds: row.score_ids,
    discrepancies: row.discrepancies as Discrepancy[],
    status: row.status,
    openedAt: iso(row.opened_at),
  };
}

/** An adjudication by id; `lock` holds its row until the transaction ends (resolving). */
export async function findAdjudication(q: Queryable, id: string, lock = false): Promise<AdjudicationRow | undefined> {
  const rows = await q.query<AdjudicationDbRow>(
    `select ${ADJUDICATION_COLUMNS} from adjudications where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0] && toAdjudication(rows[0]);
}

export async function adjudicationOf(
  q: Queryable,
  windowId: string,
  packetId: string,
): Promise<AdjudicationRow | undefined> {
  const rows = await q.query<AdjudicationDbRow>(
    `select ${ADJUDICATION_COLUMNS} from adjudications where window_id = $1 and packet_id = $2`,
    [windowId, packetId],
  );
  return rows[0] && toAdjudication(rows[0]);
}

export async function findResolution(q: Queryable, adjudicationId: string): Promise<ResolutionView | undefined> {
  const rows = await q.query<{
    criteria: CriterionScore[];
    decision: Decision;
    note: string;
    resolved_by: string;
    username: string;
    resolved_at: Date;
  }>(
    `select r.criteria, r.decision, r.note, r.resolved_by, u.username, r.resolved_at
       from adjudication_resolutions r join users u on u.id = r.resolved_by where r.adjudication_id = $1`,
    [adjudicationId],
  );
  const row = rows[0];
  return (
    row && {
      criteria: row.criteria,
      decision: row.decision,
      note: row.note,
      resolvedBy: row.resolved_by,
      resolvedByUsername: row.username,
      resolvedAt: iso(row.resolved_at),
    }
  );
}

export async function insertResolution(
  q: Queryable,
  input: {
    adjudicationId: string;
    criteria: CriterionScore[];
    decision: Decision;
    note: string;
    by: string;
    at: number;
  },
): Promise<void> {
  await q.query(
    `insert into adjudication_resolutions (adjudication_id, criteria, decision, note, resolved_by, resolved_at)
     values ($1, $2::jsonb, $3::jsonb, $4, $5, $6)`,
    [
      input.adjudicationId,
      jsonParam(input.criteria),
      jsonParam(input.decision),
      input.note,
      input.by,
      new Date(input.at).toISOString(),
    ],
  );
  await q.query(`update adjudications set status = 'resolved' where id = $1`, [input.adjudicationId]);
}

// ── scorings ──────────────────────────────────────────────────────────────────────────────
type ScoringDbRow = { id: string; assessor_id: string; username: string; received_at: Date; record: unknown };
function toScoring(row: ScoringDbRow): ScoringView {
  return {
    scoreId: row.id,
    assessorId: row.assessor_id,
    assessorUsername: row.username,
    receivedAt: iso(row.received_at),
    record: row.record as ScoreRecord,
  };
}

/** Scores by id, in the order asked, with their assessors' usernames. */
export async function scoringsById(q: Queryable, scoreIds: readonly string[]): Promise<ScoringView[]> {
  const rows = await q.query<ScoringDbRow>(
    `select s.id, s.assessor_id, u.username, s.received_at, s.record
       from scores s join users u on u.id = s.assessor_id where s.id = any($1::uuid[])`,
    [[...scoreIds]],
  );
  const byId = new Map(rows.map((row) => [row.id, toScoring(row)]));
  return scoreIds.flatMap((id) => byId.get(id) ?? []);
}

/** The latest revision of each assessor assigned the packet in the window, first scorer first. */
export async function latestScorings(q: Queryable, windowId: string, packetId: string): Promise<ScoringView[]> {
  const rows = await q.query<ScoringDbRow & { first_at: Date }>(
    `select latest.* from (
        select distinct on (s.assessor_id) s.id, s.assessor_id, u.username, s.received_at, s.record,
               (select min(f.received_at) from scores f where f.packet_id = s.packet_id and f.assessor_id = s.assessor_id) as first_at
          from scores s join assignments a on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id
          join users u on u.id = s.assessor_id
         where a.window_id = $1 and s.packet_id = $2
         order by s.assessor_id, s.revision desc) latest
      order by latest.first_at, latest.assessor_id`,
    [windowId, packetId],
  );
  return rows.map(toScoring);
}

/** The assessors on a packet in a window, and whether each has uploaded a score for it. */
export async function packetAssessors(
  q: Queryable,
  windowId: string,
  packetId: string,
): Promise<{ assessorId: string; username: string; submitted: boolean }[]> {
  const rows = await q.query<{ assessor_id: string; username: string; submitted: boolean }>(
    `select a.assessor_id, u.username,
            exists (select 1 from scores s where s.packet_id = a.packet_id and s.assessor_id = a.assessor_id) as submitted
       from assignments a join users u on u.id = a.assessor_id
      where a.window_id = $1 and a.packet_id = $2
      order by a.assigned_at, a.id`,
    [windowId, packetId],
  );
  return rows.map((row) => ({ assessorId: row.assessor_id, username: row.username, submitted: row.submitted }));
}

/** The packet's pseudonym and credential, when it exists. */
export async function packetSummary(
  q: Queryable,
  packetId: string,
): Promise<{ pseudonym: string; credentialTitle: string; credentialId: string } | undefined> {
  const rows = await q.query<{ pseudonym: string; credential_title: string; credential_id: string }>(
    'select pseudonym, credential_title, credential_id from packets where id = $1',
    [packetId],
  );
  const row = rows[0];
  return row && { pseudonym: row.pseudonym, credentialTitle: row.credential_title, credentialId: row.credential_id };
}

// ── thread ────────────────────────────────────────────────────────────────────────────────
export async function threadMessages(q: Queryable, windowId: string, packetId: string): Promise<ThreadMessage[]> {
  const rows = await q.query<{ id: string; author_id: string; username: string; body: string; posted_at: Date }>(
    `select t.id, t.author_id, u.username, t.body, t.posted_at from packet_threads t join users u on u.id = t.author_id
      where t.window_id = $1 and t.packet_id = $2 order by t.posted_at, t.id`,
    [windowId, packetId],
  );
  return rows.map((row) => ({
    id: row.id,
    authorId: row.author_id,
    authorUsername: row.username,
    body: row.body,
    postedAt: iso(row.posted_at),
  }));
}

export async function insertThreadMessage(
  q: Queryable,
  input: { windowId: string; packetId: string; authorId: string; authorUsername: string; body: string; at: number },
): Promise<ThreadMessage> {
  const id = randomUUID();
  const postedAt = new Date(input.at).toISOString();
  await q.query(
    'insert into packet_threads (id, window_id, packet_id, author_id, body, posted_at) values ($1, $2, $3, $4, $5, $6)',
    [id, input.windowId, input.packetId, input.authorId, input.body, postedAt],
  );
  return { id, authorId: input.authorId, authorUsername: input.authorUsername, body: input.body, postedAt };
}

// ── decisions ─────────────────────────────────────────────────────────────────────────────
const DECISION_SELECT = `select d.id, d.window_id, d.packet_id, d.revision, d.decision_type, d.decision, d.criteria,
       d.feedback, d.reason, d.decided_by, u.username, d.decided_at, r.release_id, rel.released_at
  from decisions d
  left join users u on u.id = d.decided_by
  left join released_decisions r on r.decision_id = d.id
  left join releases rel on rel.id = r.release_id`;
type DecisionDbRow = {
  id: string;
  window_id: string;
  packet_id: string;
  revision: number;
  decision_type: DecisionType;
  decision: Decision;
  criteria: CriterionScore[];
  feedback: CandidateFeedback;
  reason: string;
  decided_by: string | null;
  username: string | null;
  decided_at: Date;
  release_id: string | null;
  released_at: Date | null;
};
function toDecision(row: DecisionDbRow): DecisionView {
  return {
    id: row.id,
    windowId: row.window_id,
    packetId: row.packet_id,
    revision: row.revision,
    decisionType: row.decision_type,
    decision: row.decision,
    criteria: row.criteria,
    candidateFeedback: row.feedback,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedByUsername: row.username,
    decidedAt: iso(row.decided_at),
    release: row.release_id && row.released_at ? { releaseId: row.release_id, releasedAt: iso(row.released_at) } : null,
  };
}

/** Every revision of the packet's decision in the window, oldest first (the last is current). */
export async function decisionRevisions(q: Queryable, windowId: string, packetId: string): Promise<DecisionView[]> {
  const rows = await q.query<DecisionDbRow>(
    `${DECISION_SELECT} where d.window_id = $1 and d.packet_id = $2 order by d.revision`,
    [windowId, packetId],
  );
  return rows.map(toDecision);
}

export async function isReleased(q: Queryable, windowId: string, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from released_decisions where window_id = $1 and packet_id = $2', [
    windowId,
    packetId,
  ]);
  return rows.length > 0;
}

export async function insertDecision(
  q: Queryable,
  input: {
    windowId: string;
    packetId: string;
    revision: number;
    decisionType: DecisionType;
    decision: Decision;
    criteria: CriterionScore[];
    feedback: CandidateFeedback;
    reason: string;
    by: string | null;
    at: number;
  },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `insert into decisions (id, window_id, packet_id, revision, decision_type, outcome, decision, criteria, feedback,
                            reason, decided_by, decided_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12)`,
    [
      id,
      input.windowId,
      input.packetId,
      input.revision,
      jsonParam(input.decisionType),
      input.decisionType.outcome,
      jsonParam(input.decision),
      jsonParam(input.criteria),
      jsonParam(input.feedback),
      input.reason,
      input.by,
      new Date(input.at).toISOString(),
    ],
  );
  return id;
}

/** What a batch decision needs to know of each listed packet in a window, read in a few statements. */
export interface BatchPacketFacts {
  /** The packet's assessors in the window, first assigned first, and whether each has uploaded a score. */
  assessors: { assessorId: string; username: string; submitted: boolean }[];
  /** The viewer declared a conflict with the packet's school or district. */
  conflicted: boolean;
  validity: boolean;
  /** The latest revision of each assessor's scoring, first scorer first (as latestScorings). */
  scorings: ScoringView[];
  adjudication: AdjudicationRow['status'] | null;
  decided: boolean;
  released: boolean;
}

/**
 * The facts of every listed packet that has an assignment in the window (the others are left out),
 * as `viewerId` may act on them: for a batch of a thousand packets, seven statements instead of
 * seven per packet.
 */
export async function batchPacketFacts(
  q: Queryable,
  windowId: string,
  packetIds: readonly string[],
  viewerId: string,
): Promise<Map<string, BatchPacketFacts>> {
  const ids = [...packetIds];
  const assessorRows = await q.query<{ packet_id: string; assessor_id: string; username: string; submitted: boolean }>(
    `select a.packet_id, a.assessor_id, u.username,
            exists (select 1 from scores s where s.packet_id = a.packet_id and s.assessor_id = a.assessor_id) as submitted
       from assignments a join users u on u.id = a.assessor_id
      where a.window_id = $1 and a.packet_id = any($2::uuid[])
      order by a.packet_id, a.assigned_at, a.id`,
    [windowId, ids],
  );
  const facts = new Map<string, BatchPacketFacts>();
  for (const row of assessorRows) {
    let packet = facts.get(row.packet_id);
    if (!packet) {
      packet = {
        assessors: [],
        conflicted: false,
        validity: false,
        scorings: [],
        adjudication: null,
        decided: false,
        released: false,
      };
      facts.set(row.packet_id, packet);
    }
    packet.assessors.push({ assessorId: row.assessor_id, username: row.username, submitted: row.submitted });
  }
  const inWindow = [...facts.keys()];
  if (inWindow.length === 0) return facts;
  const [conflicted, validity, scorings, adjudications, decided, released] = await Promise.all([
    q.query<{ packet_id: string }>(
      `select distinct p.id as packet_id from packets p join conflicts c on ${conflictMatch('p', 'c')}
        where p.id = any($1::uuid[]) and c.assessor_id = $2`,
      [inWindow, viewerId],
    ),
    q.query<{ packet_id: string }>(
      'select packet_id from validity_packets where window_id = $1 and packet_id = any($2::uuid[])',
      [windowId, inWindow],
    ),
    q.query<ScoringDbRow & { packet_id: string }>(
      `with mine as (
          select s.packet_id, s.id, s.assessor_id, s.revision, s.received_at, s.record,
                 min(s.received_at) over (partition by s.packet_id, s.assessor_id) as first_at,
                 row_number() over (partition by s.packet_id, s.assessor_id order by s.revision desc) as latest
            from scores s join assignments a on a.packet_id = s.packet_id and a.assessor_id = s.assessor_id
           where a.window_id = $1 and s.packet_id = any($2::uuid[]))
       select m.packet_id, m.id, m.assessor_id, u.username, m.received_at, m.record
         from mine m join users u on u.id = m.assessor_id
        where m.latest = 1
        order by m.packet_id, m.first_at, m.assessor_id`,
      [windowId, inWindow],
    ),
    q.query<{ packet_id: string; status: AdjudicationRow['status'] }>(
      'select packet_id, status from adjudications where window_id = $1 and packet_id = any($2::uuid[])',
      [windowId, inWindow],
    ),
    q.query<{ packet_id: string }>(
      'select distinct packet_id from decisions where window_id = $1 and packet_id = any($2::uuid[])',
      [windowId, inWindow],
    ),
    q.query<{ packet_id: string }>(
      'select packet_id from released_decisions where window_id = $1 and packet_id = any($2::uuid[])',
      [windowId, inWindow],
    ),
  ]);
  for (const row of conflicted) facts.get(row.packet_id)!.conflicted = true;
  for (const row of validity) facts.get(row.packet_id)!.validity = true;
  for (const row of scorings) facts.get(row.packet_id)!.scorings.push(toScoring(row));
  for (const row of adjudications) facts.get(row.packet_id)!.adjudication = row.status;
  for (const row of decided) facts.get(row.packet_id)!.decided = true;
  for (const row of released) facts.get(row.packet_id)!.released = true;
  return facts;
}

/**
 * Inserts the first revision of each packet's decision in one statement. A packet that has a
 * decision already (someone decided it by hand since the batch read) is left as it is and not
 * returned: the ids of the packets whose decision this call recorded.
 */
export async function insertFirstDecisions(
  q: Queryable,
  input: {
    windowId: string;
    reason: string;
    by: string | null;
    at: number;
    decisions: readonly {
      id: string;
      packetId: string;
      decisionType: DecisionType;
      decision: Decision;
      criteria: CriterionScore[];
      feedback: CandidateFeedback;
    }[];
  },
): Promise<Set<string>> {
  if (input.decisions.length === 0) return new Set();
  const rows = await q.query<{ packet_id: string }>(
    `insert into decisions (id, window_id, packet_id, revision, decision_type, outcome, decision, criteria, feedback,
                            reason, decided_by, decided_at)
     select t.id, $1, t.packet_id, 1, t.decision_type, t.outcome, t.decision, t.criteria, t.feedback, $2, $3, $4
       from unnest($5::uuid[], $6::uuid[], $7::jsonb[], $8::text[], $9::jsonb[], $10::jsonb[], $11::jsonb[])
            as t(id, packet_id, decision_type, outcome, decision, criteria, feedback)
     on conflict (window_id, packet_id, revision) do nothing
     returning packet_id`,
    [
      input.windowId,
      input.reason,
      input.by,
      new Date(input.at).toISOString(),
      input.decisions.map((d) => d.id),
      input.decisions.map((d) => d.packetId),
      input.decisions.map((d) => jsonParam(d.decisionType)),
      input.decisions.map((d) => d.decisionType.outcome),
      input.decisions.map((d) => jsonParam(d.decision)),
      input.decisions.map((d) => jsonParam(d.criteria)),
      input.decisions.map((d) => jsonParam(d.feedback)),
    ],
  );
  return new Set(rows.map((row) => row.packet_id));
}

// ── releases ──────────────────────────────────────────────────────────────────────────────
/**
 * The current decision of each packet of the window, with whether it is released and whether
 * `viewerId` declared a conflict with it: every packet when `packetIds` is null, else those listed.
 */
export async function releaseCandidates(
  q: Queryable,
  windowId: string,
  packetIds: readonly string[] | null,
  viewerId: string,
): Promise<{ packetId: string; decisionId: string; released: boolean; conflicted: boolean }[]> {
  const rows = await q.query<{ rows: string }>(
    `with mine as (select cp.id from conflicts c join packets cp on ${conflictMatch('cp', 'c')} where c.assessor_id = $3),
          current as (select distinct on (packet_id) id, packet_id from decisions
                       where window_id = $1 and ($2::uuid[] is null or packet_id = any($2::uuid[]))
                       order by packet_id, revision desc)
     select coalesce(json_agg(json_build_array(c.packet_id, c.id, r.packet_id is not null, c.packet_id in (select id from mine))), '[]')::text as rows
       from current c left join released_decisions r on r.window_id = $1 and r.packet_id = c.packet_id`,
    [windowId, packetIds === null ? null : [...packetIds], viewerId],
  );
  const tuples = JSON.parse(rows[0]!.rows) as [string, string, boolean, boolean][];
  return tuples.map(([packetId, decisionId, released, conflicted]) => ({ packetId, decisionId, released, conflicted }));
}

/** Records one release and every packet in it, in two statements whatever the number of packets. */
export async function insertRelease(
  q: Queryable,
  input: {
    windowId: string;
    by: string | null;
    at: number;
    packets: readonly { packetId: string; decisionId: string }[];
  },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    'insert into releases (id, window_id, released_by, released_at, packet_count) values ($1, $2, $3, $4, $5)',
    [id, input.windowId, input.by, new Date(input.at).toISOString(), input.packets.length],
  );
  await q.query(
    `insert into released_decisions (window_id, packet_id, release_id, decision_id)
     select $1, p, $2, d from unnest($3::uuid[], $4::uuid[]) as t(p, d)`,
    [input.windowId, id, input.packets.map((p) => p.packetId), input.packets.map((p) => p.decisionId)],
  );
  return id;
}

/** Released decisions with their packets' manifests (for level labels), oldest release first. */
export async function releasedDecisions(
  q: Queryable,
  filter: { windowId?: string; packetId?: string },
): Promise<(DecisionView & { pseudonym: string; credentialId: string; manifest: unknown })[]> {
  const rows = await q.query<DecisionDbRow & { pseudonym: string; credential_id: string; manifest: unknown }>(
    `select d.id, d.window_id, d.packet_id, d.revision, d.decision_type, d.decision, d.criteria, d.feedback, d.reason,
            d.decided_by, null as username, d.decided_at, r.release_id, rel.released_at,
            p.pseudonym, p.credential_id, p.manifest
       from released_decisions r
       join releases rel on rel.id = r.release_id
       join decisions d on d.id = r.decision_id
       join packets p on p.id = r.packet_id
      where ($1::uuid is null or r.window_id = $1) and ($2::uuid is null or r.packet_id = $2)
      order by rel.released_at, rel.id, r.packet_id`,
    [filter.windowId ?? null, filter.packetId ?? null],
  );
  return rows.map((row) => ({
    ...toDecision(row),
    pseudonym: row.pseudonym,
    credentialId: row.credential_id,
    manifest: row.manifest,
  }));
}

// ── identity ──────────────────────────────────────────────────────────────────────────────
export async function upsertIdentity(
  q: Queryable,
  input: { packetId: string; identity: CandidateIdentity; by: string; at: number },
): Promise<void> {
  await q.query(
    `insert into candidate_identities (packet_id, name, email, external_id, set_by, set_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (packet_id) do update set name = excluded.name, email = excluded.email,
       external_id = excluded.external_id, set_by = excluded.set_by, set_at = excluded.set_at`,
    [
      input.packetId,
      input.identity.name,
      input.identity.email,
      input.identity.externalId,
      input.by,
      new Date(input.at).toISOString(),
    ],
  );
}

export async function findIdentity(q: Queryable, packetId: string): Promise<CandidateIdentity | undefined> {
  const rows = await q.query<{ name: string; email: string | null; external_id: string | null }>(
    'select name, email, external_id from candidate_identities where packet_id = $1',
    [packetId],
  );
  const row = rows[0];
  return row && { name: row.name, email: row.email, externalId: row.external_id };
}

/** The reveal, with the identity as it is now (a later correction of a name shows). */
export async function findReveal(
  q: Queryable,
  windowId: string,
  packetId: string,
): Promise<IdentityReveal | undefined> {
  const rows = await q.query<{
    reason: string;
    revealed_by: string;
    username: string;
    revealed_at: Date;
    name: string;
    email: string | null;
    external_id: string | null;
  }>(
    `select r.reason, r.revealed_by, u.username, r.revealed_at, i.name, i.email, i.external_id
       from identity_reveals r join users u on u.id = r.revealed_by join candidate_identities i on i.packet_id = r.packet_id
      where r.window_id = $1 and r.packet_id = $2`,
    [windowId, packetId],
  );
  const row = rows[0];
  return (
    row && {
      packetId,
      windowId,
      identity: { name: row.name, email: row.email, externalId: row.external_id },
      reason: row.reason,
      revealedBy: row.revealed_by,
      revealedByUsername: row.username,
      revealedAt: iso(row.revealed_at),
    }
  );
}

/** Records a reveal; false when one already exists (a reveal is never repeated or undone). */
export async function insertReveal(
  q: Queryable,
  input: { windowId: string; packetId: string; reason: string; by: string; at: number },
): Promise<boolean> {
  const rows = await q.query(
    `insert into identity_reveals (window_id, packet_id, reason, revealed_by, revealed_at) values ($1, $2, $3, $4, $5)
     on conflict (window_id, packet_id) do nothing returning 1`,
    [input.windowId, input.packetId, input.reason, input.by, new Date(input.at).toISOString()],
  );
  return rows.length > 0;
}

/** Whether the packet is in the window (has an assignment there). */
export async function packetInWindow(q: Queryable, windowId: string, packetId: string): Promise<boolean> {
  const rows = await q.query('select 1 from assignments where window_id = $1 and packet_id = $2 limit 1', [
    windowId,
    packetId,
  ]);
  return rows.length > 0;
}

/** The enabled platform accounts: the issuing organisation's systems, told of every release. */
export async function platformAccounts(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select id from users where 'platform' = any(roles) and disabled_at is null`,
  );
  return rows.map((row) => row.id);
}
