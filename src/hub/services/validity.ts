import { ScoringPolicy } from '../../shared/committee/policy';
import { validityNeeded } from '../../shared/committee/scorer-quality';
import type { AssignmentRecord } from '../../shared/contract/hub-api';
import type { MarkValidityRequest, ValidityList, ValidityPacketView } from '../../shared/contract/scorer-quality';
import type { HubContext } from '../context';
import type { Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { assignmentsInWindow } from '../store/assignments';
import { appendAudit } from '../store/audit';
import { conflictedAssessors, isConflicted } from '../store/conflicts';
import { isAnchorPacket } from '../store/norming';
import { packetManifests } from '../store/packets';
import {
  hasAssignmentsInWindow,
  isValidityPacket,
  listValidityPackets,
  upsertValidityPacket,
  validityPacketIds,
} from '../store/validity';
import { findWindow } from '../store/windows';

// Validity packets (issue 12, part 8): packets with known master levels, seeded into assessors'
// live queues so each assessor's accuracy can be measured on work they cannot tell from live work.
//
// How they stay indistinguishable: a validity packet is an ordinary uploaded packet (its own
// pseudonym, uuid and evidence) and its assignments are ordinary assignment rows, created by the
// same automatic assignment, in the same transaction, with the same timestamp and audit entry as
// the live ones of that run. Which packets are validity packets is kept only in validity_packets,
// which no assessor-facing route reads; the assessor's queue, packet, evidence and score routes
// answer as for any packet. What differs happens after the upload and out of the assessor's sight:
// the score is never routed to a second scorer or an adjudicator (score-routing skips the window),
// never listed on the dashboard, never decided or released, and is compared with the masters.

export async function listValidity(hub: HubContext, windowId: string, viewerId: string): Promise<ValidityList> {
  const window = await findWindow(hub.db, windowId, hub.now());
  if (!window) throw notFound('The review window');
  return {
    rate: window.scoringPolicy?.validity.rate ?? 0,
    packets: await listValidityPackets(hub.db, windowId, viewerId),
  };
}

/**
 * Marks a packet as a validity packet of the window with its masters (or corrects the masters of
 * one). The masters must name every criterion of the packet's rubric once, each with one of its
 * levels. A packet already assigned as live work in the window cannot become a validity packet:
 * its scorings would silently stop counting.
 */
export async function markValidityPacket(
  hub: HubContext,
  input: { windowId: string; packetId: string; request: MarkValidityRequest },
  actor: string,
): Promise<ValidityPacketView> {
  const now = hub.now();
  const { windowId, packetId, request } = input;
  return hub.db.transaction(async (tx) => {
    const window = await findWindow(tx, windowId, now, true);
    if (!window) throw notFound('The review window');
    const manifest = (await packetManifests(tx, [packetId])).get(packetId);
    if (!manifest || (await isConflicted(tx, actor, packetId))) throw notFound('The packet');
    if (await isAnchorPacket(tx, packetId)) {
      throw new ApiError(409, 'anchor-packet', 'This packet is a norming anchor: it is never put in live queues.');
    }
    const already = await isValidityPacket(tx, windowId, packetId);
    if (!already && (await hasAssignmentsInWindow(tx, windowId, packetId))) {
      throw new ApiError(
        409,
        'assigned-live',
        `This packet is already assigned as live work in "${window.name}": its scorings would stop counting. ` +
          'Choose a packet not yet assigned in the window.',
      );
    }
    const problems = masterProblems(manifest.rubric.criteria, request.masters);
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'invalid-masters',
        `The masters do not fit the packet's rubric: ${problems.map((p) => p.message).join('; ')}`,
        {
          problems,
        },
      );
    }
    await upsertValidityPacket(tx, { windowId, packetId, request, by: actor, at: now });
    await appendAudit(
      tx,
      {
        actor,
        action: 'validity.mark',
        subject: `packet:${packetId}`,
        detail: { windowId, masters: request.masters, decision: request.decision, corrected: already },
      },
      now,
    );
    const view = (await listValidityPackets(tx, windowId, actor)).find((p) => p.packetId === packetId);
    return view!;
  });
}

function masterProblems(
  criteria: readonly { id: string; levels: readonly { id: string }[] }[],
  masters: MarkValidityRequest['masters'],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  masters.forEach((master, i) => {
    const criterion = criteria.find((c) => c.id === master.criterionId);
    if (!criterion)
      problems.push({ path: `body.masters.${i}.criterionId`, message: `no criterion ${master.criterionId}` });
    else if (!criterion.levels.some((l) => l.id === master.levelId))
      problems.push({
        path: `body.masters.${i}.levelId`,
        message: `${master.criterionId} has no level ${master.levelId}`,
      });
    if (seen.has(master.criterionId))
      problems.push({ path: `body.masters.${i}.criterionId`, message: `${master.criterionId} is named twice` });
    seen.add(master.criterionId);
  });
  for (const criterion of criteria)
    if (!seen.has(criterion.id))
      problems.push({ path: 'body.masters', message: `no master level for ${criterion.id}` });
  return problems;
}

/**
 * Seeds validity packets into the queues of the given assessors (eligible, unpaused) inside an
 * automatic assignment's transaction, so each queue holds the policy's share of them: after the
 * live assignments of the run, each assessor with live work gets validityNeeded(rate, live,
 * validity) more, choosing the validity packets they do not hold yet and are not conflicted with,
 * those in the fewest queues first (so every validity packet gathers comparisons). The rows are
 * inserted and audited exactly as the live ones are (`record` is the caller's insert-and-audit).
 */
export async function seedValidityPackets(
  tx: Queryable,
  input: {
    windowId: string;
    policy: ScoringPolicy | null;
    assessors: readonly { id: string; username: string }[];
    record: (assignment: {
      packetId: string;
      assessorId: string;
      assessorUsername: string;
    }) => Promise<AssignmentRecord>;
  },
): Promise<AssignmentRecord[]> {
  const rate = input.policy ? ScoringPolicy.parse(input.policy).validity.rate : 0;
  if (rate <= 0) return [];
  const validity = await validityPacketIds(tx, input.windowId);
  if (validity.length === 0) return [];
  const validitySet = new Set(validity);
  const inWindow = await assignmentsInWindow(tx, input.windowId);
  const conflicts = await conflictedAssessors(tx, validity);
  const holders = new Map(validity.map((id) => [id, inWindow.get(id)?.size ?? 0]));
  const created: AssignmentRecord[] = [];
  for (const assessor of input.assessors) {
    let live = 0;
    let held = 0;
    for (const [packetId, assessors] of inWindow) {
      if (!assessors.has(assessor.id)) continue;
      if (validitySet.has(packetId)) held += 1;
      else live += 1;
    }
    const need = validityNeeded(rate, live, held);
    if (need === 0) continue;
    const choices = validity
      .filter((id) => !inWindow.get(id)?.has(assessor.id) && !conflicts.get(id)?.has(assessor.id))
      .sort((a, b) => holders.get(a)! - holders.get(b)! || a.localeCompare(b))
      .slice(0, need);
    for (const packetId of choices) {
      created.push(await input.record({ packetId, assessorId: assessor.id, assessorUsername: assessor.username }));
      holders.set(packetId, holders.get(packetId)! + 1);
    }
  }
  return created;
}
