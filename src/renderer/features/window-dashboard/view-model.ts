import type {
  DashboardPacket,
  DashboardPacketState,
  RiskReason,
  WindowDashboard,
} from '../../../shared/contract/window-dashboard';
import { DASHBOARD_STATES } from '../../../shared/contract/window-dashboard';
import type { Route } from '../../app/route';

// The window dashboard's pure parts: words for states and risks, the filter and sort of the
// packet table, chart bars, and who a packet may be moved to.

export const STATE_LABELS: Record<DashboardPacketState, string> = {
  assigned: 'Assigned',
  'scored-once': 'Scored once',
  'double-scored': 'Double-scored',
  'in-adjudication': 'In adjudication',
  decided: 'Decided',
  released: 'Released',
};

export const RISK_LABELS: Record<RiskReason, string> = {
  'scoring-due': 'scoring unfinished, closes in < 3 days',
  'adjudication-due': 'adjudication, decisions in < 7 days',
};

/** States with a screen to open from the row, and its link's words. */
const OPEN_WORDS: Partial<Record<DashboardPacketState, string>> = {
  'scored-once': 'Decision…',
  'double-scored': 'Decide…',
  'in-adjudication': 'Adjudicate…',
  decided: 'Decision…',
  released: 'Decision…',
};

/**
 * The screen a packet's row opens: its open adjudication while there is one (straight to it, not
 * through the decision screen), else its decision; nothing before anyone has scored it.
 */
export function packetLink(windowId: string, packet: DashboardPacket): { words: string; route: Route } | undefined {
  const words = OPEN_WORDS[packet.state];
  if (!words) return undefined;
  if (packet.state === 'in-adjudication' && packet.adjudicationId)
    return { words, route: { screen: 'adjudication', windowId, adjudicationId: packet.adjudicationId } };
  return { words, route: { screen: 'decision', windowId, packetId: packet.packetId } };
}

export type StateFilter = DashboardPacketState | 'all' | 'at-risk';
export type SortOrder = 'days-left' | 'submitted';

/** "3.5 days left", "1 day left", "due today", "2 days overdue". */
export function daysLeftText(days: number): string {
  if (days < 0) return `${formatDays(-days)} overdue`;
  if (days < 0.05) return 'due now';
  return `${formatDays(days)} left`;
}

function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${rounded === 1 ? 'day' : 'days'}`;
}

/** The table's rows: filtered by state (or at risk), fewest days left first (at-risk first on ties). */
export function visiblePackets(
  packets: readonly DashboardPacket[],
  filter: StateFilter,
  order: SortOrder = 'days-left',
): DashboardPacket[] {
  const kept = packets.filter((p) => filter === 'all' || (filter === 'at-risk' ? p.atRisk : p.state === filter));
  if (order === 'submitted') {
    // Never submitted last; otherwise oldest first submission first (the longest-waiting work).
    // ISO instants of one format sort as text; '~' sorts after every digit.
    const key = (p: DashboardPacket) => p.firstSubmittedAt ?? '~';
    return kept.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return kept.sort((a, b) => a.daysLeft - b.daysLeft || Number(b.atRisk) - Number(a.atRisk));
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Share of the largest value, 0–100, for the bar's width. */
  percent: number;
}

/** Bars scaled to the largest value (all zero gives empty bars, not a division by zero). */
export function bars(entries: readonly { key: string; label: string; value: number }[]): Bar[] {
  const max = Math.max(0, ...entries.map((e) => e.value));
  return entries.map((e) => ({ ...e, percent: max === 0 ? 0 : Math.round((e.value / max) * 1000) / 10 }));
}

export function stateBars(dashboard: WindowDashboard): Bar[] {
  return bars(
    DASHBOARD_STATES.map((state) => ({ key: state, label: STATE_LABELS[state], value: dashboard.counts[state] })),
  );
}

/** Assignments on the packet that can still be moved: their assessor has not submitted. */
export function movableAssignments(packet: DashboardPacket) {
  return packet.assessors.filter((a) => a.submittedAt === null);
}

/** Who the packet may go to: the window's eligible assessors not already on it. The hub checks conflicts. */
export function reassignTargets(dashboard: WindowDashboard, packet: DashboardPacket) {
  const on = new Set(packet.assessors.map((a) => a.assessorId));
  return dashboard.assessors.filter((a) => !on.has(a.id));
}

/** The assessors column as text: "assessor1 ✓ submitted, assessor2 … pending". */
export function assessorsText(packet: DashboardPacket): string {
  return packet.assessors.map((a) => `${a.username} ${a.submittedAt ? '✓ submitted' : '… pending'}`).join(', ');
}
