import type { UploadOutcome } from '../../shared/contract/hub-bridge';
import type { ScoreDestination } from '../../shared/contract/scores';
import type { ScoreRecord } from '../../shared/domain/score';
import { db, reviewOf, type AnchorDatabase, type OutboxEntry, type UploadStatus } from './db';

/** Sends one submitted review to the hub (the bridge's hub.uploadScore), to the live queue or a norming session. */
export type Upload = (
  record: ScoreRecord,
  baseRevision: number,
  destination: ScoreDestination,
) => Promise<UploadOutcome>;

const LIVE: ScoreDestination = { kind: 'live' };

/**
 * Revisions of one review go one after the other; a packet's live review and its norming score
 * in a session are different reviews, so each destination has its own lane.
 */
export function uploadLane(entry: Pick<OutboxEntry, 'packetId' | 'destination'>): string {
  const destination = entry.destination ?? LIVE;
  return destination.kind === 'norming' ? `norming/${destination.sessionId}/${entry.packetId}` : entry.packetId;
}

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 5 * 60_000;
/** While signed out nothing can go; look again now and then (signing in also wakes the outbox). */
const SIGNED_OUT_RECHECK_MS = 30_000;

/**
 * Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 5 minutes, ±20 % so that many
 * assessors coming back online after a hub outage do not all retry in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Queues a just-submitted review for the hub, inside the caller's submit transaction so a
 * review is never submitted without being queued (the transaction must include outbox).
 */
export async function queueUpload(
  record: ScoreRecord,
  database: AnchorDatabase = db,
  destination?: ScoreDestination,
): Promise<void> {
  const entry = outboxEntry(record, 'pending', new Date().toISOString());
  await database.outbox.add(destination?.kind === 'norming' ? { ...entry, destination } : entry);
}

/** A record's outbox row: keyed by the review's own id, based on the revision before it. */
function outboxEntry(
  record: ScoreRecord,
  status: 'pending' | 'uploaded',
  now: string,
  receipt?: OutboxEntry['receipt'],
): OutboxEntry {
  return {
    scoreId: record.id,
    packetId: record.packetId,
    revision: record.revision,
    baseRevision: record.revision - 1,
    record,
    status,
    attempts: 0,
    nextAttemptAt: 0,
    receipt,
    queuedAt: now,
    updatedAt: now,
  };
}

/**
 * Uploads every entry that is due, oldest revision first per packet. A packet's later revision
 * waits until its earlier one is on the hub (it is based on it). Returns how many were tried.
 */
