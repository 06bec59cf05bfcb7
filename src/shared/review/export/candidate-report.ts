// pdf-lib is platform-neutral (no Node, no DOM); only the PDF writers (this report, pdf-flow and the
// norming report) import it, so the rest of src/shared stays free of it.
import { PDFDocument } from 'pdf-lib';
import type { ConditionCode, Decision } from '../../domain/decision';
import { describeRule } from '../decision-rules';
import { compareAnchors } from '../anchors';
import { anchorLabel } from './anchor-label';
import { resolveReview, type ExportInput, type ResolvedReview } from './resolve';
import { Flow, embedFonts, labelled, type Fonts } from './pdf-flow';

const CONDITION_WORDS: Record<ConditionCode, string> = {
  'missing-evidence': 'Missing evidence',
  'wrong-credential': 'Submitted for a different credential',
  'file-unreadable': 'A file could not be opened',
  'integrity-concern': 'Integrity concern',
  other: 'Other reason',
};

/** The decision as a candidate reads it: "Earned", "Not yet", "Unscorable — <condition>: <why>". */
export function candidateDecisionWords(decision: Decision): string {
  switch (decision.kind) {
    case 'earned':
      return 'Earned';
    case 'not-yet':
      return 'Not yet';
    case 'unscorable':
      return `Unscorable — ${CONDITION_WORDS[decision.conditionCode]}: ${decision.explanation}`;
  }
}

/** A committee's released decision: only this makes a report a decision for the candidate. */
export interface ReleasedDecision {
  decision: Decision;
  /** When the committee released it (ISO date-time). */
  releasedAt: string;
}

const RECOMMENDATION_NOTICE =
  'Recommended feedback, not a decision. An assessor wrote this feedback; the review committee decides ' +
  'on the credential and releases its decision. Until then this is a draft for the committee, not for the candidate.';

/**
 * The feedback report, as PDF bytes: credential, pseudonym, attempt, each criterion's level,
 * descriptor and feedback, overall feedback and the evidence-anchored comments. Built only from
 * candidate-safe fields: never private notes, rationales, the decision justification or who the
 * assessor was. Without a released decision it is the assessor's recommendation, labelled so on
 * every page and carrying no decision: a candidate must never read "Not yet" before anyone decided.
 */
export async function candidateReportPdf(input: ExportInput, released?: ReleasedDecision): Promise<Uint8Array> {
  const review = resolveReview(input);
  const { manifest, record } = review;
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  // Metadata strings are UTF-16, so any character is fine here.
  doc.setTitle(
    `${manifest.credential.title} — ${released ? 'feedback report' : 'recommended feedback (not a decision)'}`,
  );
  doc.setCreator('Anchor');
  doc.setProducer('Anchor');

  const out = new Flow(doc, fonts);
  out.paragraph([{ text: manifest.credential.title, font: fonts.bold }], { size: 18 });
  out.paragraph([{ text: manifest.credential.competency, font: fonts.regular }], { size: 11 });
  if (manifest.credential.stack) {
    out.paragraph([{ text: `Part of the ${manifest.credential.stack.title} stack`, font: fonts.italic }]);
  }
  out.gap(8);
  if (!released) out.paragraph([{ text: RECOMMENDATION_NOTICE, font: fonts.bold }], { size: 11 });
  out.paragraph(labelled(fonts, 'Candidate: ', manifest.candidate.pseudonym));
  out.paragraph(labelled(fonts, 'Attempt: ', String(manifest.attempt.number)));
  out.gap(8);
  if (released) {
    out.paragraph(labelled(fonts, 'Decision: ', candidateDecisionWords(released.decision)), { size: 13 });
    out.paragraph(labelled(fonts, 'Released: ', released.releasedAt.slice(0, 10)));
  }
  const unscorable = (released?.decision ?? record.decision).kind === 'unscorable';
  if (unscorable && released) {
    out.paragraph([
      {
        text: 'Your packet could not be scored, so it has no levels. This is not a judgement of your teaching.',
        font: fonts.regular,
      },
    ]);
  } else if (unscorable) {
    out.paragraph([{ text: 'No levels were recorded for this packet.', font: fonts.regular }]);
  } else {
    out.paragraph(labelled(fonts, 'How the decision is made: ', `${describeRule(review.rubric)}.`));
    writeCriteria(out, fonts, review);
  }
  if (record.candidateFeedback.overall.trim()) {
    out.heading('Overall feedback');
    out.paragraph([{ text: record.candidateFeedback.overall, font: fonts.regular }]);
  }
  writeComments(out, fonts, review);
  out.footers(
    released
      ? `${manifest.credential.title} — feedback for ${manifest.candidate.pseudonym}`
      : `${manifest.credential.title} — recommended feedback for ${manifest.candidate.pseudonym}, not a decision`,
  );
  return doc.save();
}

function writeCriteria(out: Flow, fonts: Fonts, review: ResolvedReview): void {
  if (review.criteria.length === 0) return;
  out.heading('Criteria');
  for (const { criterion, level, feedback } of review.criteria) {
    out.keepTogether(4);
    out.paragraph([{ text: criterion.title, font: fonts.bold }], { size: 12, gapBefore: 6 });
    out.paragraph(labelled(fonts, 'Level reached: ', `${level.label} (score ${level.score})`));
    out.paragraph([{ text: level.descriptor, font: fonts.italic }], { indent: 12 });
    if (feedback.trim()) out.paragraph(labelled(fonts, 'Feedback: ', feedback));
  }
}

function writeComments(out: Flow, fonts: Fonts, review: ResolvedReview): void {
  const { manifest, record } = review;
  if (record.comments.length === 0) return;
  out.heading('Comments on your evidence');
  // In packet order (responses, then evidence), then by place inside each, so the list reads alongside the packet.
  const byAnchor = compareAnchors(manifest);
  const comments = [...record.comments].sort((a, b) => byAnchor(a.anchor, b.anchor));
  for (const comment of comments) {
    const criterion = review.rubric.criteria.find((c) => c.id === comment.criterionId);
    const where = anchorLabel(comment.anchor, manifest) + (criterion ? ` (${criterion.title})` : '');
    out.paragraph(labelled(fonts, `${where}: `, comment.text), { gapBefore: 4 });
  }
}
