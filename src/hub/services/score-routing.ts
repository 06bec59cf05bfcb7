import { discrepancies, ScoringPolicy, secondScoringReasons } from '../../shared/committee/policy';
import { ScoreRecord } from '../../shared/domain/score';
import type { PacketManifest } from '../../shared/packet/manifest';
import type { HubContext } from '../context';
import type { Queryable } from '../db/db';
import { assignmentsInWindow, insertAssignment, listAssessors } from '../store/assignments';
import { appendAudit } from '../store/audit';
import { conflictedAssessors } from '../store/conflicts';
import { holdsQualification } from '../store/norming';
import { packetManifests } from '../store/packets';
import {
  hasAdjudication,
  hasSecondScoringDecision,
  insertAdjudication,
  insertSecondScoringDecision,
  policyWindowsOf,
  windowScorings,
} from '../store/scoring-quality';

/**
 * Applies review windows' scoring policies as scores arrive: on a packet's first scoring the
 * policy decides whether a second, blind, independent assessor scores it too (and assigns one),
 * recording which rule selected it; when the second scoring arrives, a disagreement beyond the
 * policy opens an adjudication. Runs after the upload is acknowledged, one packet at a time, so
 * the upload path (and its burst budget) pays nothing for it. Returns a stop function that waits
 * for the routing under way.
 */