export async function uploadDue(upload: Upload, database: AnchorDatabase = db, now = Date.now()): Promise<number> {
  const pending = await database.outbox.where('status').anyOf('pending', 'conflict', 'failed').toArray();
  const firstOpenRevision = new Map<string, OutboxEntry>();
  for (const entry of pending.sort((a, b) => a.revision - b.revision)) {
    if (!firstOpenRevision.has(uploadLane(entry))) firstOpenRevision.set(uploadLane(entry), entry);
  }
  let tried = 0;
  for (const entry of firstOpenRevision.values()) {
    if (entry.status !== 'pending' || entry.nextAttemptAt > now) continue;
    tried++;
    let outcome: UploadOutcome;
    try {
      outcome = await upload(entry.record, entry.baseRevision, entry.destination ?? LIVE);
    } catch (error) {
      // The bridge itself failed (browser mode's host stopped): the same as an outage.
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    await applyOutcome(entry, outcome, database, now);
  }
  return tried;
}

async function applyOutcome(entry: OutboxEntry, outcome: UploadOutcome, database: AnchorDatabase, now: number) {
  const updatedAt = new Date(now).toISOString();
  const attempts = entry.attempts + 1;
  await database.transaction('rw', database.outbox, database.history, async () => {
    // Resolved or superseded meanwhile (another tab, the conflict screen): leave it be.
    const current = await database.outbox.get(entry.scoreId);
    if (!current || current.status !== 'pending') return;
    switch (outcome.kind) {
      case 'stored':
        await database.outbox.update(entry.scoreId, {
          status: 'uploaded',
          receipt: outcome.receipt,
          reason: undefined,
          notice: outcome.notice,
          attempts,
          updatedAt,
        });
        // A norming score is not part of the packet's live history (which blind scoring hides anyway).
        if (entry.destination?.kind === 'norming') return;
        await database.history.add({
          packetId: entry.packetId,
          at: updatedAt,
          event: 'uploaded',
          revision: entry.revision,
          detail: `hub receipt: revision ${outcome.receipt.revision}, received ${outcome.receipt.receivedAt}`,
        });
        return;
      case 'conflict':
        await database.outbox.update(entry.scoreId, {
          status: 'conflict',
          server: outcome.server,
          reason: outcome.reason,
          attempts,
          updatedAt,
        });
        return;
      case 'rejected':
        await database.outbox.update(entry.scoreId, { status: 'failed', reason: outcome.reason, attempts, updatedAt });
        return;
      case 'signed-out':
        await database.outbox.update(entry.scoreId, {
          reason: outcome.reason,
          nextAttemptAt: now + SIGNED_OUT_RECHECK_MS,
          updatedAt,
        });
        return;
      case 'retry':
        await database.outbox.update(entry.scoreId, {
          reason: `${outcome.reason} Anchor will try again.`,
          attempts,
          nextAttemptAt: now + retryDelayMs(attempts),
          updatedAt,
        });
        return;
    }
  });
}

/** "Retry now": pending and failed uploads become due at once. */
export async function retryNow(database: AnchorDatabase = db, packetId?: string): Promise<void> {
  await database.transaction('rw', database.outbox, async () => {
    const entries = await database.outbox.where('status').anyOf('pending', 'failed').toArray();
    for (const entry of entries) {
      if (packetId && entry.packetId !== packetId) continue;
      await database.outbox.update(entry.scoreId, { status: 'pending', nextAttemptAt: 0 });
    }
  });
}

/** What the queue shows for a packet: the state of its latest revision bound for the hub. */
export interface PacketUpload {
  status: Exclude<UploadStatus, 'superseded'>;
  scoreId: string;
  revision: number;
  reason?: string;
}

export function uploadsByPacket(entries: readonly OutboxEntry[]): Map<string, PacketUpload> {
  const latest = new Map<string, PacketUpload>();
  for (const entry of entries) {
    // The queue's upload state is the live review's; norming scores show on the norming screen.
    if (entry.status === 'superseded' || entry.destination?.kind === 'norming') continue;
    const known = latest.get(entry.packetId);
    // An open problem with an earlier revision still matters more than a later revision waiting behind it.
    const rank = (s: PacketUpload['status']) => (s === 'conflict' || s === 'failed' ? 2 : s === 'pending' ? 1 : 0);
    if (
      !known ||
      rank(entry.status) > rank(known.status) ||
      (rank(entry.status) === rank(known.status) && entry.revision > known.revision)
    ) {
      latest.set(entry.packetId, {
        status: entry.status,
        scoreId: entry.scoreId,
        revision: entry.revision,
        reason: entry.reason,
      });
    }
  }
  return latest;
}

/**
 * Resolves a conflict by uploading this computer's version on top of the hub's: the same
 * content as a new revision with a new id, based on the hub's revision.
 */
export function keepMine(scoreId: string, database: AnchorDatabase = db): Promise<ScoreRecord> {
  return resolveConflict(database, scoreId, async (entry, now) => {
    const hubRevision = entry.server?.receipt.revision ?? 0;
    const record: ScoreRecord = {
      ...entry.record,
      id: crypto.randomUUID(),
      revision: hubRevision + 1,
      submittedAt: now,
    };
    await database.reviews.add(reviewOf(record, now));
    await queueUpload(record, database);
    return {
      record,
      detail: `kept this computer's revision ${entry.revision} over the hub's revision ${hubRevision}; uploading it as revision ${record.revision}`,
    };
  });
}

/**
 * Resolves a conflict by taking the hub's version: it becomes this computer's submitted
 * review, with the hub's receipt.
 */
export function takeHubVersion(scoreId: string, database: AnchorDatabase = db): Promise<ScoreRecord> {
  return resolveConflict(database, scoreId, async (entry, now) => {
    if (!entry.server) throw new Error('The hub sent no version to take; try the upload again.');
    const { record, receipt } = entry.server;
    await database.reviews.delete(scoreId);
    await database.reviews.put(reviewOf(record, record.submittedAt ?? receipt.receivedAt));
    await database.outbox.put(outboxEntry(record, 'uploaded', now, receipt));
    return {
      record,
      detail: `took the hub's revision ${receipt.revision}; this computer's revision ${entry.revision} is kept aside, not uploaded`,
    };
  });
}

/**
 * The part both choices share, in one transaction: the conflicting entry is kept but set aside
 * (superseded, never sent), a draft reopened meanwhile moves above the revision that now stands,
 * and the choice is written into the packet's history.
 */
async function resolveConflict(
  database: AnchorDatabase,
  scoreId: string,
  choose: (entry: OutboxEntry, now: string) => Promise<{ record: ScoreRecord; detail: string }>,
): Promise<ScoreRecord> {
  const tables = [database.outbox, database.reviews, database.drafts, database.history, database.progress];
  return database.transaction('rw', tables, async () => {
    const entry = await conflictEntry(database, scoreId);
    const now = new Date().toISOString();
    await database.outbox.update(scoreId, { status: 'superseded', updatedAt: now });
    const { record, detail } = await choose(entry, now);
    await moveDraftAbove(database, record.packetId, record.revision);
    await database.history.add({
      packetId: record.packetId,
      at: now,
      event: 'conflict-resolved',
      revision: record.revision,
      detail,
    });
    return record;
  });
}

async function conflictEntry(database: AnchorDatabase, scoreId: string): Promise<OutboxEntry> {
  const entry = await database.outbox.get(scoreId);
  if (!entry || entry.status !== 'conflict') throw new Error('This upload has no conflict to resolve (any more).');
  return entry;
}

/** A draft reopened meanwhile must stay newer than the resolved revision, or it could never be saved. */
async function moveDraftAbove(database: AnchorDatabase, packetId: string, revision: number): Promise<void> {
  const draft = await database.drafts.get(packetId);
  if (draft && draft.revision <= revision) await database.drafts.put({ ...draft, revision: revision + 1 });
}
