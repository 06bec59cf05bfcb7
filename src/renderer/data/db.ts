import Dexie, { type EntityTable } from 'dexie';
import type { AssignmentView, ScoreReceipt, ScoreView } from '../../shared/contract/hub-api';
import type { ScoreDestination } from '../../shared/contract/scores';
import type { PacketSummary } from '../../shared/contract/library';
import type { ScoreRecord } from '../../shared/domain/score';
import type { ReviewDraft } from '../../shared/review/draft';

/**
 * Where a packet stands in the assessor's queue. Exporting is not a step of its own: an exported
 * review is still submitted (and still on its way to the hub), so it is a flag, exportedAt.
 */
export type ReviewStatus = 'not-started' | 'in-progress' | 'submitted';

/** Per-packet queue state, kept apart from the packet mirror so a library refresh never touches it. */
export interface PacketProgress {
  packetId: string;
  status: ReviewStatus;
  timeSpentMs: number;
  updatedAt: string;
  /** When the submitted review was last exported; cleared when it is reopened and submitted again. */
  exportedAt?: string;
}

/** A submitted review revision: read-only once written. */
export interface SubmittedReview {
  id: string;
  packetId: string;
  revision: number;
  record: ScoreRecord;
  submittedAt: string;
  exportedAt?: string;
}

/** The stored form of a submitted record. */
export function reviewOf(record: ScoreRecord, submittedAt: string): SubmittedReview {
  return { id: record.id, packetId: record.packetId, revision: record.revision, record, submittedAt };
}

/** One line of a packet's local history ("submitted revision 1", "reopened as revision 2"). */
export interface HistoryEvent {
  seq?: number;
  packetId: string;
  at: string;
  event: 'started' | 'submitted' | 'reopened' | 'exported' | 'uploaded' | 'conflict-resolved';
  revision: number;
  detail?: string;
}

/**
 * Where a submitted review stands on its way to the hub:
 * pending (waiting or retrying with backoff), uploaded (the hub's receipt is kept), conflict
 * (the hub holds another version; the assessor chooses), failed (refused; the reason says why),
 * superseded (the assessor resolved a conflict in favour of another version; kept, never sent).
 */
export type UploadStatus = 'pending' | 'uploaded' | 'conflict' | 'failed' | 'superseded';

/** A submitted review queued for the hub, keyed by the review's own id (the upload's idempotency key). */
export interface OutboxEntry {
  scoreId: string;
  packetId: string;
  revision: number;
  /** The hub revision this one replaces (0 for a first review). */
  baseRevision: number;
  record: ScoreRecord;
  status: UploadStatus;
  attempts: number;
  /** Epoch ms before which the next attempt should not start (backoff). */
  nextAttemptAt: number;
  /** Why the last attempt did not store it, in the hub's or the app's words. */
  reason?: string;
  receipt?: ScoreReceipt;
  /** The hub's version when it answered with a conflict (null: it sent none). */
  server?: ScoreView | null;
  queuedAt: string;
  updatedAt: string;
  /** Where it goes: the live queue when absent (entries queued before norming), or a norming session. */
  destination?: ScoreDestination;
  /** What the hub said on storing it that the assessor must hear (a norming score that arrived late). */
  notice?: string;
}

/**
 * A norming score in progress or submitted, kept apart from the live queue's drafts and reviews
 * (keyed by packet): the same packet can be scored in a session and live without either
 * overwriting the other. Keyed by `${sessionId}/${packetId}` (normingKey).
 */
export interface NormingDraftRow {
  key: string;
  sessionId: string;
  packetId: string;
  draft: ReviewDraft;
}
export interface NormingReviewRow {
  key: string;
  sessionId: string;
  packetId: string;
  review: SubmittedReview;
}

/** The key of one anchor's norming draft or review in one session. */
export function normingKey(sessionId: string, packetId: string): string {
  return `${sessionId}/${packetId}`;
}

/**
 * An adjudicator's resolution in progress, keyed by the adjudication (one packet can be scored live,
 * in a norming session and adjudicated without any of them overwriting another). Once the hub has
 * the resolution the draft is retired: `draft` becomes null and `resolvedAt` says when, so a late
 * autosave cannot bring it back.
 */
export interface AdjudicationDraftRow {
  adjudicationId: string;
  packetId: string;
  draft: ReviewDraft | null;
  resolvedAt: string | null;
}

/** A hub assignment as last fetched: what the hub screen lists and the queue's due dates come from. */
export type StoredAssignment = AssignmentView;

