import { describe, expect, it } from 'vitest';
import {
  IncompleteReviewError,
  reviewIssues,
  targetKey,
  toScoreRecord,
  unaddressedCriteria,
  type ReviewTarget,
} from './completeness';
import { emptyDraft, type ReviewDraft } from './draft';
import { ASSESSOR_ID, PACKET_ID, PRIVATE_NOTE, REVIEW_ID, notYetDraft, rubric } from './export/test-fixtures';

const SUBMIT = { reviewId: REVIEW_ID, assessorId: ASSESSOR_ID, rubric, submittedAt: '2026-10-02T10:00:00Z' };

function keys(draft: ReviewDraft): string[] {
  return reviewIssues(rubric, draft).map((issue) => targetKey(issue.target));
}

function earnedDraft(): ReviewDraft {
  return {
    ...notYetDraft(),
    levels: { design: 'l3', adjust: 'l4', reflect: 'l3' },
    rationales: {},
    decision: { kind: 'earned', explanation: '' },
    feedback: { overall: '', byCriterion: {} },
  };
}

describe('reviewIssues', () => {
  it('asks for every level and a decision on an empty draft, naming the criteria', () => {
    const issues = reviewIssues(rubric, emptyDraft(PACKET_ID, 1, '2026-10-02T09:00:00Z'));
    expect(issues.map((i) => i.message)).toEqual([
      'Choose a level for “Design of checks”.',
      'Choose a level for “Adjusting instruction”.',
      'Choose a level for “Reflection on impact”.',
      'Choose a decision: Earned, Not yet or Unscorable.',
    ]);
  });

  it('accepts complete Not yet and Earned drafts', () => {
    expect(reviewIssues(rubric, notYetDraft())).toEqual([]);
    expect(reviewIssues(rubric, earnedDraft())).toEqual([]);
  });

  it('needs a rationale for each level below the threshold (Proficient here)', () => {
    const draft = { ...notYetDraft(), rationales: { adjust: '   ' } };
    expect(reviewIssues(rubric, draft)).toEqual([
      {
        target: { kind: 'rationale', criterionId: 'adjust' },
        message: 'Give a rationale for “Adjusting instruction”: levels below Proficient (3) need one.',
      },
    ]);
  });

  it('says when a chosen level no longer exists in the rubric', () => {
    const draft = { ...earnedDraft(), levels: { design: 'l3', adjust: 'gone', reflect: 'l3' } };
    expect(reviewIssues(rubric, draft).map((i) => i.message)).toEqual([
      'The level chosen for “Adjusting instruction” is not in this rubric; choose it again.',
    ]);
  });

  it('needs a justification when the decision departs from the rule, either way', () => {
    const earnedAgainstRule = { ...notYetDraft(), decision: { kind: 'earned' as const, explanation: '' } };
    expect(reviewIssues(rubric, earnedAgainstRule)).toEqual([
      {
        target: { kind: 'justification' },
        message: 'Justify recommending Earned: the rubric rule implies Not yet.',
      },
    ]);
    expect(reviewIssues(rubric, { ...earnedAgainstRule, decisionJustification: 'Strong video.' })).toEqual([]);

    const notYetAgainstRule = {
      ...earnedDraft(),
      decision: { kind: 'not-yet' as const, explanation: '' },
      feedback: { overall: 'Close.', byCriterion: {} },
    };
    expect(keys(notYetAgainstRule)).toEqual(['justification']);
  });

  it('on Not yet needs overall feedback and feedback on every criterion below the threshold', () => {
    const draft: ReviewDraft = {
      ...notYetDraft(),
      levels: { design: 'l1', adjust: 'l2', reflect: 'l4' },
      rationales: { design: 'No checks at all.', adjust: 'No change.' },
      feedback: { overall: ' ', byCriterion: { adjust: 'Regroup.', reflect: '' } },
    };
    expect(reviewIssues(rubric, draft)).toEqual([
      { target: { kind: 'feedback-overall' }, message: 'Write overall feedback for the candidate.' },
      {
        target: { kind: 'feedback-criterion', criterionId: 'design' },
        message: 'Write feedback for the candidate on “Design of checks”.',
      },
    ]);
  });

  it('on Unscorable needs a condition code and an explanation, and no levels', () => {
    const draft: ReviewDraft = {
      ...emptyDraft(PACKET_ID, 1, '2026-10-02T09:00:00Z'),
      decision: { kind: 'unscorable', explanation: '' },
    };
    expect(keys(draft)).toEqual(['condition-code', 'unscorable-explanation']);
    const complete = {
      ...draft,
      decision: { kind: 'unscorable' as const, conditionCode: 'missing-evidence' as const, explanation: 'No video.' },
    };
    expect(reviewIssues(rubric, complete)).toEqual([]);
  });
});

