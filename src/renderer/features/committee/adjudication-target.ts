import type { AdjudicationDetail } from '../../../shared/contract/decisions';
import type { PacketManifest } from '../../../shared/packet/manifest';
import { bridge } from '../../bridge';
import { adjudicationReviews, retireAdjudicationDraft } from '../../data/adjudication-reviews';
import type { ScoringVisibility, SubmitTarget } from '../review/scoring';
import { agreedStart, resolutionAsReview, resolutionIssues, resolutionRequest } from './resolution';

/**
 * What an adjudicator sees while resolving: the packet's earlier attempts (a third reading may
 * weigh them, as the scorers could), but no exports (a resolution is not feedback to a candidate),
 * no reopening (it is recorded once) and no local history (it is not the chair's own live review).
 */
export const SHOW_ADJUDICATION: ScoringVisibility = {
  earlierAttempts: true,
  localHistory: false,
  reopen: false,
  exports: false,
};

/**
 * An adjudication as the scoring screen's destination: the resolution goes straight to the hub
 * (online: the hub checks it is the first and that the adjudicator is not one of the scorers);
 * while it is written the draft is kept on this computer under the adjudication. When the hub
 * refuses, the submit rejects with the hub's words and the draft stays as it was.
 */
export function adjudicationTarget(
  detail: AdjudicationDetail,
  manifest: PacketManifest,
  onResolved: (resolved: AdjudicationDetail) => void,
): SubmitTarget {
  return {
    submitLabel: 'Record resolution',
    destination:
      'The hub records your resolved levels, rationales and decision, with your notes, justification, feedback and evidence comments as a note to the committee. The two original scorings stay as they were. A resolution is recorded once and cannot be changed.',
    drafts: adjudicationReviews(detail.id, {
      resolved: resolutionAsReview(detail),
      fresh: (packetId) => agreedStart(detail, packetId, new Date().toISOString()),
    }),
    issues: resolutionIssues,
    async submit(draft, rubric) {
      const request = resolutionRequest(draft, rubric, manifest, detail.id);
      const resolved = await bridge['committee.resolveAdjudication']({ adjudicationId: detail.id, ...request });
      const review = resolutionAsReview(resolved);
      if (!review) throw new Error('The hub answered without the resolution; reload to see where it stands.');
      // Recorded is recorded: a draft left behind here is shown as the hub's resolution from now on.
      await retireAdjudicationDraft(detail.id, draft.packetId, review.submittedAt).catch(() => undefined);
      onResolved(resolved);
      return review;
    },
  };
}
