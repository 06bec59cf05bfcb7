import { discrepancies, ScoringPolicy, secondScoringReasons } from '../../shared/committee/policy';
import { ScoreRecord } from '../../shared/domain/score';
import type { HubContext } from '../context';
import type { Queryable } from '../db/db';
import { randomUUID } from 'node:crypto';
import { assignmentsInWindow, listAssessors } from '../store/assignments';
import { findWindow } from '../store/windows';
import { appendAudits, type AuditEntry } from '../store/audit';
import { conflictedAssessors } from '../store/conflicts';
import { holdsQualification } from '../store/norming';
import { packetManifests } from '../store/packets';
import {
  insertAdjudication,
  insertAssignmentRows,
  insertSecondScoringDecisions,
  policyWindowsOfMany,
  routedAlready,
  windowScoringsOf,
} from '../store/scoring-quality';
import { pausedAssessors } from '../store/validity';
import { chooseValidityPackets, shuffled } from './validity';

/**
 * Applies review windows' scoring policies as scores arrive: on a packet's first scoring the
 * policy decides whether a second, blind, independent assessor scores it too (and assigns one),
 * recording which rule selected it; when the second scoring arrives, a disagreement beyond the
 * policy opens an adjudication. Runs after the upload is acknowledged, so the upload path (and its
 * burst budget) pays nothing for it. Submissions that arrive while a routing pass runs wait and are
 * routed together in the next pass, one transaction per window, in a fixed number of statements:
 * a burst of 1,000 uploads costs a few passes, not 1,000 round trips each. Returns a stop function
 * that waits for the routing under way.
 */
