import { randomInt } from 'node:crypto';
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
  assessorsEverAssigned,
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
// pseudonym, uuid and evidence) and its assignments are ordinary assignment rows, created wherever
// a live queue grows (automatic or manual assignment, second-scoring routing: a scorer whose queue
// grows only by hand or by second scorings still gets them, as ETS and Pearson seed validity papers
// into every scorer's live stream), in the same transaction, with the same timestamp and audit
// entry as the live ones of that change. Which packets are validity packets is kept only in validity_packets,
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

export interface ValidityPick {
  packetId: string;
  assessorId: string;
  assessorUsername: string;
}

/**
 * Which validity packets the given assessors' queues need so each holds the policy's share of them,
 * counting the assignments already in the window (so call it after the live assignments of the same
 * transaction are written): each assessor with live work gets validityNeeded(rate, live, validity)
 * more, never a validity packet they ever held (in any window: a score belongs to the packet and
 * the assessor, so a second copy would tell) nor one they are conflicted with, those in the fewest
 * queues first (so every validity packet gathers comparisons). The assessors must be eligible and
 * unpaused: the caller chose them for live work.
 */
export async function chooseValidityPackets(
  tx: Queryable,
  input: { windowId: string; policy: ScoringPolicy | null; assessors: readonly { id: string; username: string }[] },
): Promise<ValidityPick[]> {
  const rate = input.policy ? ScoringPolicy.parse(input.policy).validity.rate : 0;
  if (rate <= 0 || input.assessors.length === 0) return [];
  const validity = await validityPacketIds(tx, input.windowId);
  if (validity.length === 0) return [];
  const validitySet = new Set(validity);
  const [inWindow, everHeld, conflicts] = await Promise.all([
    assignmentsInWindow(tx, input.windowId),
    assessorsEverAssigned(tx, validity),
    conflictedAssessors(tx, validity),
  ]);
  const holders = new Map(validity.map((id) => [id, inWindow.get(id)?.size ?? 0]));
  const picks: ValidityPick[] = [];
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
      .filter((id) => !everHeld.get(id)?.has(assessor.id) && !conflicts.get(id)?.has(assessor.id))
      .sort((a, b) => holders.get(a)! - holders.get(b)! || a.localeCompare(b))
      .slice(0, need);
    for (const packetId of choices) {
      picks.push({ packetId, assessorId: assessor.id, assessorUsername: assessor.username });
      holders.set(packetId, holders.get(packetId)! + 1);
      // The same assessor may be listed twice (a bulk run): the next turn sees this pick.
      inWindow.set(packetId, new Set([...(inWindow.get(packetId) ?? []), assessor.id]));
      everHeld.set(packetId, new Set([...(everHeld.get(packetId) ?? []), assessor.id]));
    }
  }
  return picks;
}

/**
 * Seeds validity packets into the queues of the given assessors (chooseValidityPackets) inside the
 * transaction that gave them live work. The rows are inserted and audited exactly as the live ones
 * are (`record` is the caller's insert-and-audit), so nothing in the queue, its timestamps or the
 * audit entry tells them apart.
 */
export async function seedValidityPackets(
  tx: Queryable,
  input: {
    windowId: string;
    policy: ScoringPolicy | null;
    assessors: readonly { id: string; username: string }[];
    record: (assignment: ValidityPick) => Promise<AssignmentRecord>;
  },
): Promise<AssignmentRecord[]> {
  const created: AssignmentRecord[] = [];
  for (const pick of await chooseValidityPackets(tx, input)) created.push(await input.record(pick));
  return created;
}

/**
 * The records in random order, for announcing assignments: events in creation order would put the
 * validity packets seeded after the live work last, and that order would tell them apart.
 */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
