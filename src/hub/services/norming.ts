import type { z } from 'zod';
import type {
  ConsensusView,
  CreateNormingSessionRequest,
  NormingReport,
  NormingScoreReceipt,
  NormingSessionSummary,
  NormingSessionView,
  PutConsensusRequest,
  PutNormingScoreRequest,
  Qualification,
} from '../../shared/contract/norming';
import { ScoreRecord } from '../../shared/domain/score';
import { sessionResults } from '../../shared/norming/session-report';
import { hasRole, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import type { Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import {
  assignedPackets,
  findNormingScore,
  findSession,
  insertAnchors,
  insertConsensus,
  insertMasters,
  insertNormingScore,
  insertParticipants,
  insertQualifications,
  insertSession,
  latestConsensus,
  latestNormingScores,
  listSessions,
  reopenParticipant,
  sessionAnchors,
  sessionMasters,
  sessionParticipants,
  setStatus,
  type MasterRow,
  type NewMaster,
  type NormingScoreRow,
  type SessionRow,
} from '../store/norming';
import { findPacket } from '../store/packets';
import { findAdminUser } from '../store/users';
import { scoreProblems } from './score-rules';
import { DAY_MS } from '../../shared/domain/days';

// The rules of norming. Blindness lives here: before the reveal a participant's answers carry
// their own scores and nothing else (no master, no other participant's level, not even in an
// error); after it, masters and distributions without names. Facilitators and admins run sessions.

/** Facilitators and admins run norming; everyone else can only take part. */
export function runsNorming(principal: Principal): boolean {
  return hasRole(principal, 'facilitator', 'admin');
}

const LATE_MESSAGE =
  'This score arrived after the reveal: it is kept, but it does not count in the session’s statistics. ' +
  'Ask the facilitator to reopen the session for you if it should.';

export async function createSession(
  hub: HubContext,
  principal: Principal,
  input: z.output<typeof CreateNormingSessionRequest>,
): Promise<NormingSessionView> {
  const now = hub.now();
  const id = await hub.db.transaction(async (tx) => {
    const packetIds = input.anchors.map((a) => a.packetId);
    if (new Set(packetIds).size !== packetIds.length) {
      throw new ApiError(400, 'invalid-body', 'An anchor packet is listed twice.');
    }
    const masters: NewMaster[] = [];
    for (const [index, anchor] of input.anchors.entries()) {
      const packet = await findPacket(tx, anchor.packetId);
      if (!packet) throw notFound(`Packet ${anchor.packetId}`);
      const { manifest } = packet.view;
      if (manifest.credential.id !== input.credentialId) {
        throw new ApiError(
          409,
          'wrong-credential',
          `Packet ${anchor.packetId} is for ${manifest.credential.id}, not ${input.credentialId}.`,
        );
      }
      for (const criterion of manifest.rubric.criteria) {
        const given = anchor.masters.filter((m) => m.criterionId === criterion.id);
        const path = `body.anchors[${index}].masters`;
        if (given.length !== 1) {
          throw new ApiError(
            400,
            'invalid-master',
            `Anchor ${index + 1} needs exactly one master level for criterion "${criterion.id}".`,
            {
              problems: [{ path, message: `criterion "${criterion.id}" has ${given.length} master levels` }],
            },
          );
        }
        const master = given[0]!;
        if (!criterion.levels.some((l) => l.id === master.levelId)) {
          throw new ApiError(
            400,
            'invalid-master',
            `Level "${master.levelId}" is not a level of criterion "${criterion.id}".`,
            {
              problems: [{ path, message: `level "${master.levelId}" is not in the rubric` }],
            },
          );
        }
        masters.push({
          packetId: anchor.packetId,
          criterionId: criterion.id,
          levelId: master.levelId,
          rationale: master.rationale,
          revision: 1,
          reason: null,
        });
      }
      const unknown = anchor.masters.find((m) => !manifest.rubric.criteria.some((c) => c.id === m.criterionId));
      if (unknown)
        throw new ApiError(
          400,
          'invalid-master',
          `Criterion "${unknown.criterionId}" is not in the rubric of anchor ${index + 1}.`,
        );
    }
    const assigned = await assignedPackets(tx, packetIds);
    if (assigned.length > 0) {
      throw new ApiError(
        409,
        'packet-assigned',
        `${assigned.length} packet(s) are assigned for live scoring and cannot be anchors.`,
        {
          problems: assigned.map((packetId) => ({ path: 'body.anchors', message: `packet ${packetId} is assigned` })),
        },
      );
    }
    const participants = [...new Set(input.participantIds)];
    for (const userId of participants) {
      const user = await findAdminUser(tx, userId);
      if (!user) throw notFound(`User ${userId}`);
      if (!user.roles.includes('assessor')) {
        throw new ApiError(400, 'not-an-assessor', `${user.username} does not hold the assessor role.`);
      }
      if (user.disabled) throw new ApiError(400, 'account-disabled', `${user.username}'s account is disabled.`);
    }
    const sessionId = await insertSession(tx, { ...input, createdBy: principal.userId, at: now });
    await insertAnchors(tx, sessionId, packetIds);
    await insertMasters(tx, sessionId, masters, principal.userId, now);
    await insertParticipants(tx, sessionId, participants);
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'norming.create',
        subject: `norming:${sessionId}`,
        detail: { title: input.title, mode: input.mode, anchors: packetIds, participants },
      },
      now,
    );
    return sessionId;
  });
  const view = await sessionView(hub, principal, id);
  hub.events.publish({ type: 'norming.sessionChanged', sessionId: id, status: 'open' }, await audienceOf(hub.db, id));
  return view;
}

