import type { z } from 'zod';
import type {
  CandidateIdentity,
  IdentityReveal,
  ReleasedOutcome,
  ReleaseRequest,
  ReleaseView,
} from '../../shared/contract/decisions';
import type { ScoreRecord } from '../../shared/domain/score';
import type { PacketManifest } from '../../shared/packet/manifest';
import { candidateReportPdf } from '../../shared/review/export/candidate-report';
import { resolveReview } from '../../shared/review/export/resolve';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import {
  decisionRevisions,
  findIdentity,
  findReveal,
  insertRelease,
  insertReveal,
  platformAccounts,
  releaseCandidates,
  releasedDecisions,
  upsertIdentity,
} from '../store/decisions';
import { findPacket } from '../store/packets';
import { findWindow } from '../store/windows';
import { deciderSeat } from './committee-access';

// Release (issue 12, part 6) and identity reveal (part 11): decisions become candidate-facing only
// when released, together, in one transaction; the platform reads released outcomes only; a
// candidate's identity is revealed to the committee only after a decision, once, on the record.

type Refused = { packetId: string; reason: 'not-found' | 'not-decided' | 'already-released' };

/**
 * Releases decisions all or nothing. With packetIds: each must be decided in the window, not yet
 * released, and not one the caller declared a conflict with (reported as not-found, as for a
 * packet that is not there); any refusal releases nothing. Without: every decided, unreleased
 * packet of the window the caller has no conflict with. The window row is locked, so two releases
 * of one window run one after the other and a packet is never released twice.
 */
export async function release(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  input: z.output<typeof ReleaseRequest>,
): Promise<ReleaseView> {
  const now = hub.now();
  const released = await hub.db.transaction(async (tx) => {
    if (!(await findWindow(tx, windowId, now, true))) throw notFound('The review window');
    const listed = input.packetIds ? [...new Set(input.packetIds)] : null;
    const candidates = await releaseCandidates(tx, windowId, listed, principal.userId);
    let packets: { packetId: string; decisionId: string }[];
    if (listed) {
      const byPacket = new Map(candidates.map((c) => [c.packetId, c]));
      const refused: Refused[] = [];
      for (const packetId of listed) {
        const candidate = byPacket.get(packetId);
        if (!candidate || candidate.conflicted) {
          // A packet without a decision here may still be in the window: say which, unless conflicted.
          refused.push({ packetId, reason: candidate?.conflicted ? 'not-found' : 'not-decided' });
        } else if (candidate.released) refused.push({ packetId, reason: 'already-released' });
      }
      if (refused.length > 0) {
        throw new ApiError(
          409,
          'not-releasable',
          `Nothing was released: ${refused.length} of ${listed.length} packets cannot be released (${refused
            .slice(0, 5)
            .map((r) => `${r.packetId} ${r.reason}`)
            .join(', ')}${refused.length > 5 ? ', …' : ''}).`,
          { extra: { refused } },
        );
      }
      packets = listed.map((packetId) => ({ packetId, decisionId: byPacket.get(packetId)!.decisionId }));
    } else {
      packets = candidates.filter((c) => !c.released && !c.conflicted);
      if (packets.length === 0) {
        throw new ApiError(409, 'nothing-to-release', 'Every decided packet of this window is released already.', {
          extra: { refused: [] },
        });
      }
    }
    const releaseId = await insertRelease(tx, { windowId, by: principal.userId, at: now, packets });
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'decisions.release',
        subject: `window:${windowId}`,
        detail: { releaseId, packetCount: packets.length, packetIds: packets.map((p) => p.packetId) },
      },
      now,
    );
    return { releaseId, windowId, releasedAt: new Date(now).toISOString(), packetIds: packets.map((p) => p.packetId) };
  });
  // Chairs and admins hear of every event; the platform accounts are told so they fetch the outcomes.
  hub.events.publish(
    { type: 'release.published', releaseId: released.releaseId, windowId, packetCount: released.packetIds.length },
    await platformAccounts(hub.db),
  );
  return released;
}

/** Released outcomes only, for the issuing platform: nothing decided but unreleased ever appears. */
export async function releasedOutcomes(hub: HubContext, windowId: string | undefined): Promise<ReleasedOutcome[]> {
  const rows = await releasedDecisions(hub.db, { windowId });
  return rows.map((row) => {
    const rubric = (row.manifest as PacketManifest).rubric;
    return {
      releaseId: row.release!.releaseId,
      releasedAt: row.release!.releasedAt,
      windowId: row.windowId,
      packetId: row.packetId,
      pseudonym: row.pseudonym,
      credentialId: row.credentialId,
      decisionType: row.decisionType,
      outcome: row.decisionType.outcome,
      decision: row.decision,
      criteria: row.criteria.map(({ criterionId, levelId }) => ({
        criterionId,
        levelId,
        levelLabel:
          rubric.criteria.find((c) => c.id === criterionId)?.levels.find((l) => l.id === levelId)?.label ?? levelId,
      })),
      candidateFeedback: row.candidateFeedback,
    };
  });
}

