import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';
import { Rubric } from '../domain/rubric';
import { ScoreRecord } from '../domain/score';
import { AdjudicationView } from './committee';

// Back-reading (issue 12, part 10): a scoring lead, a chair or an admin reads scored packets of a
// window, scoring by scoring, and leaves a private note or sends the packet to adjudication.

/** One assessor's latest scoring of a packet, as the back-reading list names it. */
export const BackReadingScoringSummary = z.strictObject({
  scoreId: Uuid,
  assessorId: Uuid,
  assessorUsername: z.string(),
  revision: z.number().int(),
  receivedAt: IsoDateTime,
  decision: z.string(),
});

export const BackReadingListPacket = z.strictObject({
  packetId: Uuid,
  pseudonym: z.string(),
  credentialTitle: z.string(),
  /** When the latest scoring of it arrived: the list is newest first by this. */
  lastScoredAt: IsoDateTime,
  scorings: z.array(BackReadingScoringSummary),
  /** How many back-reading notes it has: 0 means no one has back-read it yet. */
  notes: z.number().int(),
  adjudication: z.enum(['open', 'resolved']).nullable(),
});
export type BackReadingListPacket = z.infer<typeof BackReadingListPacket>;

export const BackReadingList = z.strictObject({
  window: z.strictObject({ id: Uuid, name: z.string() }),
  packets: z.array(BackReadingListPacket),
  /** Every assessor with a scoring in the window (the assessor filter's choices). */
  assessors: z.array(z.strictObject({ id: Uuid, username: z.string() })),
});
export type BackReadingList = z.infer<typeof BackReadingList>;

/** A submitted scoring in full, except the assessor's private notes (always empty here). */
export const BackReadingScoring = BackReadingScoringSummary.omit({ decision: true }).extend({ record: ScoreRecord });
export type BackReadingScoring = z.infer<typeof BackReadingScoring>;

export const BackReadNote = z.strictObject({
  id: Uuid,
  authorId: Uuid,
  authorUsername: z.string(),
  text: z.string(),
  at: IsoDateTime,
});
export type BackReadNote = z.infer<typeof BackReadNote>;

export const BackReadingPacket = z.strictObject({
  windowId: Uuid,
  packetId: Uuid,
  pseudonym: z.string(),
  credentialTitle: z.string(),
  /** Each assessor's latest revision, the first scorer first. */
  scorings: z.array(BackReadingScoring),
  /** Oldest first. Never shown to assessors or candidates. */
  notes: z.array(BackReadNote),
  adjudication: AdjudicationView.nullable(),
});
export type BackReadingPacket = z.infer<typeof BackReadingPacket>;

const Text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
export const BackReadNoteRequest = z.strictObject({ text: Text(4000) });
export const BackReadAdjudicationRequest = z.strictObject({ reason: Text(2000) });

// ── bridge ───────────────────────────────────────────────────────────────────────────────
// Each channel is one hub route; the hub alone decides who may back-read (lead, chair, admin).

const PacketRef = z.strictObject({ windowId: Uuid, packetId: Uuid });

export const BACK_READING_CHANNELS = {
  'backReading.list': {
    input: z.strictObject({ windowId: Uuid, assessorId: Uuid.optional() }),
    output: BackReadingList,
  },
  /** The packet's scorings and notes, with its rubric and each comment's anchor in words. */
  'backReading.packet': {
    input: PacketRef,
    output: z.strictObject({
      packet: BackReadingPacket,
      rubric: Rubric.nullable(),
      /** Comment id → where it points ("Lesson plan, page 2"), read off the packet's manifest. */
      anchorLabels: z.record(z.string(), z.string()),
    }),
  },
  'backReading.note': { input: PacketRef.extend({ text: z.string() }), output: BackReadNote },
  'backReading.adjudicate': { input: PacketRef.extend({ reason: z.string() }), output: AdjudicationView },
} as const;