/** The session as listed, without who is asking. */
function sessionFields(row: SessionRow): Omit<NormingSessionSummary, 'role'> {
  return {
    id: row.id,
    title: row.title,
    credentialId: row.credentialId,
    mode: row.mode,
    status: row.status,
    anchorCount: row.anchorCount,
    participantCount: row.participantCount,
    createdAt: row.createdAt,
    revealedAt: row.revealedAt,
    closedAt: row.closedAt,
  };
}

function summary(row: SessionRow, role: NormingSessionSummary['role']): NormingSessionSummary {
  return { ...sessionFields(row), role };
}

export async function listSessionsFor(hub: HubContext, principal: Principal): Promise<NormingSessionSummary[]> {
  if (runsNorming(principal)) return (await listSessions(hub.db, null)).map((row) => summary(row, 'facilitator'));
  return (await listSessions(hub.db, principal.userId)).map((row) => summary(row, 'participant'));
}

/** The session and how the caller stands in it; 404 for a caller who takes no part. */
async function sessionFor(q: Queryable, principal: Principal, sessionId: string, lock = false) {
  const session = await findSession(q, sessionId, lock);
  if (!session) throw notFound('The norming session');
  if (runsNorming(principal)) return { session, participant: undefined };
  const participant = (await sessionParticipants(q, sessionId)).find((p) => p.userId === principal.userId);
  if (!participant) throw notFound('The norming session');
  return { session, participant };
}

/** The latest master per anchor and criterion. */
function currentMasters(masters: readonly MasterRow[]): MasterRow[] {
  const latest = new Map<string, MasterRow>();
  for (const m of masters) latest.set(`${m.packetId}/${m.criterionId}`, m);
  return [...latest.values()];
}

const masterView = (m: MasterRow) => ({
  criterionId: m.criterionId,
  levelId: m.levelId,
  rationale: m.rationale,
  revision: m.revision,
  reason: m.reason,
  setAt: m.setAt,
});

