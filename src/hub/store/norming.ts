import { randomUUID } from 'node:crypto';
import type { NormingMode, NormingStatus, QualificationThresholds } from '../../shared/contract/norming';
import { PacketManifest } from '../../shared/packet/manifest';
import { iso, jsonParam, type Queryable } from '../db/db';

// The norming tables: sessions, their anchors and master levels, participants, their scores,
// consensus and qualifications. services/norming.ts keeps the rules (who sees what, and when).

export interface SessionRow {
  id: string;
  title: string;
  credentialId: string;
  mode: NormingMode;
  status: NormingStatus;
  thresholds: QualificationThresholds;
  createdBy: string | null;
  createdAt: string;
  revealedAt: string | null;
  closedAt: string | null;
  anchorCount: number;
  participantCount: number;
}

const SESSION_COLUMNS = `s.id, s.title, s.credential_id, s.mode, s.status, s.thresholds, s.created_by, s.created_at,
  s.revealed_at, s.closed_at,
  (select count(*)::int from norming_anchors a where a.session_id = s.id) as anchor_count,
  (select count(*)::int from norming_participants p where p.session_id = s.id) as participant_count`;

function toSession(row: Record<string, unknown>): SessionRow {
  return {
    id: row.id as string,
    title: row.title as string,
    credentialId: row.credential_id as string,
    mode: row.mode as NormingMode,
    status: row.status as NormingStatus,
    thresholds: row.thresholds as QualificationThresholds,
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: iso(row.created_at),
    revealedAt: row.revealed_at ? iso(row.revealed_at) : null,
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    anchorCount: row.anchor_count as number,
    participantCount: row.participant_count as number,
  };
}

export async function insertSession(
  q: Queryable,
  input: {
    title: string;
    credentialId: string;
    mode: NormingMode;
    thresholds: QualificationThresholds;
    createdBy: string;
    at: number;
  },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `insert into norming_sessions (id, title, credential_id, mode, status, thresholds, created_by, created_at)
     values ($1, $2, $3, $4, 'open', $5::jsonb, $6, $7)`,
    [
      id,
      input.title,
      input.credentialId,
      input.mode,
      jsonParam(input.thresholds),
      input.createdBy,
      new Date(input.at).toISOString(),
    ],
  );
  return id;
}

export async function insertAnchors(q: Queryable, sessionId: string, packetIds: readonly string[]): Promise<void> {
  await q.query(
    `insert into norming_anchors (session_id, packet_id, position)
     select $1, packet_id, n from unnest($2::uuid[]) with ordinality as a (packet_id, n)`,
    [sessionId, packetIds],
  );
  await q.query('update packets set is_anchor = true where id = any($1::uuid[])', [packetIds]);
}

export interface NewMaster {
  packetId: string;
  criterionId: string;
  levelId: string;
  rationale: string;
  revision: number;
  reason: string | null;
}

export async function insertMasters(
  q: Queryable,
  sessionId: string,
  masters: readonly NewMaster[],
  setBy: string,
  at: number,
): Promise<void> {
  if (masters.length === 0) return;
  await q.query(
    `insert into norming_masters (session_id, packet_id, criterion_id, revision, level_id, rationale, reason, set_by, set_at)
     select $1, packet_id, criterion_id, revision, level_id, rationale, reason, $8, $9
       from unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
         as m (packet_id, criterion_id, revision, level_id, rationale, reason)`,
    [
      sessionId,
      masters.map((m) => m.packetId),
      masters.map((m) => m.criterionId),
      masters.map((m) => m.revision),
      masters.map((m) => m.levelId),
      masters.map((m) => m.rationale),
      masters.map((m) => m.reason),
      setBy,
      new Date(at).toISOString(),
    ],
  );
}

export async function insertParticipants(q: Queryable, sessionId: string, userIds: readonly string[]): Promise<void> {
  await q.query('insert into norming_participants (session_id, user_id) select $1, u from unnest($2::uuid[]) as u', [
    sessionId,
    userIds,
  ]);
}

