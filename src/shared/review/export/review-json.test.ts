import { describe, expect, it } from 'vitest';
import { PacketManifest } from '../../packet/manifest';
import type { ReviewDraft } from '../draft';
import { AssessorReview, CandidateReview, ReviewExport, reviewExport } from './review-json';
import {
  ASSESSOR_ID,
  PACKET_ID,
  PRIVATE_NOTE,
  REVIEW_ID,
  exportInput,
  manifest,
  notYetDraft,
  recordOf,
} from './test-fixtures';

const EXPORTED_AT = '2026-10-03T08:00:00Z';

function departingDraft(): ReviewDraft {
  return {
    ...notYetDraft(),
    decision: { kind: 'earned', explanation: '' },
    decisionJustification: 'JUSTIFICATION: strong reflection.',
  };
}

describe('reviewExport', () => {
  it('describes each review with rubric wording, anchors in words and the implied decision', () => {
    const out = reviewExport([exportInput()], 'candidate', EXPORTED_AT);
    expect(out).toMatchObject({ formatVersion: 2, audience: 'candidate', exportedAt: EXPORTED_AT });
    const [review] = out.reviews;
    expect(review).toMatchObject({
      reviewId: REVIEW_ID,
      packetId: PACKET_ID,
      revision: 1,
      credential: { id: 'cfu', title: 'Checking for Understanding' },
      rubric: { id: 'cfu-rubric', version: '2' },
      candidate: { pseudonym: 'Candidate T-0042' },
      attempt: 2,
      recommendedDecision: { kind: 'not-yet' },
      impliedDecision: 'not-yet',
      decisionRule: 'Earned when every criterion is at Proficient (3) or above',
      submittedAt: '2026-10-02T10:00:00Z',
    });
    expect(review?.criteria[1]).toEqual({
      criterionId: 'adjust',
      title: 'Adjusting instruction',
      levelId: 'l2',
      levelLabel: 'Developing',
      score: 2,
      descriptor: 'Adjustments are present but weakly aligned.',
      feedback: 'When the check shows a split, regroup or reteach before moving on.',
    });
    expect(review?.comments.map((c) => c.where)).toEqual(['Lesson plan, page 2', 'Classroom video, 1:14']);
    expect(review?.candidateFeedback.byCriterion).toEqual([
      { criterionId: 'adjust', text: 'When the check shows a split, regroup or reteach before moving on.' },
    ]);
  });

  it('gives candidates no assessor identity, rationales, justification or private notes', () => {
    const out = reviewExport([exportInput(departingDraft())], 'candidate', EXPORTED_AT);
    const text = JSON.stringify(out);
    expect(text).not.toContain(PRIVATE_NOTE);
    expect(text).not.toContain(ASSESSOR_ID);
    expect(text).not.toContain('JUSTIFICATION');
    expect(text).not.toContain('no change of plan');
    expect(out.reviews[0]).not.toHaveProperty('assessorId');
    expect(out.reviews[0]).not.toHaveProperty('privateNotes');
    // The candidate schema itself refuses the private fields, so a slip fails loudly.
    const assessorView = reviewExport([exportInput()], 'assessor', EXPORTED_AT).reviews[0];
    expect(CandidateReview.safeParse(assessorView).success).toBe(false);
  });

  it('gives the assessor side identity, rationales, justification and private notes', () => {
    const out = reviewExport([exportInput(departingDraft())], 'assessor', EXPORTED_AT);
    expect(out.audience).toBe('assessor');
    const review = AssessorReview.parse(out.reviews[0]);
    expect(review).toMatchObject({
      assessorId: ASSESSOR_ID,
      privateNotes: PRIVATE_NOTE,
      recommendedDecision: { kind: 'earned' },
      impliedDecision: 'not-yet',
      decisionJustification: 'JUSTIFICATION: strong reflection.',
    });
    expect(review.criteria.map((c) => c.rationale)).toEqual([
      '',
      'The video shows the check but no change of plan afterwards.',
      '',
    ]);
  });

  it('exports an unscorable review with its condition, no criteria and no implied decision', () => {
    const draft: ReviewDraft = {
      ...notYetDraft(),
      decision: { kind: 'unscorable', conditionCode: 'integrity-concern', explanation: 'Video is of another teacher.' },
    };
    const [review] = reviewExport([exportInput(draft)], 'candidate', EXPORTED_AT).reviews;
    expect(review).toMatchObject({
      criteria: [],
      impliedDecision: null,
      recommendedDecision: {
        kind: 'unscorable',
        conditionCode: 'integrity-concern',
        explanation: 'Video is of another teacher.',
      },
    });
  });

  it('names the assessor’s decision a recommendation and carries no field called decision (format 2)', () => {
    for (const audience of ['assessor', 'candidate'] as const) {
      const out = reviewExport([exportInput()], audience, EXPORTED_AT);
      expect(out.formatVersion).toBe(2);
      expect(out.reviews[0]).toHaveProperty('recommendedDecision');
      expect(out.reviews[0]).not.toHaveProperty('decision');
    }
  });

  it('produces output its own schema accepts, and survives a JSON round trip', () => {
    const out = reviewExport([exportInput(), exportInput(departingDraft())], 'assessor', EXPORTED_AT);
    expect(ReviewExport.parse(JSON.parse(JSON.stringify(out)))).toEqual(out);
  });

  it('refuses a record scored against another packet or rubric version', () => {
    const record = recordOf();
    const otherRubric = PacketManifest.parse({ ...manifest, rubric: { ...manifest.rubric, version: '3' } });
    expect(() => reviewExport([{ record, manifest: otherRubric }], 'assessor', EXPORTED_AT)).toThrow(
      /rubric cfu-rubric v2/,
    );
    const otherPacket = { ...record, packetId: '7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1908' };
    expect(() => reviewExport([{ record: otherPacket, manifest }], 'assessor', EXPORTED_AT)).toThrow(/not 0b6c3f3e/);
    const badLevel = { ...record, criteria: [{ criterionId: 'design', levelId: 'l9', rationale: '' }] };
    expect(() => reviewExport([{ record: badLevel, manifest }], 'assessor', EXPORTED_AT)).toThrow(/level "l9"/);
  });
});