export async function sessionView(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
): Promise<NormingSessionView> {
  const { session, participant } = await sessionFor(hub.db, principal, sessionId);
  const anchors = await sessionAnchors(hub.db, sessionId);
  const masters = await sessionMasters(hub.db, sessionId);
  const base = { ...summary(session, participant ? 'participant' : 'facilitator'), thresholds: session.thresholds };
  if (!participant) {
    const scores = await latestNormingScores(hub.db, sessionId);
    return {
      ...base,
      anchors: anchors.map((a) => ({
        packetId: a.packetId,
        position: a.position,
        pseudonym: a.pseudonym,
        masters: masters.filter((m) => m.packetId === a.packetId).map(masterView),
        ...(session.status === 'open' ? {} : { distribution: distribution(a, scores) }),
      })),
      participants: (await sessionParticipants(hub.db, sessionId)).map((p) => ({
        userId: p.userId,
        username: p.username,
        submitted: scores.filter((s) => s.assessorId === p.userId && !s.late).map((s) => s.packetId),
        late: scores.filter((s) => s.assessorId === p.userId && s.late).map((s) => s.packetId),
        reopened: p.reopenedAt !== null,
      })),
    };
  }
  const own = await latestNormingScores(hub.db, sessionId, principal.userId);
  const revealed = session.status !== 'open';
  // Blind until the reveal: the distribution needs everyone's scores, so they are read only now.
  const everyone = revealed ? await latestNormingScores(hub.db, sessionId) : [];
  const current = currentMasters(masters);
  const lateScores = own.filter((s) => s.late).length;
  return {
    ...base,
    anchors: anchors.map((a) => ({
      packetId: a.packetId,
      position: a.position,
      pseudonym: a.pseudonym,
      ...(revealed
        ? {
            masters: current.filter((m) => m.packetId === a.packetId).map(masterView),
            distribution: distribution(a, everyone),
          }
        : {}),
    })),
    yourScores: own.map((s) => ({
      ...scoreSummary(s),
      levels: ScoreRecord.parse(s.record).criteria.map(({ criterionId, levelId }) => ({ criterionId, levelId })),
    })),
    ...(revealed
      ? {
          yourStanding: {
            reopened: participant.reopenedAt !== null,
            lateScores,
            message: lateScores > 0 ? LATE_MESSAGE : null,
          },
        }
      : {}),
  };
}

/** Level counts per criterion on one anchor, from the counted (not late) scores, without names. */
function distribution(
  anchor: { packetId: string; manifest: { rubric: { criteria: { id: string; levels: { id: string }[] }[] } } },
  scores: readonly NormingScoreRow[],
) {
  const records = scores
    .filter((s) => s.packetId === anchor.packetId && !s.late)
    .map((s) => ScoreRecord.parse(s.record));
  return anchor.manifest.rubric.criteria.map((criterion) => ({
    criterionId: criterion.id,
    counts: Object.fromEntries(
      criterion.levels.map((level) => [
        level.id,
        records.filter((r) => r.criteria.some((c) => c.criterionId === criterion.id && c.levelId === level.id)).length,
      ]),
    ),
  }));
}

const scoreSummary = (s: NormingScoreRow) => ({
  scoreId: s.id,
  packetId: s.packetId,
  revision: s.revision,
  receivedAt: s.receivedAt,
  late: s.late,
});

/**
 * A participant's score for one anchor. Idempotent by the score's id; revisions name the one they
 * replace. After the reveal a score is kept but marked late unless the facilitator reopened the
 * session for the participant; after closing it is always late.
 */