/** An assessor's own comment-bank entry (the rubric's entries come with the packet, never stored here). */
export interface StoredBankEntry {
  id: string;
  /** Entries belong to a rubric: its criteria are what they speak to. */
  rubricId: string;
  /** The criterion it speaks to; absent for a general entry (overall feedback, any field). */
  criterionId?: string;
  text: string;
  updatedAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * Everything the assessor works on offline lives here (IndexedDB via Dexie). Large evidence
 * files never do: the main process caches them on disk. Schema changes are new versions with
 * an upgrade step, never edits of old ones (db-migration.test.ts beside it upgrades real data).
 * Transactions use strict durability so a saved draft survives a power cut, not only a crash.
 */
export class AnchorDatabase extends Dexie {
  packets!: EntityTable<PacketSummary, 'packetId'>;
  progress!: EntityTable<PacketProgress, 'packetId'>;
  drafts!: EntityTable<ReviewDraft, 'packetId'>;
  reviews!: EntityTable<SubmittedReview, 'id'>;
  history!: EntityTable<HistoryEvent, 'seq'>;
  settings!: EntityTable<Setting, 'key'>;
  assignments!: EntityTable<StoredAssignment, 'assignmentId'>;
  outbox!: EntityTable<OutboxEntry, 'scoreId'>;
  bank!: EntityTable<StoredBankEntry, 'id'>;
  normingDrafts!: EntityTable<NormingDraftRow, 'key'>;
  normingReviews!: EntityTable<NormingReviewRow, 'key'>;
  adjudicationDrafts!: EntityTable<AdjudicationDraftRow, 'adjudicationId'>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ packets: 'packetId, importedAt, credentialTitle' });
    this.version(2)
      .stores({
        progress: 'packetId, status',
        drafts: 'packetId, updatedAt',
        reviews: 'id, packetId, [packetId+revision]',
        history: '++seq, packetId',
        settings: 'key',
      })
      .upgrade(async (tx) => {
        // Every packet already in the library enters the queue as not started.
        const now = new Date().toISOString();
        const ids = (await tx.table('packets').toCollection().primaryKeys()) as string[];
        await tx
          .table('progress')
          .bulkAdd(ids.map((packetId) => ({ packetId, status: 'not-started', timeSpentMs: 0, updatedAt: now })));
      });
    // Version 3 (the hub): assignments and the upload outbox. Reviews submitted before it
    // existed were never assigned by a hub, so nothing is queued for them.
    this.version(3).stores({
      assignments: 'assignmentId, packetId',
      outbox: 'scoreId, packetId, status',
    });
    // Version 4: the comment bank gets a table of its own, so entries can be edited and deleted one
    // by one. Earlier versions kept a list per criterion in settings ("commentBank:<rubric>:<criterion>");
    // those lists move in on first read (data/comment-bank.ts), which also covers lists that
    // moveLegacyData copies in later. And "exported" stops being a status that hid "submitted":
    // it becomes a flag beside it.
    this.version(4)
      .stores({ bank: 'id, rubricId' })
      .upgrade(async (tx) => {
        await tx
          .table('progress')
          .where('status')
          .equals('exported')
          .modify((row: { status: string; exportedAt?: string; updatedAt: string }) => {
            row.status = 'submitted';
            row.exportedAt ??= row.updatedAt;
          });
      });
    // Version 5: norming drafts and submitted norming scores, keyed by session and packet (see
    // NormingDraftRow). Outbox entries gain an optional destination; no index, so no upgrade step.
    this.version(5).stores({ normingDrafts: 'key, sessionId', normingReviews: 'key, sessionId' });
    // Version 6: adjudicators' resolution drafts, by adjudication (see AdjudicationDraftRow). A new
    // table only: nothing earlier moves, so no upgrade step.
    this.version(6).stores({ adjudicationDrafts: 'adjudicationId' });
  }
}

/** The IndexedDB database of one workspace: `anchor-local`, or `anchor-hub-<digest>` per (hub, user). */
export function workspaceDatabaseName(workspaceId: string): string {
  return `anchor-${workspaceId}`;
}

/**
 * The current workspace's database. Reassigned only by enterWorkspace (data/workspace.ts), which
 * then remounts every screen under a key of the workspace id, so no component or query keeps
 * reading the previous person's database; modules that run outside React (the outbox runner,
 * the hub watch) are restarted there too. An ES module binding is live: importers see the new one.
 */
export let db = new AnchorDatabase(workspaceDatabaseName('local'));

/** Makes `database` the current one (enterWorkspace only). */
export function setCurrentDatabase(database: AnchorDatabase): void {
  db = database;
}
