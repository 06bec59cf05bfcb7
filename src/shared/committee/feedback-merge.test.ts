import { describe, expect, it } from 'vitest';
import { mergeCandidateFeedback, type FeedbackSource } from './feedback-merge';

const rubric = { criteria: [{ id: 'design' }, { id: 'evidence' }] } as Parameters<typeof mergeCandidateFeedback>[0];

function source(
  scoreId: string,
  assessorUsername: string,
  overall: string,
  byCriterion: { criterionId: string; text: string }[] = [],
): FeedbackSource {
  return { scoreId, assessorUsername, record: { candidateFeedback: { overall, byCriterion } } };
}

describe('mergeCandidateFeedback', () => {
  it('keeps each piece with the scoring it came from, first scorer first, in rubric order', () => {
    const merged = mergeCandidateFeedback(rubric, [
      source('s1', 'ana', 'Clear plan.', [{ criterionId: 'evidence', text: 'Cite the data.' }]),
      source('s2', 'ben', 'Strong reflection.', [{ criterionId: 'design', text: 'Tight alignment.' }]),
    ]);
    expect(merged.overall).toEqual([
      { text: 'Clear plan.', sources: [{ scoreId: 's1', assessorUsername: 'ana' }] },
      { text: 'Strong reflection.', sources: [{ scoreId: 's2', assessorUsername: 'ben' }] },
    ]);
    expect(merged.byCriterion.map((c) => c.criterionId)).toEqual(['design', 'evidence']);
    expect(merged.byCriterion[0]!.pieces[0]!.sources).toEqual([{ scoreId: 's2', assessorUsername: 'ben' }]);
    expect(merged.suggested).toEqual({
      overall: 'Clear plan.\n\nStrong reflection.',
      byCriterion: [
        { criterionId: 'design', text: 'Tight alignment.' },
        { criterionId: 'evidence', text: 'Cite the data.' },
      ],
    });
  });

  it('offers identical texts once, with both sources, ignoring whitespace differences', () => {
    const merged = mergeCandidateFeedback(rubric, [
      source('s1', 'ana', 'Good  work.'),
      source('s2', 'ben', ' Good work. '),
    ]);
    expect(merged.overall).toEqual([
      {
        text: 'Good  work.',
        sources: [
          { scoreId: 's1', assessorUsername: 'ana' },
          { scoreId: 's2', assessorUsername: 'ben' },
        ],
      },
    ]);
  });

  it('leaves out blank feedback and criteria the rubric does not know', () => {
    const merged = mergeCandidateFeedback(rubric, [
      source('s1', 'ana', '   ', [
        { criterionId: 'design', text: '' },
        { criterionId: 'ghost', text: 'Not in the rubric.' },
      ]),
    ]);
    expect(merged.overall).toEqual([]);
    expect(merged.byCriterion.every((c) => c.pieces.length === 0)).toBe(true);
    expect(merged.suggested).toEqual({ overall: '', byCriterion: [] });
  });
});