export function startScoreRouting(hub: HubContext): () => Promise<void> {
  let pending: Submission[] = [];
  let chain: Promise<void> = Promise.resolve();
  let scheduled = false;
  // Whether any window has a policy, known once and forgotten when windows change: most hubs have
  // none, and a query per upload would compete with a burst of uploads for the database.
  let anyPolicy: Promise<boolean> | undefined;
  const stopWatching = hub.events.onPoliciesChanged(() => (anyPolicy = undefined));
  const unsubscribe = hub.events.subscribe((event) => {
    if (event.type !== 'score.received') return;
    pending.push({ packetId: event.packetId, assessorId: event.assessorId });
    if (scheduled) return;
    scheduled = true;
    chain = chain.then(async () => {
      scheduled = false;
      const batch = pending;
      pending = [];
      try {
        anyPolicy ??= hasAnyPolicy(hub.db).catch((error: unknown) => {
          anyPolicy = undefined;
          throw error;
        });
        if (await anyPolicy) await routeAfterScores(hub, batch);
      } catch (error) {
        hub.log('score routing failed', {
          packetIds: [...new Set(batch.map((s) => s.packetId))],
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
  return async () => {
    unsubscribe();
    stopWatching();
    await chain;
  };
}

export interface Submission {
  packetId: string;
  assessorId: string;
}

async function hasAnyPolicy(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ any: boolean }>(
    'select exists (select 1 from review_windows where scoring_policy is not null) as any',
  );
  return rows[0]?.any === true;
}

/** Routes one submission (see routeAfterScores). */
export async function routeAfterScore(hub: HubContext, packetId: string, assessorId: string): Promise<void> {
  await routeAfterScores(hub, [{ packetId, assessorId }]);
}

/**
 * Routes a batch of submissions: for each window with a policy in which a submitting assessor is
 * assigned the packet, each packet once, in the order first submitted. Per window one transaction
 * reads everything it needs up front (manifests, scorings, what was routed already, the window's
 * assignments, conflicts, assessors) and writes assignments, second-scoring decisions, adjudications
 * and audit rows in bulk; the second assessor's choice counts the assignments made earlier in the batch.
 */
export async function routeAfterScores(hub: HubContext, submissions: readonly Submission[]): Promise<void> {
  if (submissions.length === 0) return;
  const windows = new Map<string, { policy: unknown; requiredQualification: string | null; packetIds: string[] }>();
  for (const row of await policyWindowsOfMany(hub.db, submissions)) {
    const window = windows.get(row.id) ?? {
      policy: row.policy,
      requiredQualification: row.requiredQualification,
      packetIds: [],
    };
    window.packetIds.push(row.packetId);
    windows.set(row.id, window);
  }
  const order = new Map<string, number>();
  submissions.forEach((s, i) => order.has(s.packetId) || order.set(s.packetId, i));
  for (const [windowId, window] of windows) {
    const packetIds = [...new Set(window.packetIds)].sort((a, b) => order.get(a)! - order.get(b)!);
    const { created, adjudications } = await hub.db.transaction((tx) =>
      routeWindow(tx, {
        window: { id: windowId, requiredQualification: window.requiredQualification },
        policy: ScoringPolicy.parse(window.policy),
        packetIds,
        now: hub.now(),
      }),
    );
    for (const assignment of created) {
      hub.events.publish({ type: 'assignment.created', ...assignment });
    }
    for (const opened of adjudications) hub.events.publish({ type: 'adjudication.opened', ...opened });
  }
}

type Created = { assignmentId: string; windowId: string; packetId: string; assessorId: string };
type Opened = { adjudicationId: string; windowId: string; packetId: string };

async function routeWindow(
  tx: Queryable,
  input: {
    window: { id: string; requiredQualification: string | null };
    policy: ScoringPolicy;
    packetIds: string[];
    now: number;
  },
): Promise<{ created: Created[]; adjudications: Opened[] }> {
  const { window, policy, packetIds, now } = input;
  // The window's row lock, as automatic and manual assignment take it: each counts the assessors'
  // queues (the least-loaded pick, validity seeding), so they take turns rather than count the same snapshot.
  await findWindow(tx, window.id, now, true);
  const adjudications: Opened[] = [];
  const [manifests, scoringsByPacket, routed] = await Promise.all([
    packetManifests(tx, packetIds),
    windowScoringsOf(tx, window.id, packetIds),
    routedAlready(tx, window.id, packetIds),
  ]);
  const audits: AuditEntry[] = [];
  const decisions: Parameters<typeof insertSecondScoringDecisions>[1][number][] = [];
  const assignments: {
    id: string;
    windowId: string;
    packetId: string;
    assessorId: string;
    assessorUsername: string;
  }[] = [];
  let picker: SecondAssessorPicker | undefined;
  for (const packetId of packetIds) {
    const manifest = manifests.get(packetId);
    const scorings = scoringsByPacket.get(packetId) ?? [];
    if (!manifest) continue;
    if (scorings.length >= 1 && !routed.decided.has(packetId)) {
      const reasons = secondScoringReasons(policy, {
        windowId: window.id,
        packetId,
        attempt: manifest.attempt.number,
        rubric: manifest.rubric,
        first: ScoreRecord.parse(scorings[0]!.record),
      });
      let note: string | null = null;
      let assignmentId: string | null = null;
      if (reasons.length > 0) {
        picker ??= await secondAssessorPicker(tx, window, packetIds, now);
        const pick = await picker.pick(packetId);
        if (pick.kind === 'note') note = pick.note;
        else {
          assignmentId = randomUUID();
          const row = {
            id: assignmentId,
            windowId: window.id,
            packetId,
            assessorId: pick.assessor.id,
            assessorUsername: pick.assessor.username,
          };
          assignments.push(row);
          audits.push({
            actor: null,
            action: 'assignment.create',
            subject: `packet:${packetId}`,
            detail: { ...row, assignedAt: new Date(now).toISOString(), secondScoring: reasons },
          });
        }
      }
      decisions.push({ windowId: window.id, packetId, firstScoreId: scorings[0]!.id, reasons, assignmentId, note });
      audits.push({
        actor: null,
        action: 'second-scoring.route',
        subject: `packet:${packetId}`,
        detail: { windowId: window.id, reasons, note },
      });
    }
    if (scorings.length >= 2 && !routed.adjudicated.has(packetId)) {
      const [first, second] = [ScoreRecord.parse(scorings[0]!.record), ScoreRecord.parse(scorings[1]!.record)];
      const found = discrepancies(policy, manifest.rubric, first, second);
      if (found.length > 0) {
        const id = await insertAdjudication(tx, {
          windowId: window.id,
          packetId,
          scoreIds: [scorings[0]!.id, scorings[1]!.id],
          discrepancies: found,
          at: now,
        });
        audits.push({
          actor: null,
          action: 'adjudication.open',
          subject: `packet:${packetId}`,
          detail: { adjudicationId: id, windowId: window.id, discrepancies: found },
        });
        adjudications.push({ adjudicationId: id, windowId: window.id, packetId });
      }
    }
  }
  // Assignments first: second_scoring rows name them.
  await insertAssignmentRows(tx, assignments, now);
  // A queue that grows by second scorings gets its validity packets too: in this transaction, at
  // this instant, with the same audit entry's keys (services/validity.ts says why).
  const seeded = (
    await chooseValidityPackets(tx, {
      windowId: window.id,
      policy,
      assessors: [
        ...new Map(assignments.map((a) => [a.assessorId, { id: a.assessorId, username: a.assessorUsername }])).values(),
      ],
    })
  ).map((pick) => ({ id: randomUUID(), windowId: window.id, ...pick }));
  await insertAssignmentRows(tx, seeded, now);
  for (const row of seeded) {
    audits.push({
      actor: null,
      action: 'assignment.create',
      subject: `packet:${row.packetId}`,
      detail: { ...row, assignedAt: new Date(now).toISOString(), secondScoring: [] },
    });
  }
  await insertSecondScoringDecisions(tx, decisions, now);
  await appendAudits(tx, audits, now);
  const created = shuffled([...assignments, ...seeded]).map((a) => ({
    assignmentId: a.id,
    windowId: a.windowId,
    packetId: a.packetId,
    assessorId: a.assessorId,
  }));
  return { created, adjudications };
}

interface SecondAssessorPicker {
  pick(
    packetId: string,
  ): Promise<{ kind: 'assessor'; assessor: { id: string; username: string } } | { kind: 'note'; note: string }>;
}

/**
 * Chooses second assessors for a window's packets: the eligible assessor with the fewest
 * assignments in the window, never one already on the packet, conflicted, paused or unqualified. Reads the
 * window's assignments, the packets' conflicts and the assessors once; counts each pick at once,
 * so a batch spreads its picks as picks one at a time would.
 */
async function secondAssessorPicker(
  tx: Queryable,
  window: { id: string; requiredQualification: string | null },
  packetIds: readonly string[],
  now: number,
): Promise<SecondAssessorPicker> {
  const [inWindow, conflicts, assessors, paused] = await Promise.all([
    assignmentsInWindow(tx, window.id),
    conflictedAssessors(tx, packetIds),
    listAssessors(tx),
    // A paused assessor is not picked for second scoring.
    pausedAssessors(tx, window.id, now),
  ]);
  const load = new Map<string, number>();
  for (const ids of inWindow.values()) for (const id of ids) load.set(id, (load.get(id) ?? 0) + 1);
  const qualified = new Map<string, boolean>();
  return {
    async pick(packetId) {
      const already = inWindow.get(packetId) ?? new Set<string>();
      if (already.size >= 2) return { kind: 'note', note: 'a second assessor was already assigned' };
      const conflicted = conflicts.get(packetId) ?? new Set<string>();
      const candidates = assessors
        .filter((a) => !already.has(a.id) && !conflicted.has(a.id) && !paused.has(a.id))
        .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.username.localeCompare(b.username));
      for (const candidate of candidates) {
        if (window.requiredQualification) {
          if (!qualified.has(candidate.id)) {
            qualified.set(candidate.id, await holdsQualification(tx, candidate.id, window.requiredQualification, now));
          }
          if (!qualified.get(candidate.id)) continue;
        }
        already.add(candidate.id);
        inWindow.set(packetId, already);
        load.set(candidate.id, (load.get(candidate.id) ?? 0) + 1);
        return { kind: 'assessor', assessor: candidate };
      }
      return {
        kind: 'note',
        note: 'no eligible assessor: every other assessor is assigned already, conflicted, disabled, paused or not qualified',
      };
    },
  };
}
