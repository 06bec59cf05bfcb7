// Test data for the review-loop tests (completeness, decision rules, exports). Imported only by
// *.test.ts files; it lives here rather than under tests/ because it must stay pure TypeScript.
import type { ScoreRecord } from '../../domain/score';
import { PacketManifest } from '../../packet/manifest';
import { toScoreRecord } from '../completeness';
import { emptyDraft, type ReviewDraft } from '../draft';
import type { ExportInput } from './resolve';

export const PACKET_ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
export const REVIEW_ID = '5d1c2b7a-0f3e-4a8b-9c6d-2e1f0a9b8c7d';
export const COMMENT_IDS = ['9a8b7c6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d', '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b'] as const;
export const ASSESSOR_ID = 'assessor-ravi';
export const PRIVATE_NOTE = 'PRIVATE: looks like the same class as attempt one';

const levels = (what: string) => [
  { id: 'l1', label: 'Beginning', score: 1, descriptor: `${what} are absent.` },
  { id: 'l2', label: 'Developing', score: 2, descriptor: `${what} are present but weakly aligned.` },
  { id: 'l3', label: 'Proficient', score: 3, descriptor: `${what} align to the objective.` },
  { id: 'l4', label: 'Exemplary', score: 4, descriptor: `${what} align and adapt to students.` },
];

/** A three-criterion "Checking for Understanding" packet: a lesson plan PDF, a video and a table. */
export const manifest = PacketManifest.parse({
  formatVersion: 1,
  packetId: PACKET_ID,
  credential: {
    id: 'cfu',
    title: 'Checking for Understanding',
    competency: 'Uses checks for understanding to adjust instruction.',
    stack: { id: 'assessment', title: 'Classroom Assessment' },
  },
  rubric: {
    id: 'cfu-rubric',
    version: '2',
    title: 'Checking for Understanding rubric',
    decisionRule: { kind: 'all-at-least', minLevelScore: 3 },
    criteria: [
      { id: 'design', title: 'Design of checks', levels: levels('Checks') },
      { id: 'adjust', title: 'Adjusting instruction', levels: levels('Adjustments') },
      { id: 'reflect', title: 'Reflection on impact', levels: levels('Reflections') },
    ],
  },
  candidate: { pseudonym: 'Candidate T-0042' },
  attempt: {
    number: 2,
    previous: [{ number: 1, decision: 'not-yet', decidedAt: '2026-05-01T12:00:00Z', feedback: 'Show the adjustment.' }],
  },
  submittedAt: '2026-10-01T12:00:00Z',
  evidence: [
    item('lesson-plan', 'pdf', 'Lesson plan', 'docs/lesson-plan.pdf', 'application/pdf'),
    item('video', 'video', 'Classroom video', 'media/lesson.mp4', 'video/mp4'),
    item('results', 'table', 'Exit ticket results', 'data/results.csv', 'text/csv'),
  ],
});
export const rubric = manifest.rubric;

/** A draft that is complete for "Not yet": one criterion below Proficient, explained and fed back. */
export function notYetDraft(): ReviewDraft {
  return {
    ...emptyDraft(PACKET_ID, 1, '2026-10-02T09:00:00Z'),
    levels: { design: 'l3', adjust: 'l2', reflect: 'l4' },
    rationales: { adjust: 'The video shows the check but no change of plan afterwards.' },
    comments: [
      {
        id: COMMENT_IDS[0],
        criterionId: 'design',
        text: 'The exit ticket asks exactly what the objective names.',
        anchor: { kind: 'pdf', itemId: 'lesson-plan', page: 2 },
      },
      {
        id: COMMENT_IDS[1],
        criterionId: 'adjust',
        text: 'Here the students’ answers were split, but the lesson carried on.',
        anchor: { kind: 'media', itemId: 'video', seconds: 74.6 },
      },
    ],
    decision: { kind: 'not-yet', explanation: '' },
    feedback: {
      overall: 'Your checks are well designed; next, show what you change when they reveal confusion.',
      byCriterion: { adjust: 'When the check shows a split, regroup or reteach before moving on.' },
    },
    privateNotes: PRIVATE_NOTE,
  };
}

/** The submitted record of a draft (the Not yet draft by default). */
export function recordOf(draft: ReviewDraft = notYetDraft()): ScoreRecord {
  return toScoreRecord(draft, {
    reviewId: REVIEW_ID,
    assessorId: ASSESSOR_ID,
    rubric,
    submittedAt: '2026-10-02T10:00:00Z',
  });
}

/** An export input for a draft (the Not yet draft by default). */
export function exportInput(draft?: ReviewDraft): ExportInput {
  return { record: recordOf(draft), manifest };
}

function item(id: string, kind: string, title: string, path: string, mediaType: string) {
  return { id, kind, title, path, mediaType, bytes: 1024, sha256: 'a'.repeat(64) };
}

/** The fixture packet plus what the newer anchors point into: a written response, an image and a text note. */
export const richManifest = PacketManifest.parse({
  ...manifest,
  prompts: [
    { id: 'context', text: 'Describe your class.', response: 'Twenty-six students.' },
    {
      id: 'analysis',
      text: 'What did the tickets show?',
      response: 'Seven students computed but could not interpret.',
    },
  ],
  evidence: [
    ...manifest.evidence,
    item('whiteboard', 'image', 'Whiteboard photo', 'media/board.png', 'image/png'),
    item('notes', 'text', 'PLC notes', 'notes/plc.txt', 'text/plain'),
  ],
});
