import { iso, jsonParam, type Queryable } from '../db/db';

/** Everything the hub records in the audit trail. */
export type AuditAction =
  | 'session.sign-in'
  | 'session.sign-in-failed'
  | 'session.sign-out'
  | 'user.create'
  | 'user.update'
  | 'window.create'
  | 'window.update'
  | 'packet.upload'
  | 'evidence.read'
  | 'assignment.create'
  | 'assignment.delete'
  | 'assignment.reassign'
  | 'conflict.declare'
  | 'score.submit'
  | 'norming.create'
  | 'norming.score'
  | 'norming.reveal'
  | 'norming.consensus'
  | 'norming.reopen'
  | 'norming.close'
  | 'second-scoring.route'
  | 'adjudication.open'
  | 'adjudication.resolve'
  | 'thread.post'
  | 'decision.record'
  | 'decisions.release'
  | 'identity.set'
  | 'identity.reveal'
  | 'validity.mark'
  | 'scorer.pause'
  | 'scorer.resume'
  | 'back-reading.read'
  | 'back-reading.note';

export interface AuditEntry {
  /** The user who acted; null when nobody is signed in (a failed sign-in, the demo seed). */
  actor: string | null;
  action: AuditAction;
  /** What was acted on, as "kind:id", e.g. "packet:0b6c…" or "score:…". */
  subject: string;
  detail?: Record<string, unknown>;
}

/** Appends one row to the audit log; pass the transaction so the row commits with the change. */
export async function appendAudit(q: Queryable, entry: AuditEntry, at: number): Promise<void> {
  await appendAudits(q, [entry], at);
}

/** Appends rows to the audit log in one statement, in order, all at the same moment. */
export async function appendAudits(q: Queryable, entries: readonly AuditEntry[], at: number): Promise<void> {
  if (entries.length === 0) return;
  await q.query(
    `insert into audit_log (actor, action, subject, at, detail)
     select actor, action, subject, $4::timestamptz, detail from unnest($1::uuid[], $2::text[], $3::text[], $5::jsonb[])
       with ordinality as e (actor, action, subject, detail, n) order by n`,
    [
      entries.map((entry) => entry.actor),
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.subject),
      new Date(at).toISOString(),
      entries.map((entry) => jsonParam(entry.detail ?? {})),
    ],
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/** Which entries to list: every field narrows, all combine. */
export interface AuditFilter {
  since?: string;
  until?: string;
  action?: string;
  /** The acting account's username. */
  actorUsername?: string;
  /** An exact subject ("packet:<id>"), or, without a colon, an id matched against any kind. */
  subject?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  /** With order desc: only entries older than this id (the next page); with asc, newer. */
  before?: number;
}

/**
 * The trail, oldest first (or newest first), between `since` (inclusive) and `until` (exclusive)
 * when given, narrowed by action, actor and subject. Ordered by id, which is the order of writing.
 */
export async function listAudit(q: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
  const desc = filter.order === 'desc';
  const subject = filter.subject ?? null;
  const rows = await q.query<{
    id: string | number;
    at: Date;
    actor: string | null;
    username: string | null;
    action: string;
    subject: string;
    detail: Record<string, unknown>;
  }>(
    `select a.id, a.at, a.actor, u.username, a.action, a.subject, a.detail
       from audit_log a left join users u on u.id = a.actor
      where ($1::timestamptz is null or a.at >= $1) and ($2::timestamptz is null or a.at < $2)
        and ($3::text is null or a.action = $3)
        and ($4::text is null or u.username = $4)
        and ($5::text is null or a.subject = $5 or (position(':' in $5) = 0 and split_part(a.subject, ':', 2) = $5))
        and ($6::bigint is null or a.id ${desc ? '<' : '>'} $6)
      order by a.id ${desc ? 'desc' : 'asc'}
      ${filter.limit !== undefined ? 'limit $7' : ''}`,
    [
      filter.since ?? null,
      filter.until ?? null,
      filter.action ?? null,
      filter.actorUsername ?? null,
      subject,
      filter.before ?? null,
      ...(filter.limit !== undefined ? [filter.limit] : []),
    ],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: iso(row.at),
    actorId: row.actor,
    actorUsername: row.username,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
  }));
}