describe('unaddressedCriteria', () => {
  it('lists below-threshold criteria without feedback, in rubric order, whatever the decision so far', () => {
    const draft: ReviewDraft = {
      ...notYetDraft(),
      levels: { reflect: 'l1', design: 'l2', adjust: 'l2' },
      decision: undefined,
      feedback: { overall: '', byCriterion: { adjust: 'Regroup.' } },
    };
    expect(unaddressedCriteria(rubric, draft)).toEqual(['design', 'reflect']);
    expect(unaddressedCriteria(rubric, notYetDraft())).toEqual([]);
  });

  it('is empty for Unscorable, which asks for no scoring', () => {
    const draft: ReviewDraft = {
      ...notYetDraft(),
      levels: { design: 'l1' },
      decision: { kind: 'unscorable', explanation: '' },
    };
    expect(unaddressedCriteria(rubric, draft)).toEqual([]);
  });
});

describe('targetKey', () => {
  it('gives stable, DOM-id-safe, distinct keys', () => {
    const targets: ReviewTarget[] = [
      { kind: 'level', criterionId: 'design' },
      { kind: 'rationale', criterionId: 'design' },
      { kind: 'feedback-criterion', criterionId: 'design' },
      { kind: 'level', criterionId: 'a.b' },
      { kind: 'level', criterionId: 'a_2eb' },
      { kind: 'decision' },
      { kind: 'condition-code' },
      { kind: 'unscorable-explanation' },
      { kind: 'justification' },
      { kind: 'feedback-overall' },
    ];
    const all = targets.map(targetKey);
    expect(all.slice(0, 4)).toEqual(['level-design', 'rationale-design', 'feedback-criterion-design', 'level-a_2eb']);
    expect(new Set(all).size).toBe(all.length);
    for (const key of all) expect(key).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });
});

describe('toScoreRecord', () => {
  it('turns a complete draft into a record with arrays in rubric order', () => {
    const draft = notYetDraft();
    const record = toScoreRecord({ ...draft, levels: { reflect: 'l4', adjust: 'l2', design: 'l3' } }, SUBMIT);
    expect(record).toMatchObject({
      id: REVIEW_ID,
      packetId: PACKET_ID,
      rubricId: 'cfu-rubric',
      rubricVersion: '2',
      assessorId: ASSESSOR_ID,
      revision: 1,
      decision: { kind: 'not-yet' },
      privateNotes: PRIVATE_NOTE,
      createdAt: draft.startedAt,
      submittedAt: SUBMIT.submittedAt,
    });
    expect(record.criteria).toEqual([
      { criterionId: 'design', levelId: 'l3', rationale: '' },
      { criterionId: 'adjust', levelId: 'l2', rationale: draft.rationales['adjust'] },
      { criterionId: 'reflect', levelId: 'l4', rationale: '' },
    ]);
    expect(record.candidateFeedback.byCriterion).toEqual([
      { criterionId: 'adjust', text: draft.feedback.byCriterion['adjust'] },
    ]);
    expect(record.comments).toHaveLength(2);
    expect(record).not.toHaveProperty('decisionJustification');
  });

  it('keeps a justification only while the decision departs from the rule', () => {
    const departing = {
      ...notYetDraft(),
      decision: { kind: 'earned' as const, explanation: '' },
      decisionJustification: ' Strong. ',
    };
    expect(toScoreRecord(departing, SUBMIT).decisionJustification).toBe('Strong.');
    const stale = { ...earnedDraft(), decisionJustification: 'Left over.' };
    expect(toScoreRecord(stale, SUBMIT)).not.toHaveProperty('decisionJustification');
  });

  it('records Unscorable with its condition and no levels or criterion feedback, so it cannot read as a low score', () => {
    const draft: ReviewDraft = {
      ...notYetDraft(),
      decision: { kind: 'unscorable', conditionCode: 'file-unreadable', explanation: ' The video will not play. ' },
    };
    const record = toScoreRecord(draft, SUBMIT);
    expect(record.decision).toEqual({
      kind: 'unscorable',
      conditionCode: 'file-unreadable',
      explanation: 'The video will not play.',
    });
    expect(record.criteria).toEqual([]);
    expect(record.candidateFeedback.byCriterion).toEqual([]);
  });

  it('refuses an incomplete draft, carrying the issues', () => {
    const draft = { ...notYetDraft(), decision: undefined };
    expect(() => toScoreRecord(draft, SUBMIT)).toThrow(IncompleteReviewError);
    try {
      toScoreRecord(draft, SUBMIT);
    } catch (error) {
      expect((error as IncompleteReviewError).issues.map((i) => i.target.kind)).toEqual(['decision']);
    }
  });
});