/**
 * The candidate's report of a released decision, as PDF (candidateReportPdf with the released
 * decision) or JSON. Before release there is nothing candidate-facing: 409 not-released.
 */
export async function candidateReport(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  packetId: string,
  format: 'pdf' | 'json',
): Promise<{ pdf: Uint8Array } | { json: unknown }> {
  await deciderSeat(hub, hub.db, principal, windowId, packetId);
  const [released] = await releasedDecisions(hub.db, { windowId, packetId });
  if (!released) {
    throw new ApiError(409, 'not-released', 'Nothing candidate-facing exists before the decision is released.');
  }
  const manifest = (await findPacket(hub.db, packetId))!.view.manifest;
  const releasedAt = released.release!.releasedAt;
  // The committee's decision in the shape every candidate-facing writer reads; no assessor, rationale or note in it.
  const record: ScoreRecord = {
    id: released.id,
    packetId,
    rubricId: manifest.rubric.id,
    rubricVersion: manifest.rubric.version,
    assessorId: 'committee',
    revision: released.revision,
    criteria: released.criteria.map(({ criterionId, levelId }) => ({ criterionId, levelId, rationale: '' })),
    comments: [],
    decision: released.decision,
    candidateFeedback: released.candidateFeedback,
    privateNotes: '',
    createdAt: released.decidedAt,
    submittedAt: releasedAt,
  };
  if (format === 'pdf')
    return { pdf: await candidateReportPdf({ record, manifest }, { decision: released.decision, releasedAt }) };
  const resolved = resolveReview({ record, manifest });
  return {
    json: {
      formatVersion: 1,
      releaseId: released.release!.releaseId,
      releasedAt,
      packetId,
      candidate: { pseudonym: manifest.candidate.pseudonym },
      credential: { id: manifest.credential.id, title: manifest.credential.title },
      attempt: manifest.attempt.number,
      decisionType: { id: released.decisionType.id, label: released.decisionType.label },
      decision: released.decision,
      criteria: resolved.criteria.map(({ criterion, level, feedback }) => ({
        criterionId: criterion.id,
        title: criterion.title,
        levelId: level.id,
        levelLabel: level.label,
        descriptor: level.descriptor,
        feedback,
      })),
      candidateFeedback: released.candidateFeedback,
    },
  };
}

// ── identity ──────────────────────────────────────────────────────────────────────────────
export async function setIdentity(
  hub: HubContext,
  principal: Principal,
  packetId: string,
  identity: CandidateIdentity,
): Promise<{ packetId: string; setAt: string }> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    if (!(await findPacket(tx, packetId))) throw notFound('The packet');
    await upsertIdentity(tx, { packetId, identity, by: principal.userId, at: now });
    // The audit names who recorded an identity, never the identity itself.
    await appendAudit(tx, { actor: principal.userId, action: 'identity.set', subject: `packet:${packetId}` }, now);
    return { packetId, setAt: new Date(now).toISOString() };
  });
}

/**
 * Reveals the candidate's identity to the packet's committee: only once a decision is recorded in
 * the window (409 not-decided), only when one was recorded (409 no-identity). Irreversible; a
 * second reveal returns the first and logs nothing.
 */
export async function revealIdentity(
  hub: HubContext,
  principal: Principal,
  windowId: string,
  packetId: string,
  reason: string,
): Promise<IdentityReveal> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    await deciderSeat(hub, tx, principal, windowId, packetId);
    const existing = await findReveal(tx, windowId, packetId);
    if (existing) return existing;
    if ((await decisionRevisions(tx, windowId, packetId)).length === 0) {
      throw new ApiError(409, 'not-decided', "The candidate's identity is revealed only after the packet is decided.");
    }
    if (!(await findIdentity(tx, packetId))) {
      throw new ApiError(409, 'no-identity', "No identity was recorded for this packet's candidate.");
    }
    if (await insertReveal(tx, { windowId, packetId, reason, by: principal.userId, at: now })) {
      await appendAudit(
        tx,
        {
          actor: principal.userId,
          action: 'identity.reveal',
          subject: `packet:${packetId}`,
          detail: { windowId, reason },
        },
        now,
      );
    }
    return (await findReveal(tx, windowId, packetId))!;
  });
}
