import { PASSWORD, startWindowHub, type WindowHub } from './window-hub';

export { PASSWORD };

type Account = 'admin1' | 'chair1' | 'assessor1' | 'assessor2';

export interface CommitteeHub extends Pick<
  WindowHub<Account>,
  'running' | 'url' | 'windowId' | 'windowName' | 'dashboard' | 'close'
> {
  /** Pseudonym → packet id. */
  packets: Record<string, string>;
  /** Uploads a score for the packet as this assessor (level l1–l4 on the one criterion). */
  score(who: 'assessor1' | 'assessor2', packetId: string, levelId: string): Promise<unknown>;
}

/**
 * A hub with one review window two days from closing (decisions due in five), a policy that
 * double-scores every packet (randomShare 1), admin1, chair1, assessor1 and assessor2, and four
 * packets first assigned to assessor1: "Apart" (assessor2 scores two levels lower: adjudication),
 * "Agreeing" (double-scored), "Waiting" (scored once, assessor2 pending) and "Untouched"
 * (assigned, unscored — the one the chair reassigns), and "Spare" (unscored until the story scores it
 * while the chair's Reassign dialog is open, so the hub refuses).
 */
export async function startCommitteeHub(): Promise<CommitteeHub> {
  const hub = await startWindowHub<Account>({
    prefix: 'committee-hub',
    users: { admin1: ['admin'], chair1: ['chair'], assessor1: ['assessor'], assessor2: ['assessor'] },
    window: {
      name: 'Spring review window',
      closesInDays: 2,
      decisionsInDays: 5,
      scoringPolicy: { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } },
    },
  });
  const packets: Record<string, string> = {};
  for (const pseudonym of ['Apart', 'Agreeing', 'Waiting', 'Untouched', 'Spare']) {
    packets[pseudonym] = await hub.upload(pseudonym);
    await hub.assign(packets[pseudonym], 'assessor1');
  }
  await hub.score('assessor1', packets.Apart!, 'l4');
  await hub.score('assessor1', packets.Agreeing!, 'l3');
  await hub.score('assessor1', packets.Waiting!, 'l3');
  // Routing runs after each upload is acknowledged: wait for the three second assignments.
  await hub.until((d) => d.packets.filter((p) => p.assessors.length === 2).length === 3);
  await hub.score('assessor2', packets.Apart!, 'l2');
  await hub.score('assessor2', packets.Agreeing!, 'l3');
  await hub.until((d) => d.counts['in-adjudication'] === 1);
  return { ...hub, packets };
}