/** A session by id; `lock` holds its row for the rest of the transaction (status changes, score intake). */
export async function findSession(q: Queryable, id: string, lock = false): Promise<SessionRow | undefined> {
  const rows = await q.query(
    `select ${SESSION_COLUMNS} from norming_sessions s where s.id = $1${lock ? ' for update of s' : ''}`,
    [id],
  );
  return rows[0] && toSession(rows[0]);
}

/** Every session (userId null) or those the user takes part in; newest first. */
export async function listSessions(q: Queryable, participantId: string | null): Promise<SessionRow[]> {
  const rows = await q.query(
    `select ${SESSION_COLUMNS} from norming_sessions s
      where $1::uuid is null or exists (select 1 from norming_participants p where p.session_id = s.id and p.user_id = $1)
      order by s.created_at desc, s.id`,
    [participantId],
  );
  return rows.map(toSession);
}

export async function setStatus(q: Queryable, id: string, status: NormingStatus, at: number): Promise<void> {
  const column = status === 'revealed' ? 'revealed_at' : status === 'closed' ? 'closed_at' : undefined;
  await q.query(
    `update norming_sessions set status = $2${column ? `, ${column} = $3` : ''} where id = $1`,
    column ? [id, status, new Date(at).toISOString()] : [id, status],
  );
}

export interface AnchorRow {
  packetId: string;
  position: number;
  pseudonym: string;
  manifest: PacketManifest;
}

export async function sessionAnchors(q: Queryable, sessionId: string): Promise<AnchorRow[]> {
  const rows = await q.query<{ packet_id: string; position: number; pseudonym: string; manifest: unknown }>(
    `select a.packet_id, a.position, p.pseudonym, p.manifest from norming_anchors a join packets p on p.id = a.packet_id
      where a.session_id = $1 order by a.position`,
    [sessionId],
  );
  return rows.map((row) => ({
    packetId: row.packet_id,
    position: row.position,
    pseudonym: row.pseudonym,
    manifest: PacketManifest.parse(row.manifest),
  }));
}

export interface MasterRow extends NewMaster {
  setAt: string;
}

/** Every master revision of the session, oldest first per anchor and criterion. */
export async function sessionMasters(q: Queryable, sessionId: string): Promise<MasterRow[]> {
  const rows = await q.query<Record<string, unknown>>(
    `select packet_id, criterion_id, revision, level_id, rationale, reason, set_at from norming_masters
      where session_id = $1 order by packet_id, criterion_id, revision`,
    [sessionId],
  );
  return rows.map((row) => ({
    packetId: row.packet_id as string,
    criterionId: row.criterion_id as string,
    revision: row.revision as number,
    levelId: row.level_id as string,
    rationale: row.rationale as string,
    reason: (row.reason as string | null) ?? null,
    setAt: iso(row.set_at),
  }));
}

export interface ParticipantRow {
  userId: string;
  username: string;
  reopenedAt: string | null;
}

export async function sessionParticipants(q: Queryable, sessionId: string): Promise<ParticipantRow[]> {
  const rows = await q.query<{ user_id: string; username: string; reopened_at: Date | null }>(
    `select p.user_id, u.username, p.reopened_at from norming_participants p join users u on u.id = p.user_id
      where p.session_id = $1 order by u.username`,
    [sessionId],
  );
  return rows.map((row) => ({
    userId: row.user_id,
    username: row.username,
    reopenedAt: row.reopened_at ? iso(row.reopened_at) : null,
  }));
}

export async function reopenParticipant(q: Queryable, sessionId: string, userId: string, at: number): Promise<boolean> {
  const rows = await q.query(
    'update norming_participants set reopened_at = $3 where session_id = $1 and user_id = $2 returning user_id',
    [sessionId, userId, new Date(at).toISOString()],
  );
  return rows.length > 0;
}

export interface NormingScoreRow {
  id: string;
  packetId: string;
  assessorId: string;
  revision: number;
  record: unknown;
  receivedAt: string;
  late: boolean;
}

