import { describe, expect, it } from 'vitest';
import type { AdjudicationDetail } from '../../../shared/contract/decisions';
import type { Rubric } from '../../../shared/domain/rubric';
import type { ScoreRecord } from '../../../shared/domain/score';
import type { PacketManifest } from '../../../shared/packet/manifest';
import { IncompleteReviewError, reviewIssues } from '../../../shared/review/completeness';
import { draftFromRecord } from '../../data/reviews';
import { emptyDraft, type ReviewDraft } from '../../../shared/review/draft';
import { agreedStart, resolutionAsReview, resolutionIssues, resolutionRequest } from './resolution';

const levels = [
  { id: 'b', label: 'Beginning', score: 1, descriptor: 'd' },
  { id: 'd', label: 'Developing', score: 2, descriptor: 'd' },
  { id: 'p', label: 'Proficient', score: 3, descriptor: 'd' },
];
const rubric: Rubric = {
  id: 'r',
  version: '1',
  title: 'R',
  decisionRule: { kind: 'all-at-least', minLevelScore: 3 },
  criteria: ['align', 'checks'].map((id) => ({ id, title: `Criterion ${id}`, lookFors: [], levels })),
};
const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const ADJUDICATION = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const NOW = '2026-12-03T10:00:00.000Z';
// Only what anchorLabel reads: the evidence titles.
const manifest = {
  packetId: PACKET,
  prompts: [],
  evidence: [{ id: 'lesson-video', title: 'Lesson video' }],
} as unknown as PacketManifest;

function draft(overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return { ...emptyDraft(PACKET, 1, NOW), ...overrides };
}

function scoring(assessorUsername: string, levelsById: Record<string, string>): AdjudicationDetail['scorings'][number] {
  const record: ScoreRecord = {
    id: crypto.randomUUID(),
    packetId: PACKET,
    rubricId: 'r',
    rubricVersion: '1',
    assessorId: crypto.randomUUID(),
    revision: 1,
    criteria: Object.entries(levelsById).map(([criterionId, levelId]) => ({ criterionId, levelId, rationale: 'r' })),
    comments: [],
    decision: { kind: 'earned' },
    candidateFeedback: { overall: '', byCriterion: [] },
    privateNotes: '',
    createdAt: NOW,
  };
  return { scoreId: record.id, assessorId: record.assessorId, assessorUsername, receivedAt: NOW, record };
}

function detail(resolution: AdjudicationDetail['resolution'] = null): AdjudicationDetail {
  return {
    id: ADJUDICATION,
    packetId: PACKET,
    windowId: '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32',
    scoreIds: [],
    discrepancies: [{ kind: 'criterion', criterionId: 'checks', first: 'p', second: 'b', gap: 2 }] as never,
    status: resolution ? 'resolved' : 'open',
    openedAt: NOW,
    rubric: { id: 'r', version: '1' },
    scorings: [scoring('assessor1', { align: 'p', checks: 'p' }), scoring('assessor2', { align: 'p', checks: 'b' })],
    resolution,
  };
}