export async function putNormingScore(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
  scoreId: string,
  body: z.output<typeof PutNormingScoreRequest>,
): Promise<{ status: 200 | 201; receipt: NormingScoreReceipt }> {
  const { record, baseRevision } = body;
  const now = hub.now();
  const outcome = await hub.db.transaction(async (tx) => {
    const session = await findSession(tx, sessionId, true);
    if (!session) throw notFound('The norming session');
    const participant = (await sessionParticipants(tx, sessionId)).find((p) => p.userId === principal.userId);
    if (!participant) throw notFound('The norming session');
    if (record.id !== scoreId) {
      throw new ApiError(
        400,
        'id-mismatch',
        `The record's id ${record.id} is not the score id in the URL (${scoreId}).`,
      );
    }
    if (record.assessorId !== principal.username) {
      throw new ApiError(
        400,
        'assessor-mismatch',
        `The record names assessor "${record.assessorId}", but you are signed in as "${principal.username}".`,
      );
    }
    const anchor = (await sessionAnchors(tx, sessionId)).find((a) => a.packetId === record.packetId);
    if (!anchor) throw notFound('The anchor packet');
    const problems = scoreProblems(anchor.manifest, record);
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'invalid-score',
        `The score does not fit the anchor's rubric: ${problems.length} problem(s).`,
        { problems },
      );
    }
    const stored = await findNormingScore(tx, sessionId, scoreId);
    if (stored) {
      if (stored.assessorId !== principal.userId) throw notFound('The norming score');
      if (JSON.stringify(ScoreRecord.parse(stored.record)) !== JSON.stringify(record)) {
        throw new ApiError(409, 'score-exists', 'A different record is already stored under this score id.');
      }
      return { status: 200 as const, row: stored, fresh: false };
    }
    const latest = (await latestNormingScores(tx, sessionId, principal.userId)).find(
      (s) => s.packetId === record.packetId,
    );
    const latestRevision = latest?.revision ?? 0;
    if (baseRevision !== latestRevision || record.revision <= baseRevision) {
      throw new ApiError(
        409,
        'stale-revision',
        `This score is based on revision ${baseRevision}, but your latest for this anchor is revision ${latestRevision}.`,
      );
    }
    const reopened = participant.reopenedAt !== null && session.status === 'revealed';
    const row: NormingScoreRow = {
      id: scoreId,
      packetId: record.packetId,
      assessorId: principal.userId,
      revision: record.revision,
      record,
      receivedAt: new Date(now).toISOString(),
      late: session.status === 'closed' || (session.status === 'revealed' && !reopened),
    };
    await insertNormingScore(tx, sessionId, { ...row, baseRevision });
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'norming.score',
        subject: `norming:${sessionId}`,
        detail: { scoreId, packetId: record.packetId, revision: record.revision, late: row.late },
      },
      now,
    );
    return { status: 201 as const, row, fresh: true, createdBy: session.createdBy };
  });
  if (outcome.fresh) {
    hub.events.publish(
      {
        type: 'norming.scoreReceived',
        sessionId,
        packetId: outcome.row.packetId,
        participantId: principal.userId,
        late: outcome.row.late,
      },
      await staffIds(hub.db),
    );
  }
  return {
    status: outcome.status,
    receipt: { ...scoreSummary(outcome.row), sessionId, message: outcome.row.late ? LATE_MESSAGE : null },
  };
}

export async function listNormingScores(hub: HubContext, principal: Principal, sessionId: string) {
  const { participant } = await sessionFor(hub.db, principal, sessionId);
  const rows = await latestNormingScores(hub.db, sessionId, participant ? principal.userId : undefined);
  const names = new Map((await sessionParticipants(hub.db, sessionId)).map((p) => [p.userId, p.username]));
  return rows.map((row) => {
    const record = ScoreRecord.parse(row.record);
    return {
      ...scoreSummary(row),
      assessorId: row.assessorId,
      username: names.get(row.assessorId) ?? '',
      criteria: record.criteria.map((c) => ({
        criterionId: c.criterionId,
        levelId: c.levelId,
        rationale: c.rationale,
      })),
      decision: record.decision.kind,
    };
  });
}