export function startScoreRouting(hub: HubContext): () => Promise<void> {
  const chains = new Map<string, Promise<void>>();
  // Whether any window has a policy, known once and forgotten when windows change: most hubs have
  // none, and a query per upload would compete with a burst of uploads for the database.
  let anyPolicy: Promise<boolean> | undefined;
  const stopWatching = hub.events.onPoliciesChanged(() => (anyPolicy = undefined));
  const unsubscribe = hub.events.subscribe((event) => {
    if (event.type !== 'score.received') return;
    anyPolicy ??= hasAnyPolicy(hub.db).catch((error: unknown) => {
      anyPolicy = undefined;
      throw error;
    });
    const previous = chains.get(event.packetId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        if (await anyPolicy) await routeAfterScore(hub, event.packetId, event.assessorId);
      })
      .catch((error: unknown) =>
        hub.log('score routing failed', {
          packetId: event.packetId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    chains.set(event.packetId, next);
    void next.then(() => {
      if (chains.get(event.packetId) === next) chains.delete(event.packetId);
    });
  });
  return async () => {
    unsubscribe();
    stopWatching();
    await Promise.all(chains.values());
  };
}

async function hasAnyPolicy(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ any: boolean }>(
    'select exists (select 1 from review_windows where scoring_policy is not null) as any',
  );
  return rows[0]?.any === true;
}

export async function routeAfterScore(hub: HubContext, packetId: string, assessorId: string): Promise<void> {
  for (const window of await policyWindowsOf(hub.db, packetId, assessorId)) {
    const policy = ScoringPolicy.parse(window.policy);
    let adjudicationId: string | undefined;
    const created = await hub.db.transaction(async (tx) => {
      const manifest = (await packetManifests(tx, [packetId])).get(packetId);
      if (!manifest) return undefined;
      const scorings = await windowScorings(tx, window.id, packetId);
      const now = hub.now();
      let assignment: Awaited<ReturnType<typeof insertAssignment>> | undefined;
      if (scorings.length >= 1 && !(await hasSecondScoringDecision(tx, window.id, packetId))) {
        assignment = await routeSecondScoring(tx, { window, policy, manifest, first: scorings[0]!, now });
      }
      if (scorings.length >= 2 && !(await hasAdjudication(tx, window.id, packetId))) {
        const [first, second] = [ScoreRecord.parse(scorings[0]!.record), ScoreRecord.parse(scorings[1]!.record)];
        const found = discrepancies(policy, manifest.rubric, first, second);
        if (found.length > 0) {
          const scoreIds = [scorings[0]!.id, scorings[1]!.id];
          const id = (adjudicationId = await insertAdjudication(tx, {
            windowId: window.id,
            packetId,
            scoreIds,
            discrepancies: found,
            at: now,
          }));
          await appendAudit(
            tx,
            {
              actor: null,
              action: 'adjudication.open',
              subject: `packet:${packetId}`,
              detail: { adjudicationId: id, windowId: window.id, discrepancies: found },
            },
            now,
          );
        }
      }
      return assignment;
    });
    if (adjudicationId) {
      hub.events.publish({ type: 'adjudication.opened', adjudicationId, windowId: window.id, packetId });
    }
    if (created) {
      hub.events.publish({
        type: 'assignment.created',
        assignmentId: created.id,
        windowId: created.windowId,
        packetId: created.packetId,
        assessorId: created.assessorId,
      });
    }
  }
}

/** Decides, once per packet and window, whether a second assessor scores it, and assigns one if so. */
async function routeSecondScoring(
  tx: Queryable,
  input: {
    window: { id: string; requiredQualification: string | null };
    policy: ScoringPolicy;
    manifest: PacketManifest;
    first: { id: string; record: unknown };
    now: number;
  },
) {
  const { window, policy, manifest, now } = input;
  const packetId = manifest.packetId;
  const reasons = secondScoringReasons(policy, {
    windowId: window.id,
    packetId,
    attempt: manifest.attempt.number,
    rubric: manifest.rubric,
    first: ScoreRecord.parse(input.first.record),
  });
  let note: string | null = null;
  let assignment: Awaited<ReturnType<typeof insertAssignment>> | undefined;
  if (reasons.length > 0) {
    const inWindow = await assignmentsInWindow(tx, window.id);
    const already = inWindow.get(packetId) ?? new Set<string>();
    if (already.size >= 2) {
      note = 'a second assessor was already assigned';
    } else {
      const second = await pickSecondAssessor(tx, {
        windowId: window.id,
        packetId,
        already,
        inWindow,
        requiredQualification: window.requiredQualification,
        now,
      });
      if (second) {
        assignment = await insertAssignment(
          tx,
          { windowId: window.id, packetId, assessorId: second.id, assessorUsername: second.username, assignedBy: null },
          now,
        );
        await appendAudit(
          tx,
          {
            actor: null,
            action: 'assignment.create',
            subject: `packet:${packetId}`,
            detail: { ...assignment, secondScoring: reasons },
          },
          now,
        );
      } else {
        note = 'no eligible assessor: every other assessor is assigned already, conflicted, disabled or not qualified';
      }
    }
  }
  await insertSecondScoringDecision(tx, {
    windowId: window.id,
    packetId,
    firstScoreId: input.first.id,
    reasons,
    assignmentId: assignment?.id ?? null,
    note,
    at: now,
  });
  await appendAudit(
    tx,
    {
      actor: null,
      action: 'second-scoring.route',
      subject: `packet:${packetId}`,
      detail: { windowId: window.id, reasons, note },
    },
    now,
  );
  return assignment;
}

/** The eligible assessor with the fewest assignments in the window: never one already on the packet, conflicted or unqualified. */
async function pickSecondAssessor(
  tx: Queryable,
  input: {
    windowId: string;
    packetId: string;
    already: ReadonlySet<string>;
    inWindow: Map<string, Set<string>>;
    requiredQualification: string | null;
    now: number;
  },
): Promise<{ id: string; username: string } | undefined> {
  const conflicted = (await conflictedAssessors(tx, [input.packetId])).get(input.packetId) ?? new Set<string>();
  const load = new Map<string, number>();
  for (const assessors of input.inWindow.values()) for (const id of assessors) load.set(id, (load.get(id) ?? 0) + 1);
  const candidates = (await listAssessors(tx))
    .filter((a) => !input.already.has(a.id) && !conflicted.has(a.id))
    .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.username.localeCompare(b.username));
  for (const candidate of candidates) {
    if (
      input.requiredQualification &&
      !(await holdsQualification(tx, candidate.id, input.requiredQualification, input.now))
    )
      continue;
    return candidate;
  }
  return undefined;
}
