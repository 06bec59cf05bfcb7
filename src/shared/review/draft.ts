import { z } from 'zod';
import { IsoDateTime, LocalId, Uuid } from '../domain/common';
import { ConditionCode } from '../domain/decision';
import { EvidenceComment } from '../domain/score';

/** The decision while it is being edited: every part optional until submit checks it. */
export const DraftDecision = z.strictObject({
  kind: z.enum(['earned', 'not-yet', 'unscorable']),
  conditionCode: ConditionCode.optional(),
  explanation: z.string().default(''),
});
export type DraftDecision = z.infer<typeof DraftDecision>;

/** Where the evidence viewer was, so a restored draft opens exactly where the assessor left off. */
export const ViewerPosition = z.strictObject({
  itemId: z.string().optional(),
  page: z.number().int().min(1).optional(),
  seconds: z.number().min(0).optional(),
});
export type ViewerPosition = z.infer<typeof ViewerPosition>;

/**
 * An assessor's review while it is in progress: saved to Dexie on every change and turned into a
 * ScoreRecord on submit. Records keyed by criterion id make single edits cheap to store.
 */
export const ReviewDraft = z.strictObject({
  packetId: Uuid,
  /** 1 for the first review; reopening a submitted review starts the next revision. */
  revision: z.number().int().min(1),
  /** criterionId → levelId */
  levels: z.record(LocalId, LocalId),
  /** criterionId → rationale */
  rationales: z.record(LocalId, z.string()),
  comments: z.array(EvidenceComment),
  decision: DraftDecision.optional(),
  decisionJustification: z.string(),
  feedback: z.strictObject({ overall: z.string(), byCriterion: z.record(LocalId, z.string()) }),
  privateNotes: z.string(),
  viewer: ViewerPosition,
  /** Active time on task, paused while the window is hidden or idle. */
  timeOnTaskMs: z.number().min(0),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ReviewDraft = z.infer<typeof ReviewDraft>;

/** An empty draft for a packet. */
export function emptyDraft(packetId: string, revision: number, now: string): ReviewDraft {
  return {
    packetId,
    revision,
    levels: {},
    rationales: {},
    comments: [],
    decisionJustification: '',
    feedback: { overall: '', byCriterion: {} },
    privateNotes: '',
    viewer: {},
    timeOnTaskMs: 0,
    startedAt: now,
    updatedAt: now,
  };
}
