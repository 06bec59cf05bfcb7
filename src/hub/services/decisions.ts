import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { typeForOutcome, type DecisionType } from '../../shared/committee/decision-types';
import { mergeCandidateFeedback } from '../../shared/committee/feedback-merge';
import { discrepancies as findDiscrepancies, ScoringPolicy } from '../../shared/committee/policy';
import type {
  AdjudicationDetail,
  BatchDecideRequest,
  BatchDecideResponse,
  CandidateFeedback,
  DecideRequest,
  DecisionView,
  DecisionWorkspace,
  ResolutionView,
  ResolveAdjudicationRequest,
  ScoringView,
  ThreadMessage,
} from '../../shared/contract/decisions';
import type { Decision } from '../../shared/domain/decision';
import type { Rubric } from '../../shared/domain/rubric';
import type { CriterionScore } from '../../shared/domain/score';
import type { PacketManifest } from '../../shared/packet/manifest';
import type { Problem } from '../../shared/problems';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { isUniqueViolation, type Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit, appendAudits } from '../store/audit';
import { isConflicted } from '../store/conflicts';
import {
  adjudicationOf,
  batchPacketFacts,
  decisionRevisions,
  findAdjudication,
  findResolution,
  findReveal,
  insertDecision,
  insertFirstDecisions,
  insertResolution,
  insertThreadMessage,
  isReleased,
  latestScorings,
  packetSummary,
  scoringsById,
  threadMessages,
  type AdjudicationRow,
  type BatchPacketFacts,
} from '../store/decisions';
import { packetManifests } from '../store/packets';
import { isValidityPacket } from '../store/validity';
import { findWindow } from '../store/windows';
import type { WindowView } from '../../shared/contract/hub-api';
import { committeeSeat, deciderSeat, type CommitteeSeat } from './committee-access';

// The committee's work on one packet (issue 12, parts 4 and 5): resolving an adjudication,
// discussing, and recording the decision with the candidate's feedback. The hub keeps every rule:
// who sees the scorings (never an assessor before their own submission), when a decision may be
// recorded, and what it may say.

// ── adjudication ──────────────────────────────────────────────────────────────────────────
async function adjudicationDetail(q: Queryable, adjudication: AdjudicationRow): Promise<AdjudicationDetail> {
  const [scorings, resolution, manifests] = await Promise.all([
    scoringsById(q, adjudication.scoreIds),
    findResolution(q, adjudication.id),
    packetManifests(q, [adjudication.packetId]),
  ]);
  const rubric = manifests.get(adjudication.packetId)!.rubric;
  return {
    ...adjudication,
    rubric: { id: rubric.id, version: rubric.version },
    scorings,
    resolution: resolution ?? null,
  };
}

/** An adjudication in full for chairs, admins and leads; 404 when it is not there or the caller is conflicted. */
export async function getAdjudication(hub: HubContext, principal: Principal, id: string): Promise<AdjudicationDetail> {
  const adjudication = await findAdjudication(hub.db, id);
  if (!adjudication || (await isConflicted(hub.db, principal.userId, adjudication.packetId))) {
    throw notFound('The adjudication');
  }
  return adjudicationDetail(hub.db, adjudication);
}

/**
 * Records the adjudicator's resolved scoring. The two scorings are never changed; the resolution
 * is its own row. One resolution per adjudication (409 naming who resolved it); never by one of
 * the two scorers (409 resolver-scored): an adjudicator judges others' work, not their own.
 */
