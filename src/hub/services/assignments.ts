import type { z } from 'zod';
import type { AssignmentRecord, AutoAssignRequest, CreateAssignmentRequest } from '../../shared/contract/hub-api';
import type { HubContext } from '../context';
import { isUniqueViolation, type Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import {
  assignmentsInWindow,
  deleteAssignment,
  insertAssignment,
  listAssessors,
  lockAssignmentPair,
} from '../store/assignments';
import { conflictedAssessors } from '../store/conflicts';
import { holdsQualification, isAnchorPacket } from '../store/norming';
import { findPacket } from '../store/packets';
import { findWindow } from '../store/windows';
import { pausedAssessors, validityPacketIds } from '../store/validity';
import { requireEligibleAssessor } from './eligibility';
import { scoreRevisions } from './scores';
import { seedValidityPackets, shuffled } from './validity';

/** Assigns one packet to one assessor by hand, refusing declared conflicts and closed windows. */
export async function assignManually(
  hub: HubContext,
  input: z.output<typeof CreateAssignmentRequest>,
  actor: string | null,
): Promise<AssignmentRecord> {
  const now = hub.now();
  const created = await hub.db.transaction(async (tx) => {
    // Locked: seeding below counts the assessor's queue, and so do routing and automatic assignment.
    const window = await requireAssignableWindow(tx, input.windowId, now, true);
    if (!(await findPacket(tx, input.packetId))) throw notFound('The packet');
    if (await isAnchorPacket(tx, input.packetId)) {
      throw new ApiError(
        409,
        'anchor-packet',
        'This packet is an anchor of a norming session: it is never assigned for live scoring.',
      );
    }
    const assessor = await requireEligibleAssessor(tx, {
      assessorId: input.assessorId,
      packetId: input.packetId,
      window,
      now,
    });
    let record: AssignmentRecord;
    try {
      record = await insertAssignment(tx, { ...input, assessorUsername: assessor.username, assignedBy: actor }, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ApiError(
        409,
        'already-assigned',
        `The packet is already assigned to ${assessor.username} in this window.`,
      );
    }
    await audit(tx, actor, record, now, 'manual');
    // A queue that grows by hand gets its validity packets as one filled automatically does: in this
    // transaction, at this instant, audited as this assignment (services/validity.ts says why).
    const seeded = await seedValidityPackets(tx, {
      windowId: input.windowId,
      policy: window.scoringPolicy,
      assessors: [assessor],
      record: async (assignment) => {
        const seededRecord = await insertAssignment(
          tx,
          { ...assignment, windowId: input.windowId, assignedBy: actor },
          now,
        );
        await audit(tx, actor, seededRecord, now, 'manual');
        return seededRecord;
      },
    });
    return { record, seeded };
  });
  publish(hub, shuffled([created.record, ...created.seeded]));
  return created.record;
}

export interface AutoAssignOutcome {
  created: AssignmentRecord[];
  shortfalls: { packetId: string; missing: number; reason: string }[];
}

/**
 * Gives every packet `assessorsPerPacket` assessors in the window, always choosing among the
 * eligible assessors the one with the fewest assignments in the window so far (ties by username,
 * so the result is reproducible). Eligible: an enabled account with the assessor role, not
 * already on the packet, and no declared conflict with the packet's school or district. Runs with
 * the window row locked, so two concurrent runs cannot both fill the same gap.
 */
export async function assignAutomatically(
  hub: HubContext,
  input: z.output<typeof AutoAssignRequest>,
  actor: string | null,
): Promise<AutoAssignOutcome> {
  const now = hub.now();
  const outcome = await hub.db.transaction(async (tx) => {
    const window = await requireAssignableWindow(tx, input.windowId, now, true);
    const packetIds = await packetsToAssign(tx, input.packetIds, await validityPacketIds(tx, input.windowId));
    // Paused assessors get no new work; they are neither counted as unqualified nor offered.
    const paused = await pausedAssessors(tx, input.windowId, now);
    const qualified = await qualifiedFor(tx, await listAssessors(tx), window.requiredQualification, now);
    const assessors = qualified.filter((a) => !paused.has(a.id));
    const unqualified = (await listAssessors(tx)).length - qualified.length;
    const pausedCount = qualified.length - assessors.length;
    const existing = await assignmentsInWindow(tx, input.windowId);
    const conflicts = await conflictedAssessors(tx, packetIds);
    const load = new Map(assessors.map((a) => [a.id, 0]));
    for (const assigned of existing.values()) for (const id of assigned) load.set(id, (load.get(id) ?? 0) + 1);

    const result: AutoAssignOutcome = { created: [], shortfalls: [] };
    for (const packetId of packetIds) {
      const already = existing.get(packetId) ?? new Set<string>();
      const need = input.assessorsPerPacket - already.size;
      if (need <= 0) continue;
      const conflicted = conflicts.get(packetId) ?? new Set<string>();
      const eligible = assessors
        .filter((a) => !already.has(a.id) && !conflicted.has(a.id))
        .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.username.localeCompare(b.username));
      for (const assessor of eligible.slice(0, need)) {
        const record = await insertAssignment(
          tx,
          {
            windowId: input.windowId,
            packetId,
            assessorId: assessor.id,
            assessorUsername: assessor.username,
            assignedBy: actor,
          },
          now,
        );
        await audit(tx, actor, record, now, 'automatic');
        load.set(assessor.id, load.get(assessor.id)! + 1);
        result.created.push(record);
      }
      if (eligible.length < need) {
        const excluded = [...conflicted].filter((id) => !already.has(id)).length;
        result.shortfalls.push({
          packetId,
          missing: need - eligible.length,
          reason:
            `only ${eligible.length} more eligible assessor(s): ${excluded} declared a conflict of interest, ` +
            `${already.size} already assigned` +
            (unqualified ? `, ${unqualified} without a current qualification in ${window.requiredQualification}` : '') +
            (pausedCount ? `, ${pausedCount} paused in this window` : ''),
        });
      }
    }
    // Validity packets join the queues in this same transaction, with the same timestamp and audit
    // entry as the live assignments above (services/validity.ts explains why nothing tells them apart).
    const seeded = await seedValidityPackets(tx, {
      windowId: input.windowId,
      policy: window.scoringPolicy,
      assessors,
      record: async (assignment) => {
        const record = await insertAssignment(tx, { ...assignment, windowId: input.windowId, assignedBy: actor }, now);
        await audit(tx, actor, record, now, 'automatic');
        return record;
      },
    });
    result.created.push(...seeded);
    return result;
  });
  // Announced in random order, so validity assignments are not always the last events of a run.
  publish(hub, shuffled(outcome.created));
  return outcome;
}

/**
 * Removes an assignment: the assessor stops seeing the packet and its evidence at once. Refused
 * (409 `already-scored`) when the assessor has uploaded a score for the packet and this is their
 * last assignment of it, so every stored score keeps an assignment that explains it. (Scores
 * belong to a packet and an assessor, not to a window: one revision history runs across windows.)
 * The assessor's assignments of the packet stay locked while this decides, as during a score
 * upload, so an upload arriving meanwhile either lands first and blocks the removal, or finds the
 * assignment gone and gets 404.
 */
export async function unassign(hub: HubContext, assignmentId: string, actor: string | null): Promise<AssignmentRecord> {
  const now = hub.now();
  const removed = await hub.db.transaction(async (tx) => {
    const locked = await lockAssignmentPair(tx, assignmentId);
    if (!locked) throw notFound('The assignment');
    const { target, others } = locked;
    if (others.length === 0) {
      const scores = await scoreRevisions(tx, target.packetId, target.assessorId);
      if (scores.count > 0) {
        throw new ApiError(
          409,
          'already-scored',
          `${target.assessorUsername} has already uploaded a score for this packet (revision ${scores.latest}); ` +
            'removing the assignment would leave that score without one. Keep the assignment, or add a second ' +
            'assessor instead.',
        );
      }
    }
    await deleteAssignment(tx, target.id);
    await appendAudit(
      tx,
      {
        actor,
        action: 'assignment.delete',
        subject: `packet:${target.packetId}`,
        detail: { assignmentId: target.id, windowId: target.windowId, assessorId: target.assessorId },
      },
      now,
    );
    return target;
  });
  hub.events.publish({
    type: 'assignment.removed',
    assignmentId: removed.id,
    windowId: removed.windowId,
    packetId: removed.packetId,
    assessorId: removed.assessorId,
  });
  return removed;
}

/** A window that exists and is not closed; assignment into a closed window would be invisible. */
async function requireAssignableWindow(tx: Queryable, windowId: string, now: number, lock = false) {
  const window = await findWindow(tx, windowId, now, lock);
  if (!window) throw notFound('The review window');
  if (window.status === 'closed') throw new ApiError(409, 'window-closed', `The window "${window.name}" is closed.`);
  return window;
}

/** The assessors who may be assigned in a window requiring this qualification (all when none). */
async function qualifiedFor<A extends { id: string }>(
  tx: Queryable,
  assessors: readonly A[],
  credentialId: string | null,
  now: number,
): Promise<A[]> {
  if (!credentialId) return [...assessors];
  const qualified: A[] = [];
  for (const assessor of assessors)
    if (await holdsQualification(tx, assessor.id, credentialId, now)) qualified.push(assessor);
  return qualified;
}

async function packetsToAssign(
  tx: Queryable,
  requested: readonly string[] | undefined,
  validity: readonly string[],
): Promise<string[]> {
  // Anchor packets belong to norming, and the window's validity packets are seeded by their own
  // rule: automatic assignment of live work leaves both out.
  if (!requested) {
    const rows = await tx.query<{ id: string }>('select id from packets where not is_anchor order by uploaded_at, id');
    const seeded = new Set(validity);
    return rows.map((row) => row.id).filter((id) => !seeded.has(id));
  }
  const unique = [...new Set(requested)];
  const rows = await tx.query<{ id: string; is_anchor: boolean }>(
    'select id, is_anchor from packets where id = any($1::uuid[])',
    [unique],
  );
  const known = new Set(rows.map((row) => row.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ApiError(400, 'unknown-packets', `${unknown.length} packet id(s) are not on this hub.`, {
      problems: unknown.map((id) => ({ path: 'body.packetIds', message: `no packet ${id}` })),
    });
  }
  const anchors = rows.filter((row) => row.is_anchor).map((row) => row.id);
  if (anchors.length > 0) {
    throw new ApiError(
      409,
      'anchor-packet',
      `${anchors.length} packet(s) are norming anchors, never assigned for live scoring.`,
      {
        problems: anchors.map((id) => ({ path: 'body.packetIds', message: `packet ${id} is a norming anchor` })),
      },
    );
  }
  const seeded = unique.filter((id) => validity.includes(id));
  if (seeded.length > 0) {
    throw new ApiError(
      409,
      'validity-packet',
      `${seeded.length} packet(s) are validity packets of this window: they are seeded into queues at the policy's rate.`,
      { problems: seeded.map((id) => ({ path: 'body.packetIds', message: `packet ${id} is a validity packet` })) },
    );
  }
  return unique;
}

function audit(tx: Queryable, actor: string | null, record: AssignmentRecord, at: number, how: string) {
  return appendAudit(
    tx,
    {
      actor,
      action: 'assignment.create',
      subject: `packet:${record.packetId}`,
      detail: { assignmentId: record.id, windowId: record.windowId, assessorId: record.assessorId, how },
    },
    at,
  );
}

function publish(hub: HubContext, records: readonly AssignmentRecord[]): void {
  for (const record of records) {
    hub.events.publish({
      type: 'assignment.created',
      assignmentId: record.id,
      windowId: record.windowId,
      packetId: record.packetId,
      assessorId: record.assessorId,
    });
  }
}