/** Status changes run with the session row locked and are audited; everyone taking part hears of them. */
async function changeStatus(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
  from: SessionRow['status'],
  to: SessionRow['status'],
  action: 'norming.reveal' | 'norming.close',
  extra?: (tx: Queryable, session: SessionRow) => Promise<Record<string, unknown>>,
) {
  const now = hub.now();
  const detail = await hub.db.transaction(async (tx) => {
    const session = await findSession(tx, sessionId, true);
    if (!session) throw notFound('The norming session');
    if (session.status !== from) {
      throw new ApiError(
        409,
        'wrong-status',
        `The session is ${session.status}; only a session that is ${from} can be ${to === 'revealed' ? 'revealed' : 'closed'}.`,
      );
    }
    const more = extra ? await extra(tx, session) : {};
    await setStatus(tx, sessionId, to, now);
    await appendAudit(
      tx,
      { actor: principal.userId, action, subject: `norming:${sessionId}`, detail: { from, to, ...more } },
      now,
    );
    return more;
  });
  hub.events.publish({ type: 'norming.sessionChanged', sessionId, status: to }, await audienceOf(hub.db, sessionId));
  return detail;
}

export async function revealSession(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
): Promise<NormingSessionView> {
  await changeStatus(hub, principal, sessionId, 'open', 'revealed', 'norming.reveal');
  return sessionView(hub, principal, sessionId);
}

export async function recordConsensus(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
  criterionId: string,
  input: z.output<typeof PutConsensusRequest>,
): Promise<ConsensusView> {
  const now = hub.now();
  const consensus = await hub.db.transaction(async (tx) => {
    const session = await findSession(tx, sessionId, true);
    if (!session) throw notFound('The norming session');
    if (session.status !== 'revealed') {
      throw new ApiError(
        409,
        'wrong-status',
        `Consensus is recorded after the reveal and before closing; the session is ${session.status}.`,
      );
    }
    const anchors = await sessionAnchors(tx, sessionId);
    const criterion = anchors.flatMap((a) => a.manifest.rubric.criteria).find((c) => c.id === criterionId);
    if (!criterion) throw notFound('The criterion');
    const masters = await sessionMasters(tx, sessionId);
    const changes: NewMaster[] = input.masterChanges.map((change, index) => {
      const anchor = anchors.find((a) => a.packetId === change.packetId);
      if (!anchor) throw notFound('The anchor packet');
      const levels = anchor.manifest.rubric.criteria.find((c) => c.id === criterionId)?.levels ?? [];
      if (!levels.some((l) => l.id === change.levelId)) {
        throw new ApiError(
          400,
          'invalid-master',
          `Level "${change.levelId}" is not a level of criterion "${criterionId}".`,
          {
            problems: [{ path: `body.masterChanges[${index}].levelId`, message: 'not in the rubric' }],
          },
        );
      }
      const history = masters.filter((m) => m.packetId === change.packetId && m.criterionId === criterionId);
      return {
        packetId: change.packetId,
        criterionId,
        levelId: change.levelId,
        rationale: input.rationale,
        revision: (history.at(-1)?.revision ?? 0) + 1,
        reason: change.reason,
      };
    });
    await insertMasters(tx, sessionId, changes, principal.userId, now);
    const row = await insertConsensus(tx, sessionId, {
      criterionId,
      notes: input.notes,
      rationale: input.rationale,
      decidedBy: principal.userId,
      at: now,
    });
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'norming.consensus',
        subject: `norming:${sessionId}`,
        detail: { criterionId, revision: row.revision, masterChanges: input.masterChanges },
      },
      now,
    );
    return row;
  });
  // Other facilitators' boards and the participants' reveal (masters may have changed) read again.
  hub.events.publish(
    { type: 'norming.sessionChanged', sessionId, status: 'revealed' },
    await audienceOf(hub.db, sessionId),
  );
  return consensus;
}