export async function resolveAdjudication(
  hub: HubContext,
  principal: Principal,
  id: string,
  input: z.output<typeof ResolveAdjudicationRequest>,
): Promise<AdjudicationDetail> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    const adjudication = await findAdjudication(tx, id, true);
    if (!adjudication || (await isConflicted(tx, principal.userId, adjudication.packetId))) {
      throw notFound('The adjudication');
    }
    const existing = await findResolution(tx, id);
    if (existing) {
      throw new ApiError(
        409,
        'already-resolved',
        `${existing.resolvedByUsername} resolved this adjudication on ${existing.resolvedAt}; a resolution is not replaced.`,
      );
    }
    const scorings = await scoringsById(tx, adjudication.scoreIds);
    if (scorings.some((s) => s.assessorId === principal.userId)) {
      throw new ApiError(
        409,
        'resolver-scored',
        'You scored this packet yourself: an adjudication is resolved by someone who is not one of the two scorers.',
      );
    }
    const rubric = (await packetManifests(tx, [adjudication.packetId])).get(adjudication.packetId)!.rubric;
    const problems = levelProblems(rubric, input.criteria, 'body.criteria', input.decision.kind !== 'unscorable');
    if (problems.length > 0) throw invalid('The resolution does not fit the rubric', problems);
    await insertResolution(tx, {
      adjudicationId: id,
      criteria: input.criteria,
      decision: input.decision,
      note: input.note,
      by: principal.userId,
      at: now,
    });
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'adjudication.resolve',
        subject: `packet:${adjudication.packetId}`,
        detail: {
          adjudicationId: id,
          windowId: adjudication.windowId,
          decision: input.decision.kind,
          note: input.note,
        },
      },
      now,
    );
    return adjudicationDetail(tx, { ...adjudication, status: 'resolved' });
  });
}

/**
 * What is wrong with a set of levels for this rubric: unknown criteria or levels, a criterion
 * given twice, and (when `complete`) criteria left out. Paths name the entry, e.g. body.criteria[1].levelId.
 */
export function levelProblems(
  rubric: Rubric,
  criteria: readonly Pick<CriterionScore, 'criterionId' | 'levelId'>[],
  path: string,
  complete: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  criteria.forEach((entry, index) => {
    const criterion = rubric.criteria.find((c) => c.id === entry.criterionId);
    if (!criterion) {
      problems.push({
        path: `${path}[${index}].criterionId`,
        message: `rubric ${rubric.id} has no criterion "${entry.criterionId}"`,
      });
      return;
    }
    if (seen.has(criterion.id))
      problems.push({ path: `${path}[${index}].criterionId`, message: `"${criterion.id}" is given twice` });
    seen.add(criterion.id);
    if (!criterion.levels.some((level) => level.id === entry.levelId)) {
      problems.push({
        path: `${path}[${index}].levelId`,
        message: `criterion "${criterion.id}" has no level "${entry.levelId}" (it has ${criterion.levels.map((l) => l.id).join(', ')})`,
      });
    }
  });
  if (complete) {
    for (const criterion of rubric.criteria) {
      if (!seen.has(criterion.id)) problems.push({ path, message: `criterion "${criterion.id}" needs a level` });
    }
  }
  return problems;
}

