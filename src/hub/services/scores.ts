import type { z } from 'zod';
import { ScoreRecord } from '../../shared/domain/score';
import type { PutScoreRequest, ScoreReceipt, ScoreView } from '../../shared/contract/hub-api';
import type { PacketManifest } from '../../shared/packet/manifest';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { Batcher, type BatchResult } from '../db/batcher';
import { iso, isUniqueViolation, type Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { assignmentStates, pairKey } from '../store/assignments';
import { appendAudits } from '../store/audit';
import { conflictedAssessors } from '../store/conflicts';
import { packetManifests } from '../store/packets';
import {
  findScoreRow,
  insertScoreRows,
  scoreRows,
  type NewScoreRow,
  type ScoreRow,
  type StoredRows,
} from '../store/scores';
import { scoreProblems } from './score-rules';

/** Read by the assignment rules (an assessor's stored revisions); the SQL lives in the store. */
export { scoreRevisions } from '../store/scores';

export type PutScoreOutcome = { status: 200 | 201; receipt: ScoreReceipt };

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
 * window closed). Uploads arriving together are committed together: see commitScores.
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
  return intakeOf(hub).uploads.add({ principal, scoreId, record, baseRevision });
}

interface ScoreUpload {
  principal: Principal;
  scoreId: string;
  record: ScoreRecord;
  baseRevision: number;
}

/**
 * A hub's score intake: its group commit, and the manifests scores are checked against. Packets
 * never change once uploaded (a different packet under a known id is refused, and none is ever
 * deleted), so a parsed manifest is kept for the hub's life and a burst of uploads costs no
 * manifest query and no schema parse each.
 */
interface ScoreIntake {
  uploads: Batcher<ScoreUpload, PutScoreOutcome>;
  manifests: Map<string, PacketManifest>;
}

const intakes = new WeakMap<HubContext, ScoreIntake>();

function intakeOf(hub: HubContext): ScoreIntake {
  let intake = intakes.get(hub);
  if (!intake) {
    const manifests = new Map<string, PacketManifest>();
    intake = { uploads: new Batcher((uploads) => commitScores(hub, manifests, uploads)), manifests };
    intakes.set(hub, intake);
  }
  return intake;
}

/** One upload's answer, with the row to insert when it is accepted. */
interface Decision {
  upload: ScoreUpload;
  result: BatchResult<PutScoreOutcome>;
  row?: NewScoreRow;
}

/**
 * Decides and stores a batch of uploads in one transaction: the assignments are read and locked,
 * the stored scores and latest revisions read, and the accepted rows and their audit entries
 * written, one statement each for the whole batch. Uploads are decided in arrival order against
 * what the batch has accepted so far, so two in one batch meet exactly as if they had come one
 * after the other (a retry racing its original gets the original's receipt).
 *
 * If the transaction fails as a whole (say another hub process on the same database stored the
 * same revision meanwhile, tripping the unique key), each upload is tried again in a transaction
 * of its own, so one upload's trouble never costs the others theirs.
 */
async function commitScores(
  hub: HubContext,
  manifests: Map<string, PacketManifest>,
  uploads: ScoreUpload[],
): Promise<BatchResult<PutScoreOutcome>[]> {
  const now = hub.now();
  let decisions: Decision[];
  try {
    decisions = await hub.db.transaction(async (tx) => {
      const decided = await decideScores(tx, manifests, uploads, now);
      await insertScores(tx, decided, now);
      return decided;
    });
  } catch (error) {
    if (uploads.length > 1) {
      const alone: BatchResult<PutScoreOutcome>[] = [];
      for (const upload of uploads) alone.push(...(await commitScores(hub, manifests, [upload])));
      return alone;
    }
    if (!isUniqueViolation(error)) return [{ ok: false, error }];
    const { revision } = uploads[0]!.record;
    const conflict = new ApiError(
      409,
      'revision-conflict',
      `Revision ${revision} of this review is already on the hub.`,
    );
    return [{ ok: false, error: conflict }];
  }
  for (const { upload, row } of decisions) {
    if (!row) continue;
    hub.events.publish({
      type: 'score.received',
      scoreId: upload.scoreId,
      packetId: row.packet_id,
      assessorId: row.assessor_id,
      revision: row.revision,
    });
  }
  return decisions.map((decision) => decision.result);
}

