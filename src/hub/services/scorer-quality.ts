import { ScoringPolicy } from '../../shared/committee/policy';
import {
  qualityFlags,
  scalePositions,
  scorerStatistics,
  type CriterionScale,
  type ScoringFacts,
} from '../../shared/committee/scorer-quality';
import type { QualificationNotice } from '../../shared/contract/assignments';
import type { ScorerPauseState, ScorerQuality, ScorerQualityRow } from '../../shared/contract/scorer-quality';
import type { HubContext } from '../context';
import type { Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import { packetManifests } from '../store/packets';
import { windowAssessors, windowScoringRows } from '../store/scorer-stats';
import { findAdminUser } from '../store/users';
import { endPause, insertPause, openPauses, validityMasters, type OpenPause } from '../store/validity';
import { findWindow, listWindows } from '../store/windows';

// Scorer quality (issue 12, part 9): the chair's statistics per assessor of a window, and the
// pause (with or without recalibration) that keeps an assessor from new work in it.

const MINUTE = 60_000;

/** Minutes on a scoring: from opening the review to submitting it (the record's own times), else from assignment to upload. */
function minutesOn(
  record: { createdAt?: string; submittedAt?: string },
  assignedAt: string,
  receivedAt: string,
): number | null {
  const [start, end] =
    record.createdAt && record.submittedAt
      ? [Date.parse(record.createdAt), Date.parse(record.submittedAt)]
      : [Date.parse(assignedAt), Date.parse(receivedAt)];
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? (end - start) / MINUTE : null;
}

export async function scorerQuality(hub: HubContext, windowId: string, viewerId: string): Promise<ScorerQuality> {
  const now = hub.now();
  const window = await findWindow(hub.db, windowId, now);
  if (!window) throw notFound('The review window');
  const policy = window.scoringPolicy ?? ScoringPolicy.parse({});
  const [rows, assessors, masters, pauses] = await Promise.all([
    windowScoringRows(hub.db, windowId, viewerId),
    windowAssessors(hub.db, windowId, viewerId),
    validityMasters(hub.db, windowId),
    openPauses(hub.db, { windowId }, now),
  ]);
  const manifests = await packetManifests(hub.db, [...new Set(rows.map((row) => row.packetId))]);
  const scales = new Map<string, CriterionScale[]>(
    [...manifests].map(([id, manifest]) => [
      id,
      manifest.rubric.criteria.map((c) => ({ criterionId: c.id, levelIds: c.levels.map((l) => l.id) })),
    ]),
  );
  const facts: ScoringFacts[] = rows.map((row) => {
    const record = row.record as {
      criteria?: { criterionId: string; levelId: string }[];
      createdAt?: string;
      submittedAt?: string;
    };
    return {
      packetId: row.packetId,
      assessorId: row.assessorId,
      levels: Object.fromEntries((record.criteria ?? []).map((c) => [c.criterionId, c.levelId])),
      receivedAt: Date.parse(row.receivedAt),
      minutes: minutesOn(record, row.assignedAt, row.receivedAt),
      validity: row.validity,
    };
  });
  const stats = scorerStatistics({
    scales,
    scorings: facts,
    masters,
    assessorIds: assessors.map((a) => a.id),
    window: { opensAt: Date.parse(window.opensAt), closesAt: Date.parse(window.closesAt) },
  });
  const pauseOf = new Map(pauses.map((p) => [p.userId, p]));
  return {
    window: { id: window.id, name: window.name, requiredQualification: window.requiredQualification },
    limits: policy.quality,
    scalePositions: scalePositions(scales),
    scorers: assessors.map(({ id, username }, i): ScorerQualityRow => {
      // stats[i] is this assessor's (scorerStatistics keeps the order of assessorIds).
      const own = stats[i]!;
      return {
        ...own,
        assessorId: id,
        username,
        ...pauseState(pauseOf.get(id)),
        flags: qualityFlags(policy.quality, own),
      };
    }),
  };
}

function pauseState(pause: OpenPause | undefined): Pick<ScorerPauseState, 'status' | 'pause'> {
  if (!pause || pause.recalibrated) return { status: 'active', pause: null };
  const { recalibrate, reason, pausedAt, pausedBy } = pause;
  return { status: recalibrate ? 'recalibrating' : 'paused', pause: { recalibrate, reason, pausedAt, pausedBy } };
}

async function requireWindowAndAssessor(tx: Queryable, windowId: string, userId: string, now: number) {
  const window = await findWindow(tx, windowId, now, true);
  if (!window) throw notFound('The review window');
  const user = await findAdminUser(tx, userId);
  if (!user) throw notFound('The assessor');
  if (!user.roles.includes('assessor')) {
    throw new ApiError(400, 'not-an-assessor', `${user.username} does not hold the assessor role.`);
  }
  return { window, user };
}

/**
 * Pauses an assessor in a window: no new assignments, second scorings or validity packets there;
 * their assignments stay. With `recalibrate` the pause lasts until they hold the window's required
 * qualification recorded after it. A recalibration pause already satisfied is closed first, so a
 * new pause can start.
 */
export async function pauseScorer(
  hub: HubContext,
  input: { windowId: string; userId: string; reason: string; recalibrate: boolean },
  actor: string,
): Promise<ScorerPauseState> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    const { window, user } = await requireWindowAndAssessor(tx, input.windowId, input.userId, now);
    if (input.recalibrate && !window.requiredQualification) {
      throw new ApiError(
        409,
        'no-required-qualification',
        `"${window.name}" requires no qualification, so there is nothing to recalibrate against: pause without ` +
          'recalibration, or set the window’s required qualification first.',
      );
    }
    const [open] = await openPauses(tx, { windowId: window.id, userId: user.id }, now);
    if (open && !open.recalibrated) {
      throw new ApiError(409, 'already-paused', `${user.username} is already paused in "${window.name}".`);
    }
    if (open) await endPause(tx, { pauseId: open.id, reason: 'recalibrated', by: null, at: now });
    await insertPause(tx, { ...input, by: actor, at: now });
    await appendAudit(
      tx,
      {
        actor,
        action: 'scorer.pause',
        subject: `user:${user.id}`,
        detail: { windowId: window.id, recalibrate: input.recalibrate, reason: input.reason },
      },
      now,
    );
    const [created] = await openPauses(tx, { windowId: window.id, userId: user.id }, now);
    return { assessorId: user.id, ...pauseState(created) };
  });
}