export async function reopenFor(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
  userId: string,
): Promise<NormingSessionView> {
  const now = hub.now();
  await hub.db.transaction(async (tx) => {
    const session = await findSession(tx, sessionId, true);
    if (!session) throw notFound('The norming session');
    if (session.status !== 'revealed') {
      throw new ApiError(
        409,
        'wrong-status',
        `Only a revealed session can be reopened for a participant; this one is ${session.status}.`,
      );
    }
    if (!(await reopenParticipant(tx, sessionId, userId, now))) throw notFound('The participant');
    await appendAudit(
      tx,
      { actor: principal.userId, action: 'norming.reopen', subject: `norming:${sessionId}`, detail: { userId } },
      now,
    );
  });
  hub.events.publish({ type: 'norming.sessionChanged', sessionId, status: 'revealed' }, [userId]);
  return sessionView(hub, principal, sessionId);
}

/** Closes a revealed session; a qualification session records every participant's result. */
export async function closeSession(
  hub: HubContext,
  principal: Principal,
  sessionId: string,
): Promise<{ session: NormingSessionSummary; qualifications: Qualification[] }> {
  const now = hub.now();
  let qualifications: Qualification[] = [];
  await changeStatus(hub, principal, sessionId, 'revealed', 'closed', 'norming.close', async (tx, session) => {
    if (session.mode !== 'qualification') return {};
    const { assessors } = sessionResults(await sessionFacts(tx, session));
    const recordedAt = new Date(now).toISOString();
    const expiresAt = new Date(now + session.thresholds.validDays * DAY_MS).toISOString();
    const rows = assessors.map((a) => ({
      userId: a.userId,
      credentialId: session.credentialId,
      sessionId,
      qualified: a.qualified,
      exact: a.exact,
      adjacent: a.adjacent,
      recordedAt,
      expiresAt,
    }));
    await insertQualifications(tx, rows);
    qualifications = rows.map(({ exact: _e, adjacent: _a, ...q }) => q);
    return { qualified: rows.filter((r) => r.qualified).map((r) => r.userId) };
  });
  const session = (await findSession(hub.db, sessionId))!;
  return { session: summary(session, 'facilitator'), qualifications };
}

/** Everything the statistics need: anchors, current masters, participants, counted scores, consensus. */
async function sessionFacts(q: Queryable, session: SessionRow) {
  const anchors = await sessionAnchors(q, session.id);
  const scores = (await latestNormingScores(q, session.id)).filter((s) => !s.late);
  return {
    anchors: anchors.map((a) => ({ packetId: a.packetId, pseudonym: a.pseudonym, rubric: a.manifest.rubric })),
    masters: currentMasters(await sessionMasters(q, session.id)),
    participants: await sessionParticipants(q, session.id),
    scores: scores.map((s) => ({
      assessorId: s.assessorId,
      packetId: s.packetId,
      record: ScoreRecord.parse(s.record),
    })),
    thresholds: session.thresholds,
    consensus: await latestConsensus(q, session.id),
  };
}

export async function sessionReport(hub: HubContext, sessionId: string): Promise<NormingReport> {
  const session = await findSession(hub.db, sessionId);
  if (!session) throw notFound('The norming session');
  const facts = await sessionFacts(hub.db, session);
  const { criteria, assessors } = sessionResults(facts);
  const late = (await latestNormingScores(hub.db, sessionId)).filter((s) => s.late).length;
  return {
    session: sessionFields(session),
    thresholds: session.thresholds,
    generatedAt: new Date(hub.now()).toISOString(),
    assessors,
    criteria,
    lateScores: late,
  };
}

/** Who hears of a session's changes: its participants (facilitators and admins hear of everything). */
async function audienceOf(q: Queryable, sessionId: string): Promise<string[]> {
  return [...(await sessionParticipants(q, sessionId)).map((p) => p.userId), ...(await staffIds(q))];
}

/** Facilitators (admins and chairs see every event anyway). */
async function staffIds(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select id from users where 'facilitator' = any(roles) and disabled_at is null`,
  );
  return rows.map((row) => row.id);
}