function invalid(what: string, problems: Problem[]): ApiError {
  return new ApiError(400, 'invalid-body', `${what}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, {
    problems,
  });
}

// ── thread ────────────────────────────────────────────────────────────────────────────────
export async function getThread(hub: HubContext, principal: Principal, windowId: string, packetId: string) {
  await committeeSeat(hub, hub.db, principal, windowId, packetId);
  return { messages: await threadMessages(hub.db, windowId, packetId) };
}

export async function postThread(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  packetId: string,
  body: string,
): Promise<ThreadMessage> {
  const now = hub.now();
  const posted = await hub.db.transaction(async (tx) => {
    await committeeSeat(hub, tx, principal, windowId, packetId);
    const message = await insertThreadMessage(tx, {
      windowId,
      packetId,
      authorId: principal.userId,
      authorUsername: principal.username,
      body,
      at: now,
    });
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'thread.post',
        subject: `packet:${packetId}`,
        detail: { windowId, messageId: message.id },
      },
      now,
    );
    return message;
  });
  // After the commit, so a screen that reads again finds the message.
  hub.events.publish({ type: 'thread.posted', windowId });
  return posted;
}

// ── the state of a packet's decision ──────────────────────────────────────────────────────
interface PacketFacts {
  seat: CommitteeSeat;
  manifest: PacketManifest;
  scorings: ScoringView[];
  adjudication: AdjudicationRow | undefined;
  resolution: ResolutionView | undefined;
  revisions: DecisionView[];
  released: boolean;
}

async function packetFacts(q: Queryable, seat: CommitteeSeat, packetId: string): Promise<PacketFacts> {
  const windowId = seat.window.id;
  const [manifests, scorings, adjudication, revisions, released] = await Promise.all([
    packetManifests(q, [packetId]),
    latestScorings(q, windowId, packetId),
    adjudicationOf(q, windowId, packetId),
    decisionRevisions(q, windowId, packetId),
    isReleased(q, windowId, packetId),
  ]);
  const resolution = adjudication ? await findResolution(q, adjudication.id) : undefined;
  return { seat, manifest: manifests.get(packetId)!, scorings, adjudication, resolution, revisions, released };
}

type Blocker = DecisionWorkspace['blockers'][number];
function blockers(facts: PacketFacts): Blocker[] {
  const found: Blocker[] = [];
  if (facts.seat.assessors.some((a) => !a.submitted)) found.push('scoring-incomplete');
  if (facts.adjudication?.status === 'open') found.push('adjudication-open');
  if (facts.released) found.push('released');
  return found;
}

/** The window's policy (or the default rules) applied to the first two scorings, when there is no adjudication. */
function packetDiscrepancies(facts: PacketFacts, policy: ScoringPolicy | null) {
  if (facts.adjudication) return facts.adjudication.discrepancies;
  return scoringDiscrepancies(facts.manifest.rubric, facts.scorings, policy);
}

function scoringDiscrepancies(rubric: Rubric, scorings: readonly ScoringView[], policy: ScoringPolicy | null) {
  const [first, second] = scorings;
  if (!first || !second) return [];
  return findDiscrepancies(policy ?? ScoringPolicy.parse({}), rubric, first.record, second.record);
}

function suggested(rubric: Rubric, scorings: readonly ScoringView[]) {
  return mergeCandidateFeedback(
    rubric,
    scorings.map((s) => ({ scoreId: s.scoreId, assessorUsername: s.assessorUsername, record: s.record })),
  );
}

export async function decisionWorkspace(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  packetId: string,
): Promise<DecisionWorkspace> {
  const seat = await committeeSeat(hub, hub.db, principal, windowId, packetId);
  const facts = await packetFacts(hub.db, seat, packetId);
  const [summary, thread] = await Promise.all([
    packetSummary(hub.db, packetId),
    threadMessages(hub.db, windowId, packetId),
  ]);
  // The candidate's identity is for the standing committee only, never for assessors.
  const reveal = seat.standing ? await findReveal(hub.db, windowId, packetId) : undefined;
  const rubric = facts.manifest.rubric;
  return {
    windowId,
    packetId,
    pseudonym: summary!.pseudonym,
    credentialTitle: summary!.credentialTitle,
    rubric: { id: rubric.id, version: rubric.version },
    decisionTypes: seat.window.decisionTypes,
    assessors: seat.assessors,
    scorings: facts.scorings,
    discrepancies: packetDiscrepancies(facts, seat.window.scoringPolicy),
    adjudication: facts.adjudication
      ? { id: facts.adjudication.id, status: facts.adjudication.status, resolution: facts.resolution ?? null }
      : null,
    blockers: blockers(facts),
    thread,
    decision: facts.revisions.at(-1) ?? null,
    history: facts.revisions.slice(0, -1),
    suggestedFeedback: suggested(facts.manifest.rubric, facts.scorings),
    identity: reveal ?? null,
  };
}

// ── deciding ──────────────────────────────────────────────────────────────────────────────
/** The levels every scoring chose, or the criteria on which they differ. */
function agreedLevels(
  rubric: Rubric,
  scorings: readonly ScoringView[],
): { levels: CriterionScore[]; differ: string[] } {
  const levels: CriterionScore[] = [];
  const differ: string[] = [];
  for (const criterion of rubric.criteria) {
    const chosen = new Set(
      scorings.map((s) => s.record.criteria.find((c) => c.criterionId === criterion.id)?.levelId ?? ''),
    );
    const [only] = [...chosen];
    if (chosen.size === 1 && only) levels.push({ criterionId: criterion.id, levelId: only, rationale: '' });
    else if (chosen.size > 1) differ.push(criterion.id);
  }
  return { levels, differ };
}

function refuseWhileBlocked(facts: PacketFacts): void {
  const found = blockers(facts);
  if (found.includes('released')) {
    throw new ApiError(409, 'released', 'This decision has been released; a released decision never changes.');
  }
  if (found.includes('adjudication-open')) {
    throw new ApiError(409, 'adjudication-open', 'The adjudication of this packet is still open: resolve it first.');
  }
  if (found.includes('scoring-incomplete')) {
    const waiting = facts.seat.assessors.filter((a) => !a.submitted).map((a) => a.username);
    throw new ApiError(409, 'scoring-incomplete', `Scoring is not complete: waiting for ${waiting.join(', ')}.`);
  }
}

function feedbackProblems(rubric: Rubric, feedback: CandidateFeedback): Problem[] {
  return feedback.byCriterion.flatMap((entry, index) =>
    rubric.criteria.some((c) => c.id === entry.criterionId)
      ? []
      : [
          {
            path: `body.candidateFeedback.byCriterion[${index}].criterionId`,
            message: `rubric ${rubric.id} has no criterion "${entry.criterionId}"`,
          },
        ],
  );
}

/** The decision as every other part of Anchor reads it, from the type's outcome. */
function decisionOf(
  type: DecisionType,
  facts: PacketFacts,
  condition: z.output<typeof DecideRequest>['condition'],
): Decision | undefined {
  if (type.outcome !== 'unscorable') return { kind: type.outcome };
  if (condition) return { kind: 'unscorable', ...condition };
  const recommended = [facts.resolution?.decision, ...facts.scorings.map((s) => s.record.decision)];
  return recommended.find((d): d is Extract<Decision, { kind: 'unscorable' }> => d?.kind === 'unscorable');
}

async function recordDecision(
  tx: Queryable,
  input: {
    facts: PacketFacts;
    type: DecisionType;
    decision: Decision;
    criteria: CriterionScore[];
    feedback: CandidateFeedback;
    reason: string;
    actor: string | null;
    now: number;
  },
): Promise<string> {
  const { facts } = input;
  const windowId = facts.seat.window.id;
  const packetId = facts.manifest.packetId;
  const revision = (facts.revisions.at(-1)?.revision ?? 0) + 1;
  let id: string;
  try {
    id = await insertDecision(tx, {
      windowId,
      packetId,
      revision,
      decisionType: input.type,
      decision: input.decision,
      criteria: input.criteria,
      feedback: input.feedback,
      reason: input.reason,
      by: input.actor,
      at: input.now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(
        409,
        'decided-meanwhile',
        'Someone recorded a decision on this packet at the same moment; reload and decide again.',
      );
    }
    throw error;
  }
  await appendAudit(
    tx,
    {
      actor: input.actor,
      action: 'decision.record',
      subject: `packet:${packetId}`,
      detail: {
        windowId,
        decisionId: id,
        revision,
        decisionType: input.type.id,
        outcome: input.type.outcome,
        reason: input.reason,
      },
    },
    input.now,
  );
  return id;
}

/**
 * Records the chair's decision. Refused (409) while scoring is incomplete or the adjudication is
 * open, and once released; deciding again before release adds a revision and keeps the earlier
 * ones. Levels default to the resolution's, else the levels every scoring agrees on.
 */
export async function decide(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  packetId: string,
  input: z.output<typeof DecideRequest>,
): Promise<DecisionView> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    const seat = await deciderSeat(hub, tx, principal, windowId, packetId);
    // A validity packet measures the assessors against its masters; it has no candidate to decide for.
    if (await isValidityPacket(tx, windowId, packetId)) {
      throw new ApiError(409, 'validity-packet', 'This is a validity packet of the window: it is never decided.');
    }
    const facts = await packetFacts(tx, seat, packetId);
    refuseWhileBlocked(facts);
    const rubric = facts.manifest.rubric;
    const type = seat.window.decisionTypes.find((t) => t.id === input.decisionTypeId);
    if (!type) {
      throw invalid('Unknown decision type', [
        {
          path: 'body.decisionTypeId',
          message: `this window's decision types are ${seat.window.decisionTypes.map((t) => t.id).join(', ')}`,
        },
      ]);
    }
    const scored = type.outcome !== 'unscorable';
    let criteria = input.criteria ?? facts.resolution?.criteria;
    if (!criteria) {
      const agreed = agreedLevels(rubric, facts.scorings);
      if (scored && agreed.differ.length > 0) {
        throw invalid(
          'Levels needed',
          agreed.differ.map((id) => ({
            path: 'body.criteria',
            message: `the scorings differ on "${id}": give its final level`,
          })),
        );
      }
      criteria = scored ? agreed.levels : [];
    }
    const problems = [
      ...levelProblems(rubric, criteria, 'body.criteria', scored),
      ...feedbackProblems(rubric, input.candidateFeedback),
    ];
    const decision = decisionOf(type, facts, input.condition);
    if (!decision) {
      problems.push({
        path: 'body.condition',
        message: 'an unscorable decision needs its condition and an explanation',
      });
    }
    if (problems.length > 0) throw invalid('The decision does not fit the rubric', problems);
    await recordDecision(tx, {
      facts,
      type,
      decision: decision!,
      criteria,
      feedback: input.candidateFeedback,
      reason: input.reason,
      actor: principal.userId,
      now,
    });
    return (await decisionRevisions(tx, windowId, packetId)).at(-1)!;
  });
}

