import type { Rubric } from '../../../shared/domain/rubric';
import type { PacketManifest } from '../../../shared/packet/manifest';
import type { ReviewIssue } from '../../../shared/review/completeness';
import type { ReviewDraft } from '../../../shared/review/draft';
import type { SubmittedReview } from '../../data/db';
import type { ReviewStore } from '../../data/reviews';
import { HISTORY_SECTION, type NavEntry } from '../packet/sections';

/**
 * The scoring screen scores for more than the assessor's own queue: a norming session (blind to
 * the other assessors) and an adjudication (a third reading) use the same screen. These types are
 * what differs between them, handed in by the screen that hosts it.
 */

/**
 * What may be shown while scoring. Blind scoring hides what would anchor the reader on someone
 * else's judgement: earlier attempts' decisions and feedback, and this computer's own history
 * of the review.
 */
export interface ScoringVisibility {
  /** The packet's earlier attempts, with their decisions and feedback, in the evidence navigator. */
  earlierAttempts: boolean;
  /** This computer's history of the review (started, submitted, reopened, uploaded). */
  localHistory: boolean;
  /** "Reopen as revision N" on a submitted review. */
  reopen: boolean;
  /**
   * The exports of a submitted review (CSV, JSON, recommended feedback). Off for scorings that are
   * not the assessor's own live reviews: a norming score is calibration, never feedback to a candidate.
   */
  exports: boolean;
}

/** The assessor's own queue: everything is theirs to see. */
export const SHOW_ALL: ScoringVisibility = { earlierAttempts: true, localHistory: true, reopen: true, exports: true };
/** Blind scoring (norming, second scorer, adjudication before the reveal). */
export const SHOW_BLIND: ScoringVisibility = {
  earlierAttempts: false,
  localHistory: false,
  reopen: false,
  exports: false,
};

/** What is scored: the packet's evidence, the rubric it is scored against, and what may be shown. */
export interface ScoringSubject {
  manifest: PacketManifest;
  /** Usually the packet's own; a norming session may pin another version. */
  rubric: Rubric;
  show: ScoringVisibility;
}

/** Where a finished review goes: the assessor's outbox, a norming session or an adjudication. */
export interface SubmitTarget {
  /** The submit button's words, e.g. "Check and submit". */
  submitLabel: string;
  /** One sentence for the confirmation: what happens to the review once submitted. */
  destination: string;
  /**
   * Keeps the complete draft as a submitted review where it belongs and retires the draft, in one
   * step; rejects (the draft is kept as it was) when it cannot.
   */
  submit(draft: ReviewDraft, rubric: Rubric): Promise<SubmittedReview>;
  /** Where drafts are kept while scoring: the live queue's (by packet) when absent. */
  drafts?: ReviewStore;
  /**
   * What else this destination needs before it takes the review, beside the completeness every
   * review needs (an adjudication's resolution: a rationale for every criterion).
   */
  issues?(rubric: Rubric, draft: ReviewDraft): ReviewIssue[];
}

/** The navigator's entries the subject may show (earlier attempts only when allowed). */
export function visibleEntries(entries: readonly NavEntry[], show: ScoringVisibility): NavEntry[] {
  return entries.filter((entry) => show.earlierAttempts || entry.id !== HISTORY_SECTION);
}
