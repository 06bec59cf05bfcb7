import { jsonParam, type Queryable } from '../db/db';

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
  | 'conflict.declare'
  | 'score.submit';

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
  await q.query('insert into audit_log (actor, action, subject, at, detail) values ($1, $2, $3, $4, $5::jsonb)', [
    entry.actor,
    entry.action,
    entry.subject,
    new Date(at).toISOString(),
    jsonParam(entry.detail ?? {}),
  ]);
}