type BatchResult = BatchDecideResponse['results'][number];
type SkipReason = Extract<BatchResult, { outcome: 'skipped' }>['reason'];
type Skipped = { skip: SkipReason; detail: string };
type Agreed = Omit<Parameters<typeof insertFirstDecisions>[1]['decisions'][number], 'id' | 'packetId'>;

/**
 * Whether a batch may decide this packet, and the decision it would record: all assessors
 * submitted, no adjudication (open or resolved: a resolved packet is the chair's to decide by
 * hand), no discrepancy under the window's policy, one recommended decision, the same levels, no
 * decision yet. Otherwise the reason it is skipped, in the order a chair would fix them.
 */
function batchVerdict(
  window: WindowView,
  facts: BatchPacketFacts | undefined,
  manifest: PacketManifest | undefined,
): Skipped | Agreed {
  if (!facts || !manifest || facts.conflicted) return { skip: 'not-found', detail: 'No such packet in the window.' };
  if (facts.validity) return { skip: 'validity-packet', detail: 'A validity packet of the window: never decided.' };
  if (facts.released) return { skip: 'released', detail: 'Already released.' };
  if (facts.decided) return { skip: 'already-decided', detail: 'Already decided; re-decide it by hand.' };
  const waiting = facts.assessors.filter((a) => !a.submitted);
  if (waiting.length > 0) {
    return { skip: 'scoring-incomplete', detail: `Waiting for ${waiting.map((a) => a.username).join(', ')}.` };
  }
  if (facts.adjudication) {
    return { skip: 'adjudication-open', detail: `In adjudication (${facts.adjudication}): decide it by hand.` };
  }
  const rubric = manifest.rubric;
  const found = scoringDiscrepancies(rubric, facts.scorings, window.scoringPolicy);
  if (found.length > 0) {
    return { skip: 'discrepancy', detail: `The scorings disagree: ${found.map((d) => d.kind).join(', ')}.` };
  }
  const kinds = new Set(facts.scorings.map((s) => s.record.decision.kind));
  if (kinds.size !== 1)
    return { skip: 'decisions-differ', detail: `The scorings recommend ${[...kinds].join(' and ')}.` };
  const decision = facts.scorings[0]!.record.decision;
  const agreed = agreedLevels(rubric, facts.scorings);
  if (decision.kind !== 'unscorable' && (agreed.differ.length > 0 || agreed.levels.length < rubric.criteria.length)) {
    return { skip: 'levels-differ', detail: `The scorings differ on ${agreed.differ.join(', ') || 'some criteria'}.` };
  }
  const decisionType = typeForOutcome(window.decisionTypes, decision.kind);
  if (!decisionType) {
    return { skip: 'no-decision-type', detail: `The window has no decision type with the outcome ${decision.kind}.` };
  }
  return {
    decisionType,
    decision,
    criteria: decision.kind === 'unscorable' ? [] : agreed.levels,
    feedback: suggested(rubric, facts.scorings).suggested,
  };
}

