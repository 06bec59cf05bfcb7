import {
  atRiskReasons,
  daysUntil,
  packetDaysLeft,
  packetState,
  type PacketFacts,
} from '../../shared/committee/dashboard-rules';
import type { AssessorLoad, DashboardPacket, WindowDashboard } from '../../shared/contract/window-dashboard';
import type { HubContext } from '../context';
import { notFound } from '../http/errors';
import {
  dashboardAssignments,
  decidedPackets,
  eligibleAssessors,
  type DashboardAssignmentRow,
} from '../store/window-dashboard';
import { pausedAssessors } from '../store/validity';
import { findWindow } from '../store/windows';

/**
 * The chair's view of one window: packets with state and risk, counts per state, load per assessor.
 * Packets the viewer declared a conflict with are left out entirely (counts and load included).
 */
export async function windowDashboard(hub: HubContext, windowId: string, viewerId: string): Promise<WindowDashboard> {
  const now = hub.now();
  const window = await findWindow(hub.db, windowId, now);
  if (!window) throw notFound('The review window');
  const [rows, eligible, paused, decided] = await Promise.all([
    dashboardAssignments(hub.db, windowId, viewerId),
    eligibleAssessors(hub.db, window.requiredQualification, now),
    pausedAssessors(hub.db, windowId, now),
    decidedPackets(hub.db, windowId),
  ]);
  // A paused assessor is no reassign target.
  const assessors = eligible.filter((a) => !paused.has(a.id));
  const daysToClose = daysUntil(Date.parse(window.closesAt), now);
  const daysToDecisions = daysUntil(Date.parse(window.decisionsDueAt), now);
  const packets = groupPackets(rows).map((group) =>
    packetView(group, decided.get(group[0]!.packetId), daysToClose, daysToDecisions),
  );
  const counts = { assigned: 0, 'scored-once': 0, 'double-scored': 0, 'in-adjudication': 0, decided: 0, released: 0 };
  for (const packet of packets) counts[packet.state] += 1;
  return {
    window: {
      id: window.id,
      name: window.name,
      closesAt: window.closesAt,
      decisionsDueAt: window.decisionsDueAt,
      status: window.status,
    },
    asOf: new Date(now).toISOString(),
    daysToClose,
    daysToDecisions,
    counts,
    atRisk: packets.filter((packet) => packet.atRisk).length,
    packets,
    load: loadPerAssessor(rows),
    assessors,
  };
}

/** Rows arrive ordered by packet, so consecutive rows of one packet form its group. */
function groupPackets(rows: readonly DashboardAssignmentRow[]): DashboardAssignmentRow[][] {
  const groups: DashboardAssignmentRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]!.packetId === row.packetId) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

function packetView(
  group: DashboardAssignmentRow[],
  decision: 'decided' | 'released' | undefined,
  daysToClose: number,
  daysToDecisions: number,
): DashboardPacket {
  const first = group[0]!;
  const submitted = group.filter((row) => row.submittedAt !== null);
  const facts: PacketFacts = {
    assigned: group.length,
    submitted: submitted.length,
    openAdjudication: first.openAdjudicationId !== null,
    decided: decision !== undefined,
    released: decision === 'released',
  };
  const riskReasons = atRiskReasons(facts, daysToClose, daysToDecisions);
  return {
    packetId: first.packetId,
    pseudonym: first.pseudonym,
    credentialTitle: first.credentialTitle,
    state: packetState(facts),
    assessors: group.map((row) => ({
      assignmentId: row.assignmentId,
      assessorId: row.assessorId,
      username: row.username,
      submittedAt: row.submittedAt,
    })),
    // ISO strings of one format sort as instants.
    firstSubmittedAt: submitted.map((row) => row.submittedAt!).sort()[0] ?? null,
    daysLeft: packetDaysLeft(facts, daysToClose, daysToDecisions),
    atRisk: riskReasons.length > 0,
    riskReasons,
    adjudicationId: first.openAdjudicationId,
  };
}

function loadPerAssessor(rows: readonly DashboardAssignmentRow[]): AssessorLoad[] {
  const load = new Map<string, AssessorLoad>();
  for (const row of rows) {
    const entry = load.get(row.assessorId) ?? {
      assessorId: row.assessorId,
      username: row.username,
      assigned: 0,
      submitted: 0,
      pending: 0,
    };
    entry.assigned += 1;
    if (row.submittedAt === null) entry.pending += 1;
    else entry.submitted += 1;
    load.set(row.assessorId, entry);
  }
  return [...load.values()].sort((a, b) => a.username.localeCompare(b.username));
}