function toScore(row: Record<string, unknown>): NormingScoreRow {
  return {
    id: row.id as string,
    packetId: row.packet_id as string,
    assessorId: row.assessor_id as string,
    revision: row.revision as number,
    record: row.record,
    receivedAt: iso(row.received_at),
    late: row.late as boolean,
  };
}

export async function findNormingScore(
  q: Queryable,
  sessionId: string,
  scoreId: string,
): Promise<NormingScoreRow | undefined> {
  const rows = await q.query(
    'select id, packet_id, assessor_id, revision, record, received_at, late from norming_scores where session_id = $1 and id = $2',
    [sessionId, scoreId],
  );
  return rows[0] && toScore(rows[0]);
}

/** The latest revision per participant and anchor; one participant's only when `assessorId` is given. */
export async function latestNormingScores(
  q: Queryable,
  sessionId: string,
  assessorId?: string,
): Promise<NormingScoreRow[]> {
  const rows = await q.query(
    `select distinct on (packet_id, assessor_id) id, packet_id, assessor_id, revision, record, received_at, late
       from norming_scores where session_id = $1 and ($2::uuid is null or assessor_id = $2)
      order by packet_id, assessor_id, revision desc`,
    [sessionId, assessorId ?? null],
  );
  return rows.map(toScore);
}

export async function insertNormingScore(
  q: Queryable,
  sessionId: string,
  score: NormingScoreRow & { baseRevision: number },
): Promise<void> {
  await q.query(
    `insert into norming_scores (id, session_id, packet_id, assessor_id, revision, base_revision, record, received_at, late)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      score.id,
      sessionId,
      score.packetId,
      score.assessorId,
      score.revision,
      score.baseRevision,
      jsonParam(score.record),
      score.receivedAt,
      score.late,
    ],
  );
}

export interface ConsensusRow {
  criterionId: string;
  notes: string;
  rationale: string;
  revision: number;
  decidedAt: string;
}

/** The latest consensus per criterion. */
export async function latestConsensus(q: Queryable, sessionId: string): Promise<ConsensusRow[]> {
  const rows = await q.query<Record<string, unknown>>(
    `select distinct on (criterion_id) criterion_id, notes, rationale, revision, decided_at from norming_consensus
      where session_id = $1 order by criterion_id, revision desc`,
    [sessionId],
  );
  return rows.map(toConsensus);
}

function toConsensus(row: Record<string, unknown>): ConsensusRow {
  return {
    criterionId: row.criterion_id as string,
    notes: row.notes as string,
    rationale: row.rationale as string,
    revision: row.revision as number,
    decidedAt: iso(row.decided_at),
  };
}

export async function insertConsensus(
  q: Queryable,
  sessionId: string,
  input: { criterionId: string; notes: string; rationale: string; decidedBy: string; at: number },
): Promise<ConsensusRow> {
  const rows = await q.query<Record<string, unknown>>(
    `insert into norming_consensus (session_id, criterion_id, revision, notes, rationale, decided_by, decided_at)
     values ($1, $2, (select coalesce(max(revision), 0) + 1 from norming_consensus where session_id = $1 and criterion_id = $2),
             $3, $4, $5, $6)
     returning criterion_id, notes, rationale, revision, decided_at`,
    [sessionId, input.criterionId, input.notes, input.rationale, input.decidedBy, new Date(input.at).toISOString()],
  );
  return toConsensus(rows[0]!);
}

export interface QualificationRow {
  userId: string;
  credentialId: string;
  sessionId: string;
  qualified: boolean;
  exact: number | null;
  adjacent: number | null;
  recordedAt: string;
  expiresAt: string;
}

export async function insertQualifications(q: Queryable, rows: readonly QualificationRow[]): Promise<void> {
  for (const row of rows) {
    await q.query(
      `insert into qualifications (id, user_id, credential_id, session_id, qualified, exact, adjacent, recorded_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        randomUUID(),
        row.userId,
        row.credentialId,
        row.sessionId,
        row.qualified,
        row.exact,
        row.adjacent,
        row.recordedAt,
        row.expiresAt,
      ],
    );
  }
}