export async function resumeScorer(
  hub: HubContext,
  input: { windowId: string; userId: string; reason: string },
  actor: string,
): Promise<ScorerPauseState> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    const { window, user } = await requireWindowAndAssessor(tx, input.windowId, input.userId, now);
    const [open] = await openPauses(tx, { windowId: window.id, userId: user.id }, now);
    if (!open || open.recalibrated) {
      throw new ApiError(409, 'not-paused', `${user.username} is not paused in "${window.name}".`);
    }
    await endPause(tx, { pauseId: open.id, reason: input.reason, by: actor, at: now });
    await appendAudit(
      tx,
      {
        actor,
        action: 'scorer.resume',
        subject: `user:${user.id}`,
        detail: { windowId: window.id, reason: input.reason },
      },
      now,
    );
    return { assessorId: user.id, status: 'active', pause: null };
  });
}

/**
 * What a paused assessor reads in their queue (the same notices as a missing qualification): which
 * window, the chair's reason, and what ends the pause.
 */
export async function pauseNotices(q: Queryable, userId: string, now: number): Promise<QualificationNotice[]> {
  const pauses = (await openPauses(q, { userId }, now)).filter((p) => !p.recalibrated);
  if (pauses.length === 0) return [];
  const windows = new Map((await listWindows(q, now)).map((w) => [w.id, w]));
  return pauses.flatMap((pause) => {
    const window = windows.get(pause.windowId);
    if (!window || window.status === 'closed' || Date.parse(window.closesAt) <= now) return [];
    const credentialId = window.requiredQualification ?? '';
    const until =
      pause.recalibrate && credentialId
        ? `Take part in a qualification session in ${credentialId} (your norming facilitator adds you); once you pass it, ` +
          'you get new packets again.'
        : 'A chair resumes you when the pause ends.';
    return [
      {
        kind: 'paused' as const,
        windowId: window.id,
        windowName: window.name,
        credentialId,
        expiredAt: null,
        message:
          `You are paused in “${window.name}”: you get no new packets there. Reason: ${pause.reason} ` +
          `Packets already in your queue stay yours to score. ${until}`,
      },
    ];
  });
}
