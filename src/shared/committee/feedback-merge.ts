import type { Rubric } from '../domain/rubric';
import type { ScoreRecord } from '../domain/score';

// Candidate feedback for a committee decision, merged from the assessors' own (issue 12, part 5):
// the chair picks and edits instead of retyping. Pure, so the hub's decision view and its batch
// decisions use the same merge, and unit tests pin it down.

/** One assessor's feedback text and the scoring it came from. */
export interface FeedbackPiece {
  text: string;
  /** Every scoring that wrote this text (identical texts are offered once). */
  sources: { scoreId: string; assessorUsername: string }[];
}

export interface FeedbackSource {
  scoreId: string;
  assessorUsername: string;
  record: Pick<ScoreRecord, 'candidateFeedback'>;
}

export interface MergedFeedback {
  overall: FeedbackPiece[];
  /** In rubric order; a criterion nobody wrote feedback on has no pieces. */
  byCriterion: { criterionId: string; pieces: FeedbackPiece[] }[];
  /** The pieces joined, ready to accept as they are: what a batch decision sends the candidate. */
  suggested: { overall: string; byCriterion: { criterionId: string; text: string }[] };
}

/** Texts compared as a reader would: surrounding and repeated whitespace does not make them differ. */
function sameText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function collect(pieces: FeedbackPiece[], text: string, source: FeedbackPiece['sources'][number]): void {
  const key = sameText(text);
  if (key === '') return;
  const existing = pieces.find((piece) => sameText(piece.text) === key);
  if (existing) existing.sources.push(source);
  else pieces.push({ text: text.trim(), sources: [source] });
}

/**
 * Gathers the candidate feedback of the scorings (first scorer first), overall and per criterion,
 * each piece attributed to the scorings that wrote it; identical texts appear once, with all their
 * sources; blank feedback is left out. Criteria the rubric does not know are ignored.
 */
export function mergeCandidateFeedback(
  rubric: Pick<Rubric, 'criteria'>,
  sources: readonly FeedbackSource[],
): MergedFeedback {
  const overall: FeedbackPiece[] = [];
  const byCriterion = rubric.criteria.map((criterion) => ({
    criterionId: criterion.id,
    pieces: [] as FeedbackPiece[],
  }));
  for (const { scoreId, assessorUsername, record } of sources) {
    const source = { scoreId, assessorUsername };
    collect(overall, record.candidateFeedback.overall, source);
    for (const entry of record.candidateFeedback.byCriterion) {
      const slot = byCriterion.find((c) => c.criterionId === entry.criterionId);
      if (slot) collect(slot.pieces, entry.text, source);
    }
  }
  const join = (pieces: FeedbackPiece[]) => pieces.map((piece) => piece.text).join('\n\n');
  return {
    overall,
    byCriterion,
    suggested: {
      overall: join(overall),
      byCriterion: byCriterion
        .filter((c) => c.pieces.length > 0)
        .map((c) => ({ criterionId: c.criterionId, text: join(c.pieces) })),
    },
  };
}
