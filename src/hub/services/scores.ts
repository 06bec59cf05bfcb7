import type { z } from 'zod';
import { ScoreRecord } from '../../shared/domain/score';
import type { PutScoreRequest, ScoreReceipt, ScoreView } from '../../shared/contract/hub-api';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { iso, isUniqueViolation, jsonParam, type Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { assignmentState } from '../store/assignments';
import { appendAudit } from '../store/audit';
import { findPacket } from '../store/packets';
import type { PacketManifest } from '../../shared/packet/manifest';
import { scoreProblems } from './score-rules';

export type PutScoreOutcome = { status: 200 | 201; receipt: ScoreReceipt };

interface ScoreRow {
  id: string;
  packet_id: string;
  assessor_id: string;
  revision: number;
  record: unknown;
  received_at: Date;
}

/** A stored score with the id of the account that uploaded it. */
export interface StoredScore {
  assessorId: string;
  view: ScoreView;
}

/**
 * Stores a score upload exactly once.
 *
 * - Idempotent by the score's own id: the same record again answers 200 with the receipt of the
 *   first upload, however often a flaky connection makes the client retry.
 * - Optimistic concurrency: the upload names the revision it was based on (`baseRevision`, 0 for
 *   a first review). If the hub's latest revision for this packet and assessor differs, the answer
 *   is 409 with the hub's version, so the app can show both; nothing is ever silently overwritten.
 * - A stored revision never changes: a different record under a known id is also a 409.
 *
 * The packet must be assigned to the caller in an open window (a replay is answered even after the
 * window closed). The assignment rows are locked for the transaction, so concurrent uploads for
 * one packet and assessor are decided one by one.
 */
export async function putScore(
  hub: HubContext,
  principal: Principal,
  scoreId: string,
  body: z.output<typeof PutScoreRequest>,
): Promise<PutScoreOutcome> {
  const { record, baseRevision } = body;
  if (record.id !== scoreId) {
    throw new ApiError(400, 'id-mismatch', `The record's id ${record.id} is not the score id in the URL (${scoreId}).`);
  }
  if (record.assessorId !== principal.username) {
    throw new ApiError(
      400,
      'assessor-mismatch',
      `The record names assessor "${record.assessorId}", but you are signed in as "${principal.username}".`,
    );
  }
  if (record.revision <= baseRevision) {
    throw new ApiError(
      400,
      'invalid-revision',
      `Revision ${record.revision} cannot be based on revision ${baseRevision}.`,
    );
  }
  const now = hub.now();
  const outcome = await hub.db.transaction(async (tx): Promise<PutScoreOutcome & { created: boolean }> => {
    const assignment = await assignmentState(tx, record.packetId, principal.userId, now, true);
    if (assignment === 'none') {
      throw new ApiError(404, 'not-assigned', 'This packet is not assigned to you, or it does not exist.');
    }
    // A replay is answered before the window is checked: a client that lost the first answer and
    // retries after the window closed must still get its receipt, not an error.
    const { existing, latest } = await scoreRows(tx, scoreId, record.packetId, principal.userId);
    if (existing) {
      // Someone else's score id is as invisible as a missing one.
      if (existing.assessor_id !== principal.userId) throw notFound('The score');
      if (canonical(existing.record) === canonical(record)) {
        return { status: 200, receipt: receiptOf(existing), created: false };
      }
      throw new ApiError(
        409,
        'score-id-reused',
        `Score ${scoreId} is already stored with different content; a stored revision never changes. Submit changes as a new revision with a new id.`,
        { extra: { server: viewOf(existing, true) } },
      );
    }
    if (assignment === 'not-open') {
      throw new ApiError(
        403,
        'window-closed',
        'The review window for this packet is not open; the hub accepts no new scores for it.',
      );
    }
    const manifest = await manifestToScore(hub, tx, record.packetId);
    if (!manifest) throw notFound('The packet');
    const problems = scoreProblems(manifest, record);
    if (problems.length > 0) {
      throw new ApiError(400, 'invalid-score', `The score does not fit this packet: ${problems[0]!.message}`, {
        problems,
      });
    }
    const current = latest?.revision ?? 0;
    if (current !== baseRevision) {
      throw new ApiError(
        409,
        'revision-conflict',
        `This review was based on revision ${baseRevision}, but the hub holds revision ${current}. Compare both and submit again based on ${current}.`,
        { extra: { server: latest ? viewOf(latest, true) : null } },
      );
    }
    const receivedAt = new Date(now).toISOString();
    try {
      await tx.query(
        `insert into scores (id, packet_id, assessor_id, revision, base_revision, record, received_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
        [scoreId, record.packetId, principal.userId, record.revision, baseRevision, jsonParam(record), receivedAt],
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ApiError(409, 'revision-conflict', `Revision ${record.revision} of this review is already on the hub.`);
    }
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'score.submit',
        subject: `score:${scoreId}`,
        detail: { packetId: record.packetId, revision: record.revision, baseRevision, decision: record.decision.kind },
      },
      now,
    );
    return {
      status: 201,
      receipt: { scoreId, packetId: record.packetId, revision: record.revision, receivedAt },
      created: true,
    };
  });
  if (outcome.created) {
    hub.events.publish({
      type: 'score.received',
      scoreId,
      packetId: record.packetId,
      assessorId: principal.userId,
      revision: record.revision,
    });
  }
  return { status: outcome.status, receipt: outcome.receipt };
}

/**
 * Packets never change once uploaded (a different packet under a known id is refused, and none
 * is ever deleted), so the parsed manifest a score is checked against is kept per hub: a burst
 * of uploads then costs no manifest query and no schema parse each.
 */
const manifests = new WeakMap<HubContext, Map<string, PacketManifest>>();

async function manifestToScore(hub: HubContext, q: Queryable, packetId: string): Promise<PacketManifest | undefined> {
  let known = manifests.get(hub);
  if (!known) manifests.set(hub, (known = new Map()));
  const cached = known.get(packetId);
  if (cached) return cached;
  const manifest = (await findPacket(q, packetId))?.view.manifest;
  if (manifest) known.set(packetId, manifest);
  return manifest;
}

/** A stored score as its author sees it, with the author's account id for ownership checks. */
export async function findScore(q: Queryable, scoreId: string): Promise<StoredScore | undefined> {
  const row = await findScoreRow(q, scoreId);
  return row && { assessorId: row.assessor_id, view: viewOf(row, true) };
}

/**
 * What a reader may see of a stored score. Private notes are the assessor's own working notes
 * (see ScoreRecord.privateNotes): only the author gets them back.
 */
export function scoreForReader(score: StoredScore, reader: Principal): ScoreView {
  if (score.assessorId === reader.userId) return score.view;
  return { ...score.view, record: { ...score.view.record, privateNotes: '' } };
}

/** How many revisions the assessor has uploaded for the packet, and the latest one (0 for none). */
export async function scoreRevisions(
  q: Queryable,
  packetId: string,
  assessorId: string,
): Promise<{ count: number; latest: number }> {
  const rows = await q.query<{ count: number; latest: number }>(
    `select count(*)::int as count, coalesce(max(revision), 0)::int as latest from scores
      where packet_id = $1 and assessor_id = $2`,
    [packetId, assessorId],
  );
  return rows[0] ?? { count: 0, latest: 0 };
}

async function findScoreRow(q: Queryable, scoreId: string): Promise<ScoreRow | undefined> {
  const rows = await q.query<ScoreRow>(
    'select id, packet_id, assessor_id, revision, record, received_at from scores where id = $1',
    [scoreId],
  );
  return rows[0];
}

/**
 * In one statement (an upload is latency-bound on statements): the score stored under this id,
 * if any, and the latest revision this assessor has for the packet.
 */
async function scoreRows(
  q: Queryable,
  scoreId: string,
  packetId: string,
  assessorId: string,
): Promise<{ existing?: ScoreRow; latest?: ScoreRow }> {
  const rows = await q.query<ScoreRow & { by_id: boolean }>(
    `(select id, packet_id, assessor_id, revision, record, received_at, true as by_id from scores where id = $1)
     union all
     (select id, packet_id, assessor_id, revision, record, received_at, false as by_id from scores
       where packet_id = $2 and assessor_id = $3 order by revision desc limit 1)`,
    [scoreId, packetId, assessorId],
  );
  return { existing: rows.find((row) => row.by_id), latest: rows.find((row) => !row.by_id) };
}

function receiptOf(row: ScoreRow): ScoreReceipt {
  return { scoreId: row.id, packetId: row.packet_id, revision: row.revision, receivedAt: iso(row.received_at) };
}

function viewOf(row: ScoreRow, forAuthor: boolean): ScoreView {
  const record = ScoreRecord.parse(row.record);
  return { receipt: receiptOf(row), record: forAuthor ? record : { ...record, privateNotes: '' } };
}

/** JSON with object keys sorted: jsonb does not keep key order, so compare this way. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