async function decideScores(
  tx: Queryable,
  manifests: Map<string, PacketManifest>,
  uploads: readonly ScoreUpload[],
  now: number,
): Promise<Decision[]> {
  const pairs = uploads.map(({ record, principal }) => ({ packetId: record.packetId, assessorId: principal.userId }));
  const assignments = await assignmentStates(tx, pairs, now, true);
  const stored = await scoreRows(
    tx,
    uploads.map((upload) => upload.scoreId),
    pairs,
  );
  const packetIds = [...new Set(pairs.map((pair) => pair.packetId))];
  const unknown = packetIds.filter((id) => !manifests.has(id));
  for (const [packetId, manifest] of await packetManifests(tx, unknown)) manifests.set(packetId, manifest);
  const conflicted = await conflictedAssessors(tx, packetIds);
  return uploads.map((upload) => {
    // A conflict declared after the assignment was made still outranks it: the packet is as
    // invisible to its declarer as one never assigned, so no score of theirs is ever stored for it.
    if (conflicted.get(upload.record.packetId)?.has(upload.principal.userId)) {
      const error = new ApiError(404, 'not-assigned', 'This packet is not assigned to you, or it does not exist.');
      return { upload, result: { ok: false, error } };
    }
    const decision = decideScore(upload, assignments, stored, manifests, now);
    if (decision.row) {
      // Later uploads in this batch see this one as stored.
      stored.byId.set(decision.row.id, decision.row);
      stored.latest.set(pairKey(decision.row.packet_id, decision.row.assessor_id), decision.row);
    }
    return decision;
  });
}

function decideScore(
  upload: ScoreUpload,
  assignments: ReadonlyMap<string, 'open' | 'not-open'>,
  stored: StoredRows,
  manifests: ReadonlyMap<string, PacketManifest>,
  now: number,
): Decision {
  const { principal, scoreId, record, baseRevision } = upload;
  const refuse = (error: ApiError): Decision => ({ upload, result: { ok: false, error } });
  const key = pairKey(record.packetId, principal.userId);
  const assignment = assignments.get(key);
  if (!assignment) {
    return refuse(new ApiError(404, 'not-assigned', 'This packet is not assigned to you, or it does not exist.'));
  }
  // A replay is answered before the window is checked: a client that lost the first answer and
  // retries after the window closed must still get its receipt, not an error.
  const existing = stored.byId.get(scoreId);
  if (existing) {
    // Someone else's score id is as invisible as a missing one.
    if (existing.assessor_id !== principal.userId) return refuse(notFound('The score'));
    if (canonical(existing.record) === canonical(record)) {
      return { upload, result: { ok: true, value: { status: 200, receipt: receiptOf(existing) } } };
    }
    return refuse(
      new ApiError(
        409,
        'score-id-reused',
        `Score ${scoreId} is already stored with different content; a stored revision never changes. Submit changes as a new revision with a new id.`,
        { extra: { server: viewOf(existing, true) } },
      ),
    );
  }
  if (assignment === 'not-open') {
    return refuse(
      new ApiError(
        403,
        'window-closed',
        'The review window for this packet is not open; the hub accepts no new scores for it.',
      ),
    );
  }
  const manifest = manifests.get(record.packetId);
  if (!manifest) return refuse(notFound('The packet'));
  const problems = scoreProblems(manifest, record);
  if (problems.length > 0) {
    return refuse(
      new ApiError(400, 'invalid-score', `The score does not fit this packet: ${problems[0]!.message}`, { problems }),
    );
  }
  const latest = stored.latest.get(key);
  const current = latest?.revision ?? 0;
  if (current !== baseRevision) {
    return refuse(
      new ApiError(
        409,
        'revision-conflict',
        `This review was based on revision ${baseRevision}, but the hub holds revision ${current}. Compare both and submit again based on ${current}.`,
        { extra: { server: latest ? viewOf(latest, true) : null } },
      ),
    );
  }
  const row = {
    id: scoreId,
    packet_id: record.packetId,
    assessor_id: principal.userId,
    revision: record.revision,
    base_revision: baseRevision,
    record,
    received_at: new Date(now),
  };
  return { upload, row, result: { ok: true, value: { status: 201, receipt: receiptOf(row) } } };
}

/** Writes the accepted uploads and their audit entries, one statement each for the whole batch. */
async function insertScores(tx: Queryable, decisions: readonly Decision[], now: number): Promise<void> {
  const rows = decisions.flatMap((decision) => (decision.row ? [decision.row] : []));
  if (rows.length === 0) return;
  await insertScoreRows(tx, rows);
  await appendAudits(
    tx,
    rows.map((row) => ({
      actor: row.assessor_id,
      action: 'score.submit',
      subject: `score:${row.id}`,
      detail: {
        packetId: row.packet_id,
        revision: row.revision,
        baseRevision: row.base_revision,
        decision: row.record.decision.kind,
      },
    })),
    now,
  );
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
