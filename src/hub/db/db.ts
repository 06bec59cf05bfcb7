/** A result row as the driver returns it: column name → parsed value. */
export type Row = Record<string, unknown>;

/** Anything that runs one parameterised SQL statement: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with $1…$n parameters and returns its rows. */
  query<R extends object = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * The hub's whole view of its database. Two implementations speak the same PostgreSQL dialect:
 * PGlite in a data folder (embedded default) and a `pg` pool for a real server. Keep it this
 * small so a third engine is never tempting: anything Postgres can do, write it in SQL.
 */
export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn inside BEGIN … COMMIT; any throw rolls the whole transaction back and rethrows. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique-constraint violation. */
const UNIQUE_VIOLATION = '23505';

/** True when a query failed because a row with the same unique key exists (both drivers expose `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

/** Timestamps come back as Date from both drivers; the API speaks ISO strings. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** jsonb parameters are sent as text and cast in SQL (`$1::jsonb`) so both drivers treat them alike. */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}
