import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';
import { WindowProgress } from './window-progress';

// The chair's window dashboard (issue 12, part 1): every packet of a review window with its state,
// who is on it, turnaround against the window's dates, at-risk packets and load per assessor.

/** A packet's state in a window, furthest first when several could apply. */
export const DashboardPacketState = z.enum([
  'assigned',
  'scored-once',
  'double-scored',
  'in-adjudication',
  'decided',
  'released',
]);
export type DashboardPacketState = z.infer<typeof DashboardPacketState>;
export const DASHBOARD_STATES = DashboardPacketState.options;

/** Why a packet is at risk (see atRiskReasons in shared/committee/dashboard-rules.ts). */
export const RiskReason = z.enum(['scoring-due', 'adjudication-due']);
export type RiskReason = z.infer<typeof RiskReason>;

export const DashboardAssessor = z.strictObject({
  assignmentId: Uuid,
  assessorId: Uuid,
  username: z.string(),
  /** When this assessor first uploaded a score for the packet; null while they have not. */
  submittedAt: IsoDateTime.nullable(),
});
export type DashboardAssessor = z.infer<typeof DashboardAssessor>;

export const DashboardPacket = z.strictObject({
  packetId: Uuid,
  pseudonym: z.string(),
  credentialTitle: z.string(),
  state: DashboardPacketState,
  assessors: z.array(DashboardAssessor),
  /** The first score uploaded for the packet by anyone assigned it in the window. */
  firstSubmittedAt: IsoDateTime.nullable(),
  /** Days until the deadline the packet's next step faces: closesAt while scoring, else decisionsDueAt. */
  daysLeft: z.number(),
  atRisk: z.boolean(),
  riskReasons: z.array(RiskReason),
  /** The packet's open adjudication, so the dashboard opens it directly; null when none is open. */
  adjudicationId: Uuid.nullable(),
});
export type DashboardPacket = z.infer<typeof DashboardPacket>;

export const AssessorLoad = z.strictObject({
  assessorId: Uuid,
  username: z.string(),
  assigned: z.number().int(),
  submitted: z.number().int(),
  pending: z.number().int(),
});
export type AssessorLoad = z.infer<typeof AssessorLoad>;

export const WindowDashboard = z.strictObject({
  window: z.strictObject({
    id: Uuid,
    name: z.string(),
    closesAt: IsoDateTime,
    decisionsDueAt: IsoDateTime,
    status: z.enum(['scheduled', 'open', 'closed']),
  }),
  /** The instant days left were counted from. */
  asOf: IsoDateTime,
  /** Days from asOf to closesAt and to decisionsDueAt (negative once past). */
  daysToClose: z.number(),
  daysToDecisions: z.number(),
  counts: z.strictObject({
    assigned: z.number().int(),
    'scored-once': z.number().int(),
    'double-scored': z.number().int(),
    'in-adjudication': z.number().int(),
    decided: z.number().int(),
    released: z.number().int(),
  }),
  atRisk: z.number().int(),
  packets: z.array(DashboardPacket),
  load: z.array(AssessorLoad),
  /** Enabled assessors who may be assigned in this window (qualified where it requires it): reassign targets. */
  assessors: z.array(z.strictObject({ id: Uuid, username: z.string() })),
});
export type WindowDashboard = z.infer<typeof WindowDashboard>;

/**
 * The dashboard as the main process hands it to the page: the same facts as WindowDashboard in
 * about a third of the bytes, so the 5,000-packet window fits its 300 ms budget. Each packet is a
 * tuple (see DashboardWirePacket); assessors on packets are indexes into `people` and credential
 * titles indexes into `titles` instead of repeated ids and names; instants are epoch milliseconds.
 * Still checked field by field (and every index against its list) before it reaches the page;
 * the page rebuilds the WindowDashboard with expandDashboard (shared/committee/dashboard-wire.ts).
 */
export const DashboardWireAssignment = z.tuple([
  /** assignmentId */ Uuid,
  /** index into people */ z.number().int().nonnegative(),
  /** submittedAt, epoch ms; null while not submitted */ z.number().int().nullable(),
]);
export type DashboardWireAssignment = z.infer<typeof DashboardWireAssignment>;

export const DashboardWirePacket = z.tuple([
  /** packetId */ Uuid,
  /** pseudonym */ z.string(),
  /** index into titles */ z.number().int().nonnegative(),
  DashboardPacketState,
  z.array(DashboardWireAssignment),
  /** daysLeft */ z.number(),
  /** riskReasons (at risk when any) */ z.array(RiskReason),
  /** open adjudicationId */ Uuid.nullable(),
]);
export type DashboardWirePacket = z.infer<typeof DashboardWirePacket>;

export const DashboardWire = z
  .strictObject({
    ...WindowDashboard.shape,
    packets: z.array(DashboardWirePacket),
    /** Everyone assigned a packet on the dashboard, referred to by index from the packets. */
    people: z.array(z.strictObject({ id: Uuid, username: z.string() })),
    titles: z.array(z.string()),
  })
  .superRefine((wire, ctx) => {
    // An index outside its list would turn into a missing assessor or title on the page.
    for (const [n, packet] of wire.packets.entries()) {
      if (packet[2] >= wire.titles.length)
        ctx.addIssue({ code: 'custom', path: ['packets', n, 2], message: 'title index out of range' });
      for (const [m, assignment] of packet[4].entries())
        if (assignment[1] >= wire.people.length)
          ctx.addIssue({ code: 'custom', path: ['packets', n, 4, m, 1], message: 'person index out of range' });
    }
  });
export type DashboardWire = z.infer<typeof DashboardWire>;

export const ReassignRequest = z.strictObject({ assessorId: Uuid });
export type ReassignRequest = z.infer<typeof ReassignRequest>;

// ── bridge ───────────────────────────────────────────────────────────────────────────────
// The chair's (or admin's) channels: each is one hub route; the hub decides who may call it.

/** A window in the dashboard's list: enough to pick one. */
export const DashboardWindowSummary = z.strictObject({
  id: Uuid,
  name: z.string(),
  closesAt: IsoDateTime,
  decisionsDueAt: IsoDateTime,
  status: z.enum(['scheduled', 'open', 'closed']),
});
export type DashboardWindowSummary = z.infer<typeof DashboardWindowSummary>;

export const WINDOW_DASHBOARD_CHANNELS = {
  'committee.windows': {
    input: z.strictObject({}),
    output: z.strictObject({ windows: z.array(DashboardWindowSummary) }),
  },
  /** Compact (DashboardWire): the page expands it with expandDashboard. */
  'committee.dashboard': { input: z.strictObject({ windowId: Uuid }), output: DashboardWire },
  /** The window's progress per day and turnaround: read after the dashboard, on its own route. */
  'committee.progress': { input: z.strictObject({ windowId: Uuid }), output: WindowProgress },
  'committee.reassign': {
    input: z.strictObject({ assignmentId: Uuid, assessorId: Uuid }),
    output: z.strictObject({ assignmentId: Uuid, assessorId: Uuid, assessorUsername: z.string() }),
  },
} as const;

/**
 * Pushed to the dashboard when the hub announces a change in review work (a score, an assignment
 * made or removed, an adjudication opened, a window changed): read it again. windowId is null when
 * the hub's event does not name the window (a score names only its packet).
 */
export const WINDOW_DASHBOARD_EVENTS = {
  'committee.windowChanged': z.strictObject({ windowId: Uuid.nullable() }),
} as const;
