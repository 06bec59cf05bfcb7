import type { z } from 'zod';
import type {
  BackReadAdjudicationRequest,
  BackReadingList,
  BackReadingListPacket,
  BackReadingPacket,
  BackReadNote,
  BackReadNoteRequest,
} from '../../shared/contract/back-reading';
import type { AdjudicationView } from '../../shared/contract/committee';
import { ScoreRecord } from '../../shared/domain/score';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { isUniqueViolation, type Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { appendAudit } from '../store/audit';
import {
  backReadingMarks,
  findAdjudication,
  insertNote,
  latestScorings,
  listNotes,
  type LatestScoringRow,
} from '../store/back-reading';
import { isConflicted } from '../store/conflicts';
import { hasAdjudication, insertAdjudication } from '../store/scoring-quality';
import { findWindow } from '../store/windows';

/**
 * The window's scored packets for a back-reader, newest scoring first, optionally only those an
 * assessor scored (to sample one person's work). Packets the reader is conflicted with are left out.
 */
export async function backReadingList(
  hub: HubContext,
  windowId: string,
  reader: Principal,
  filter: { assessorId?: string },
): Promise<BackReadingList> {
  const window = await findWindow(hub.db, windowId, hub.now());
  if (!window) throw notFound('The review window');
  const rows = await latestScorings(hub.db, { windowId, viewerId: reader.userId, withRecords: false });
  const marks = await backReadingMarks(hub.db, windowId);
  const byPacket = new Map<string, LatestScoringRow[]>();
  const assessors = new Map<string, string>();
  for (const row of rows) {
    byPacket.set(row.packetId, [...(byPacket.get(row.packetId) ?? []), row]);
    assessors.set(row.assessorId, row.assessorUsername);
  }
  const packets: BackReadingListPacket[] = [];
  for (const [packetId, scorings] of byPacket) {
    if (filter.assessorId && !scorings.some((s) => s.assessorId === filter.assessorId)) continue;
    const first = scorings[0]!;
    const mark = marks.get(packetId);
    packets.push({
      packetId,
      pseudonym: first.pseudonym,
      credentialTitle: first.credentialTitle,
      lastScoredAt: scorings.map((s) => s.receivedAt).reduce((a, b) => (a > b ? a : b)),
      scorings: scorings.map((s) => ({
        scoreId: s.scoreId,
        assessorId: s.assessorId,
        assessorUsername: s.assessorUsername,
        revision: s.revision,
        receivedAt: s.receivedAt,
        decision: s.decision,
      })),
      notes: mark?.notes ?? 0,
      adjudication: mark?.adjudication ?? null,
    });
  }
  packets.sort((a, b) => (a.lastScoredAt === b.lastScoredAt ? 0 : a.lastScoredAt > b.lastScoredAt ? -1 : 1));
  return {
    window: { id: window.id, name: window.name },
    packets,
    assessors: [...assessors]
      .map(([id, username]) => ({ id, username }))
      .sort((a, b) => a.username.localeCompare(b.username)),
  };
}

/**
 * The scored packet's scorings in full, or 404: no such window, no scoring of the packet in it,
 * or a declared conflict with it (the same answer, so a conflicted reader learns nothing).
 */
async function requireScored(
  q: Queryable,
  windowId: string,
  packetId: string,
  reader: Principal,
  now: number,
): Promise<LatestScoringRow[]> {
  if (!(await findWindow(q, windowId, now))) throw notFound('The review window');
  if (await isConflicted(q, reader.userId, packetId)) throw notFound('The scored packet');
  const scorings = await latestScorings(q, { windowId, viewerId: reader.userId, packetId, withRecords: true });
  if (scorings.length === 0) throw notFound('The scored packet');
  return scorings;
}

/** One scored packet as a back-reader reads it; the reading is audited. */
export async function backReadingPacket(
  hub: HubContext,
  windowId: string,
  packetId: string,
  reader: Principal,
): Promise<BackReadingPacket> {
  const now = hub.now();
  const scorings = await requireScored(hub.db, windowId, packetId, reader, now);
  const [notes, adjudication] = await Promise.all([
    listNotes(hub.db, windowId, packetId),
    findAdjudication(hub.db, windowId, packetId),
  ]);
  await appendAudit(
    hub.db,
    {
      actor: reader.userId,
      action: 'back-reading.read',
      subject: `packet:${packetId}`,
      detail: { windowId, scoreIds: scorings.map((s) => s.scoreId) },
    },
    now,
  );
  const first = scorings[0]!;
  return {
    windowId,
    packetId,
    pseudonym: first.pseudonym,
    credentialTitle: first.credentialTitle,
    scorings: scorings.map((s) => ({
      scoreId: s.scoreId,
      assessorId: s.assessorId,
      assessorUsername: s.assessorUsername,
      revision: s.revision,
      receivedAt: s.receivedAt,
      // The assessor's private notes are not shown even to a lead: ScoreRecord promises they never
      // leave the assessor's side, and every reader but the author gets them blank (see
      // scoreForReader). A back-reader judges the scoring by what it tells the committee and the
      // candidate — levels, rationales, comments, feedback — which is what a reviewer can act on.
      record: { ...ScoreRecord.parse(s.record), privateNotes: '' },
    })),
    notes,
    adjudication: adjudication ?? null,
  };
}

/** Adds a private note (leads, chairs and admins read it; assessors and candidates never). */
export async function addBackReadNote(
  hub: HubContext,
  windowId: string,
  packetId: string,
  reader: Principal,
  body: z.output<typeof BackReadNoteRequest>,
): Promise<BackReadNote> {
  const now = hub.now();
  return hub.db.transaction(async (tx) => {
    await requireScored(tx, windowId, packetId, reader, now);
    const id = await insertNote(tx, { windowId, packetId, author: reader.userId, text: body.text, at: now });
    await appendAudit(
      tx,
      {
        actor: reader.userId,
        action: 'back-reading.note',
        subject: `packet:${packetId}`,
        detail: { windowId, noteId: id, text: body.text },
      },
      now,
    );
    return {
      id,
      authorId: reader.userId,
      authorUsername: reader.username,
      text: body.text,
      at: new Date(now).toISOString(),
    };
  });
}

/**
 * Opens an adjudication of the packet in the window on the back-reader's word, with the reason as
 * its one discrepancy, comparing the scorings as they stand. Refused with 409 when the packet has
 * an adjudication already (open or resolved: one per packet and window).
 */
export async function sendToAdjudication(
  hub: HubContext,
  windowId: string,
  packetId: string,
  reader: Principal,
  body: z.output<typeof BackReadAdjudicationRequest>,
): Promise<AdjudicationView> {
  const now = hub.now();
  const exists = () =>
    new ApiError(409, 'adjudication-exists', 'This packet already has an adjudication in this window.');
  const opened = await hub.db
    .transaction(async (tx) => {
      const scorings = await requireScored(tx, windowId, packetId, reader, now);
      if (await hasAdjudication(tx, windowId, packetId)) throw exists();
      const discrepancies = [{ kind: 'back-read' as const, reason: body.reason }];
      const scoreIds = scorings.map((s) => s.scoreId);
      const id = await insertAdjudication(tx, { windowId, packetId, scoreIds, discrepancies, at: now });
      await appendAudit(
        tx,
        {
          actor: reader.userId,
          action: 'adjudication.open',
          subject: `packet:${packetId}`,
          detail: { adjudicationId: id, windowId, discrepancies, via: 'back-reading' },
        },
        now,
      );
      return {
        id,
        packetId,
        scoreIds,
        discrepancies,
        status: 'open' as const,
        openedAt: new Date(now).toISOString(),
      };
    })
    .catch((error: unknown) => {
      // Two back-readers sending the same packet at once: the unique key lets one through.
      throw isUniqueViolation(error) ? exists() : error;
    });
  hub.events.publish({ type: 'adjudication.opened', adjudicationId: opened.id, windowId, packetId });
  return opened;
}
