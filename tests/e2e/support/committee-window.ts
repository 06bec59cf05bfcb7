import { PASSWORD, startWindowHub, type WindowHub } from './window-hub';

export { PASSWORD };

export const ASSESSORS = ['assessor1', 'assessor2', 'assessor3'] as const;
type Account = 'admin1' | 'chair1' | 'chair2' | 'platform1' | (typeof ASSESSORS)[number];

export interface CommitteeWindow extends WindowHub<Account> {
  /** Pseudonym → packet id. */
  packets: Record<string, string>;
  /** The pseudonyms of the packets assigned to an assessor in the window, as the hub lists them. */
  assignedTo(assessor: (typeof ASSESSORS)[number]): Promise<string[]>;
}

/**
 * A window at the start of its scoring, on the hub's real routes: a policy that double-scores every
 * packet (randomShare 1) and seeds validity packets at one in two; three live packets —
 * "Agreeing", "Apart" and "Northside" (from the school chair2 declared a conflict with) — assigned
 * automatically, one to each of assessor1–3, and "Master", the window's validity packet with known
 * levels, seeded by the same automatic assignment into each of their queues. The assessors score in
 * their own Anchor; chair1 decides and releases; chair2 must see nothing of Northside; platform1
 * reads released outcomes.
 */
export async function startCommitteeWindow(): Promise<CommitteeWindow> {
  const hub = await startWindowHub<Account>({
    prefix: 'committee-window',
    users: {
      admin1: ['admin'],
      chair1: ['chair'],
      chair2: ['chair'],
      platform1: ['platform'],
      assessor1: ['assessor'],
      assessor2: ['assessor'],
      assessor3: ['assessor'],
    },
    window: {
      name: 'Summer review window',
      closesInDays: 2,
      decisionsInDays: 5,
      scoringPolicy: {
        secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 },
        validity: { rate: 0.5 },
      },
    },
  });
  await hub.as('chair2', 'POST', '/api/v1/conflicts', { school: 'Northside' });
  const packets: Record<string, string> = {};
  for (const pseudonym of ['Agreeing', 'Apart', 'Northside', 'Master'])
    packets[pseudonym] = await hub.upload(pseudonym, pseudonym === 'Northside' ? { school: 'Northside' } : {});
  await hub.as('chair1', 'PUT', `/api/v1/windows/${hub.windowId}/validity/${packets.Master}`, {
    masters: [{ criterionId: 'design', levelId: 'l3' }],
    decision: 'earned',
  });
  await hub.as('admin1', 'POST', '/api/v1/assignments/auto', {
    windowId: hub.windowId,
    packetIds: [packets.Agreeing, packets.Apart, packets.Northside],
    assessorsPerPacket: 1,
  });
  // The issuing platform records who the candidate is; the committee sees it only on a reveal.
  await hub.as('platform1', 'PUT', `/api/v1/packets/${packets.Apart}/identity`, {
    name: 'Dana Reyes',
    email: 'dana@example.org',
  });
  const pseudonymOf = new Map(Object.entries(packets).map(([pseudonym, id]) => [id, pseudonym]));
  return {
    ...hub,
    packets,
    async assignedTo(assessor) {
      const { assignments } = await hub.as<{ assignments: { packetId: string }[] }>(
        'admin1',
        'GET',
        `/api/v1/assignments/all?windowId=${hub.windowId}&assessorId=${hub.ids[assessor]}`,
      );
      return assignments.map((a) => pseudonymOf.get(a.packetId) ?? a.packetId);
    },
  };
}