describe('a resolution from the scoring screen’s draft', () => {
  it('asks for a rationale on every scored criterion, not only below the threshold, once per criterion', () => {
    const start = draft({ levels: { align: 'p', checks: 'b' }, decision: { kind: 'not-yet', explanation: '' } });
    const own = reviewIssues(rubric, start).map((issue) => issue.target);
    expect(own).toContainEqual({ kind: 'rationale', criterionId: 'checks' }); // below the threshold: the review's own
    expect(resolutionIssues(rubric, start).map((issue) => issue.target)).toEqual([
      { kind: 'rationale', criterionId: 'align' },
    ]);
    expect(resolutionIssues(rubric, { ...start, rationales: { align: 'seen', checks: 'x' } })).toEqual([]);
    // Unscorable resolves no levels, so it asks for no rationale.
    expect(
      resolutionIssues(rubric, {
        ...start,
        decision: { kind: 'unscorable', conditionCode: 'other', explanation: 'x' },
      }),
    ).toEqual([]);
  });

  it('refuses an incomplete draft with the issues to show', () => {
    const missing = draft({ levels: { align: 'p', checks: 'p' }, decision: { kind: 'earned', explanation: '' } });
    expect(() => resolutionRequest(missing, rubric, manifest, ADJUDICATION)).toThrow(IncompleteReviewError);
    expect(() => resolutionRequest(missing, rubric, manifest, ADJUDICATION)).toThrow(/rationale for “Criterion align”/);
  });

  it('maps levels with rationales and the decision, and keeps everything else written as the note', () => {
    const finished = draft({
      levels: { align: 'p', checks: 'd' },
      rationales: { align: ' Objective stated. ', checks: 'Checks only at the end.' },
      decision: { kind: 'earned', explanation: '' },
      decisionJustification: 'The end check covers the objective.',
      feedback: { overall: 'Strong lesson.', byCriterion: { checks: 'Check earlier too.' } },
      privateNotes: 'Closer to the higher scorer.',
      comments: [
        {
          id: crypto.randomUUID(),
          criterionId: 'checks',
          text: 'Thumbs up here.',
          anchor: { kind: 'media', itemId: 'lesson-video', seconds: 74 },
        },
      ],
    });
    expect(resolutionRequest(finished, rubric, manifest, ADJUDICATION)).toEqual({
      criteria: [
        { criterionId: 'align', levelId: 'p', rationale: 'Objective stated.' },
        { criterionId: 'checks', levelId: 'd', rationale: 'Checks only at the end.' },
      ],
      decision: { kind: 'earned' },
      note: [
        'Closer to the higher scorer.',
        'Why this decision: The end check covers the objective.',
        'Overall feedback for the candidate: Strong lesson.',
        'Feedback for the candidate on “Criterion checks”: Check earlier too.',
        'Evidence comment on “Criterion checks” (Lesson video, 1:14): Thumbs up here.',
      ].join('\n\n'),
    });
  });

  it('resolves Unscorable with no levels, the condition kept in the decision', () => {
    const unscorable = draft({
      levels: { align: 'p' },
      decision: { kind: 'unscorable', conditionCode: 'file-unreadable', explanation: 'The video does not play.' },
    });
    expect(resolutionRequest(unscorable, rubric, manifest, ADJUDICATION)).toEqual({
      criteria: [],
      decision: { kind: 'unscorable', conditionCode: 'file-unreadable', explanation: 'The video does not play.' },
      note: '',
    });
  });
});

describe('the hub’s side of an adjudication in the scoring screen', () => {
  it('starts a new resolution from the levels both scorers agree on', () => {
    expect(agreedStart(detail(), PACKET, NOW).levels).toEqual({ align: 'p' });
  });

  it('shows a recorded resolution read-only: levels, rationales, decision and the note', () => {
    expect(resolutionAsReview(detail())).toBeUndefined();
    const review = resolutionAsReview(
      detail({
        criteria: [
          { criterionId: 'align', levelId: 'p', rationale: 'Objective stated.' },
          { criterionId: 'checks', levelId: 'd', rationale: 'End only.' },
        ],
        decision: { kind: 'earned' },
        note: 'Closer to the higher scorer.',
        resolvedBy: '3f2b6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
        resolvedByUsername: 'chair1',
        resolvedAt: NOW,
      }),
    )!;
    expect(review).toMatchObject({ id: ADJUDICATION, packetId: PACKET, submittedAt: NOW });
    const shown = draftFromRecord(review.record, NOW);
    expect(shown.levels).toEqual({ align: 'p', checks: 'd' });
    expect(shown.rationales).toEqual({ align: 'Objective stated.', checks: 'End only.' });
    expect(shown.decision?.kind).toBe('earned');
    expect(shown.privateNotes).toBe('Closer to the higher scorer.');
  });
});
