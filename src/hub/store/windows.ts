import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateWindowRequest, WindowView } from '../../shared/contract/hub-api';
import { iso, jsonParam, type Queryable } from '../db/db';
import { ScoringPolicy } from '../../shared/committee/policy';
import { DEFAULT_DECISION_TYPES, type DecisionType } from '../../shared/committee/decision-types';

/**
 * SQL that is true while review window `w` is open at the instant in parameter $n: its status
 * says open and the instant lies in [opens_at, closes_at). One definition, used by every query.
 */
export function windowIsOpen(alias: string, param: number): string {
  return `(${alias}.status = 'open' and ${alias}.opens_at <= $${param} and $${param} < ${alias}.closes_at)`;
}

interface WindowRow {
  id: string;
  name: string;
  opens_at: Date;
  closes_at: Date;
  decisions_due_at: Date;
  status: WindowView['status'];
  required_qualification: string | null;
  scoring_policy: unknown;
  decision_types: unknown;
}

export async function insertWindow(
  q: Queryable,
  input: Omit<z.output<typeof CreateWindowRequest>, 'requiredQualification' | 'scoringPolicy' | 'decisionTypes'> & {
    requiredQualification?: string | null;
    scoringPolicy?: ScoringPolicy | null;
    decisionTypes?: DecisionType[] | null;
  },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `insert into review_windows (id, name, opens_at, closes_at, decisions_due_at, status, required_qualification,
                                 scoring_policy, decision_types)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      id,
      input.name,
      input.opensAt,
      input.closesAt,
      input.decisionsDueAt,
      input.status,
      input.requiredQualification ?? null,
      input.scoringPolicy ? jsonParam(input.scoringPolicy) : null,
      input.decisionTypes ? jsonParam(input.decisionTypes) : null,
    ],
  );
  return id;
}

/** A window by id; `lock` holds it for the rest of the transaction (auto-assignment). */
export async function findWindow(q: Queryable, id: string, now: number, lock = false): Promise<WindowView | undefined> {
  const rows = await q.query<WindowRow>(
    `select id, name, opens_at, closes_at, decisions_due_at, status, required_qualification, scoring_policy, decision_types from review_windows where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  const row = rows[0];
  return row && toWindowView(row, now);
}

export async function findWindowByName(q: Queryable, name: string, now: number): Promise<WindowView | undefined> {
  const rows = await q.query<WindowRow>(
    `select id, name, opens_at, closes_at, decisions_due_at, status, required_qualification, scoring_policy, decision_types from review_windows
      where name = $1 order by created_at limit 1`,
    [name],
  );
  const row = rows[0];
  return row && toWindowView(row, now);
}

/** Every review window, in opening order. */
export async function listWindows(q: Queryable, now: number): Promise<WindowView[]> {
  const rows = await q.query<WindowRow>(
    `select id, name, opens_at, closes_at, decisions_due_at, status, required_qualification, scoring_policy, decision_types from review_windows
      order by opens_at, created_at, id`,
  );
  return rows.map((row) => toWindowView(row, now));
}

/** Overwrites a window's editable fields (the caller has checked the dates and holds the row lock). */
export async function updateWindow(
  q: Queryable,
  id: string,
  window: Pick<
    WindowView,
    'name' | 'opensAt' | 'closesAt' | 'decisionsDueAt' | 'status' | 'requiredQualification' | 'scoringPolicy'
  > & { decisionTypes: readonly DecisionType[] | null },
): Promise<void> {
  await q.query(
    `update review_windows set name = $2, opens_at = $3, closes_at = $4, decisions_due_at = $5, status = $6,
            required_qualification = $7, scoring_policy = $8::jsonb, decision_types = $9::jsonb
      where id = $1`,
    [
      id,
      window.name,
      window.opensAt,
      window.closesAt,
      window.decisionsDueAt,
      window.status,
      window.requiredQualification,
      window.scoringPolicy ? jsonParam(window.scoringPolicy) : null,
      window.decisionTypes ? jsonParam(window.decisionTypes) : null,
    ],
  );
}

function toWindowView(row: WindowRow, now: number): WindowView {
  const opensAt = iso(row.opens_at);
  const closesAt = iso(row.closes_at);
  return {
    id: row.id,
    name: row.name,
    opensAt,
    closesAt,
    decisionsDueAt: iso(row.decisions_due_at),
    status: row.status,
    isOpen: row.status === 'open' && Date.parse(opensAt) <= now && now < Date.parse(closesAt),
    requiredQualification: row.required_qualification,
    scoringPolicy: row.scoring_policy ? ScoringPolicy.parse(row.scoring_policy) : null,
    decisionTypes: row.decision_types ? (row.decision_types as DecisionType[]) : [...DEFAULT_DECISION_TYPES],
  };
}