/** Whether the user holds a current qualification (the latest recorded for the credential, passed, not expired). */
export async function holdsQualification(
  q: Queryable,
  userId: string,
  credentialId: string,
  now: number,
): Promise<boolean> {
  const rows = await q.query<{ qualified: boolean; expires_at: Date }>(
    `select qualified, expires_at from qualifications where user_id = $1 and credential_id = $2
      order by recorded_at desc limit 1`,
    [userId, credentialId],
  );
  const latest = rows[0];
  return latest !== undefined && latest.qualified && new Date(latest.expires_at).getTime() > now;
}

/** Packets among these that hold a live-scoring assignment. */
export async function assignedPackets(q: Queryable, packetIds: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ packet_id: string }>(
    'select distinct packet_id from assignments where packet_id = any($1::uuid[])',
    [packetIds],
  );
  return rows.map((row) => row.packet_id);
}

/** Whether the user takes part in some session holding the packet (their way to read an anchor). */
export async function participatesWithPacket(q: Queryable, userId: string, packetId: string): Promise<boolean> {
  const rows = await q.query(
    `select 1 from norming_participants p join norming_anchors a on a.session_id = p.session_id
      where p.user_id = $1 and a.packet_id = $2 limit 1`,
    [userId, packetId],
  );
  return rows.length > 0;
}

export async function isAnchorPacket(q: Queryable, packetId: string): Promise<boolean> {
  const rows = await q.query<{ is_anchor: boolean }>('select is_anchor from packets where id = $1', [packetId]);
  return rows[0]?.is_anchor === true;
}

/** The latest qualification recorded for the user in the credential, if any. */
export async function latestQualification(
  q: Queryable,
  userId: string,
  credentialId: string,
): Promise<{ qualified: boolean; expiresAt: string } | undefined> {
  const rows = await q.query<{ qualified: boolean; expires_at: Date }>(
    `select qualified, expires_at from qualifications where user_id = $1 and credential_id = $2
      order by recorded_at desc limit 1`,
    [userId, credentialId],
  );
  const row = rows[0];
  return row && { qualified: row.qualified, expiresAt: iso(row.expires_at) };
}

/** A person's latest qualification in one credential, with the session that recorded it. */
export interface LatestQualificationRow extends QualificationRow {
  username: string;
  sessionTitle: string;
}

/** The latest qualification per person and credential, optionally for one person or credential; by name, then credential. */
export async function latestQualifications(
  q: Queryable,
  filter: { userId?: string; credentialId?: string },
): Promise<LatestQualificationRow[]> {
  const rows = await q.query<{
    user_id: string;
    username: string;
    credential_id: string;
    session_id: string;
    title: string;
    qualified: boolean;
    exact: number | null;
    adjacent: number | null;
    recorded_at: Date;
    expires_at: Date;
  }>(
    `select * from (
       select distinct on (q.user_id, q.credential_id)
              q.user_id, u.username, q.credential_id, q.session_id, s.title, q.qualified, q.exact, q.adjacent,
              q.recorded_at, q.expires_at
         from qualifications q
         join users u on u.id = q.user_id
         join norming_sessions s on s.id = q.session_id
        where ($1::uuid is null or q.user_id = $1) and ($2::text is null or q.credential_id = $2)
        order by q.user_id, q.credential_id, q.recorded_at desc
     ) latest order by username, credential_id`,
    [filter.userId ?? null, filter.credentialId ?? null],
  );
  return rows.map((row) => ({
    userId: row.user_id,
    username: row.username,
    credentialId: row.credential_id,
    sessionId: row.session_id,
    sessionTitle: row.title,
    qualified: row.qualified,
    exact: row.exact,
    adjacent: row.adjacent,
    recordedAt: iso(row.recorded_at),
    expiresAt: iso(row.expires_at),
  }));
}