/**
 * Decides every listed packet whose scorings agree (batchVerdict) and says why it skipped each
 * other one. One transaction for the whole batch: the facts of every packet read up front, the
 * decisions and their audit entries written in one statement each. The window's row is locked as
 * a release locks it, so a release never runs halfway through a batch and two batches of one
 * window run one after the other. A packet decided by hand meanwhile is skipped, not overwritten.
 */
export async function batchDecide(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  input: z.output<typeof BatchDecideRequest>,
): Promise<BatchDecideResponse> {
  const now = hub.now();
  const packetIds = [...new Set(input.packetIds)];
  const results = await hub.db.transaction(async (tx): Promise<BatchResult[]> => {
    const window = await findWindow(tx, windowId, now, true);
    if (!window) {
      return packetIds.map((packetId) => ({
        packetId,
        outcome: 'skipped',
        reason: 'not-found',
        detail: 'No such packet in the window.',
      }));
    }
    const facts = await batchPacketFacts(tx, windowId, packetIds, principal.userId);
    const manifests = await packetManifests(tx, [...facts.keys()]);
    const verdicts = packetIds.map((packetId) => ({
      packetId,
      verdict: batchVerdict(window, facts.get(packetId), manifests.get(packetId)),
    }));
    const toDecide = verdicts.flatMap(({ packetId, verdict }) =>
      'skip' in verdict ? [] : [{ ...verdict, packetId, id: randomUUID() }],
    );
    const recorded = await insertFirstDecisions(tx, {
      windowId,
      reason: input.reason,
      by: principal.userId,
      at: now,
      decisions: toDecide,
    });
    const decisionIds = new Map(toDecide.filter((d) => recorded.has(d.packetId)).map((d) => [d.packetId, d]));
    await appendAudits(
      tx,
      [...decisionIds.values()].map((d) => ({
        actor: principal.userId,
        action: 'decision.record' as const,
        subject: `packet:${d.packetId}`,
        detail: {
          windowId,
          decisionId: d.id,
          revision: 1,
          decisionType: d.decisionType.id,
          outcome: d.decisionType.outcome,
          reason: input.reason,
          batch: true,
        },
      })),
      now,
    );
    return verdicts.map(({ packetId, verdict }): BatchResult => {
      if ('skip' in verdict) return { packetId, outcome: 'skipped', reason: verdict.skip, detail: verdict.detail };
      const recordedDecision = decisionIds.get(packetId);
      if (!recordedDecision) {
        return {
          packetId,
          outcome: 'skipped',
          reason: 'already-decided',
          detail: 'Someone decided it by hand meanwhile; re-decide it by hand.',
        };
      }
      return { packetId, outcome: 'decided', decisionId: recordedDecision.id };
    });
  });
  const decided = results.filter((r) => r.outcome === 'decided').length;
  return { results, decided, skipped: results.length - decided };
}
