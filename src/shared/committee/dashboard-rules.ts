import type { DashboardPacketState, RiskReason } from '../contract/window-dashboard';
import { DAY_MS } from '../domain/days';

// The window dashboard's rules, pure so the hub applies them and unit tests pin them down.

/** A packet not fully scored is at risk with fewer days than this left before the window closes. */
export const SCORING_RISK_DAYS = 3;
/** A packet in open adjudication is at risk with fewer days than this left before decisions are due. */
export const ADJUDICATION_RISK_DAYS = 7;

export interface PacketFacts {
  /** Assessors assigned the packet in the window. */
  assigned: number;
  /** Of them, those who uploaded a score. */
  submitted: number;
  openAdjudication: boolean;
  /** A committee decision is recorded (optional: facts from before decisions existed have none). */
  decided?: boolean;
  /** The decision is released. */
  released?: boolean;
}

/** Days from `now` to `at`, one decimal (negative once past). */
export function daysUntil(at: number, now: number): number {
  return Math.round(((at - now) / DAY_MS) * 10) / 10;
}

export function packetState(facts: PacketFacts): DashboardPacketState {
  if (facts.released) return 'released';
  if (facts.decided) return 'decided';
  if (facts.openAdjudication) return 'in-adjudication';
  if (facts.submitted >= 2) return 'double-scored';
  if (facts.submitted === 1) return 'scored-once';
  return 'assigned';
}

/** Scoring is complete when every assessor on the packet has submitted. */
export function fullyScored(facts: PacketFacts): boolean {
  return facts.submitted >= facts.assigned;
}

/**
 * At risk: not every assessor on it has submitted and under SCORING_RISK_DAYS remain before the
 * window closes, or an adjudication is open and under ADJUDICATION_RISK_DAYS remain before
 * decisions are due. Past deadlines count as under.
 */
export function atRiskReasons(facts: PacketFacts, daysToClose: number, daysToDecisions: number): RiskReason[] {
  const reasons: RiskReason[] = [];
  // A decided packet's deadlines are met.
  if (facts.decided || facts.released) return reasons;
  if (!fullyScored(facts) && daysToClose < SCORING_RISK_DAYS) reasons.push('scoring-due');
  if (facts.openAdjudication && daysToDecisions < ADJUDICATION_RISK_DAYS) reasons.push('adjudication-due');
  return reasons;
}

/** The deadline the packet's next step faces: closing while scoring is incomplete, decisions after. */
export function packetDaysLeft(facts: PacketFacts, daysToClose: number, daysToDecisions: number): number {
  return fullyScored(facts) ? daysToDecisions : daysToClose;
}
