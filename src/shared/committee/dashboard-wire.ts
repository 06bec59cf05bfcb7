import type {
  DashboardPacket,
  DashboardWire,
  DashboardWireAssignment,
  WindowDashboard,
} from '../contract/window-dashboard';

// The window dashboard between the main process and the page (DashboardWire): each person and
// credential title named once, packets as tuples, instants as epoch milliseconds. For 5,000
// packets this is ~1 MB instead of ~3 MB, and checking it costs a fraction of the object form.

/**
 * The hub's dashboard in its compact form. The hub's dashboard route calls it on what its store
 * read; the main process checks the hub's answer against DashboardWire before the page sees it.
 */
export function compactDashboard(view: WindowDashboard): DashboardWire {
  const people: { id: string; username: string }[] = [];
  const personIndex = new Map<string, number>();
  const titles: string[] = [];
  const titleIndex = new Map<string, number>();
  const indexOf = <T>(map: Map<string, number>, list: T[], key: string, item: T) => {
    let index = map.get(key);
    if (index === undefined) {
      index = list.push(item) - 1;
      map.set(key, index);
    }
    return index;
  };
  const packets = view.packets.map((packet) => {
    const assignments = packet.assessors.map((a): DashboardWireAssignment => [
      a.assignmentId,
      indexOf(personIndex, people, a.assessorId, { id: a.assessorId, username: a.username }),
      a.submittedAt === null ? null : Date.parse(a.submittedAt),
    ]);
    return [
      packet.packetId,
      packet.pseudonym,
      indexOf(titleIndex, titles, packet.credentialTitle, packet.credentialTitle),
      packet.state,
      assignments,
      packet.daysLeft,
      packet.riskReasons,
      packet.adjudicationId,
    ] satisfies DashboardWire['packets'][number];
  });
  return { ...view, packets, people, titles };
}

/** The page's WindowDashboard from the checked compact form (the inverse of compactDashboard). */
export function expandDashboard(wire: DashboardWire): WindowDashboard {
  const { people, titles, packets, ...rest } = wire;
  return {
    ...rest,
    packets: packets.map(
      ([packetId, pseudonym, title, state, assignments, daysLeft, riskReasons, adjudicationId]): DashboardPacket => {
        const assessors: DashboardPacket['assessors'] = [];
        let first = Infinity;
        for (const [assignmentId, person, submitted] of assignments) {
          if (submitted !== null) first = Math.min(first, submitted);
          const { id, username } = people[person]!;
          const submittedAt = submitted === null ? null : new Date(submitted).toISOString();
          assessors.push({ assignmentId, assessorId: id, username, submittedAt });
        }
        return {
          packetId,
          pseudonym,
          credentialTitle: titles[title]!,
          state,
          assessors,
          firstSubmittedAt: first === Infinity ? null : new Date(first).toISOString(),
          daysLeft,
          atRisk: riskReasons.length > 0,
          riskReasons,
          adjudicationId,
        };
      },
    ),
  };
}
