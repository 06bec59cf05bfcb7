import { PASSWORD, startWindowHub, type WindowHub } from './window-hub';

export { PASSWORD };

type Account = 'admin1' | 'chair1' | 'assessor1' | 'assessor2' | 'assessor3';
export type QualityHub = Pick<WindowHub<Account>, 'running' | 'url' | 'windowId' | 'windowName' | 'close'>;

/**
 * A hub with one open window whose policy flags after 2 compared packets, chair1, assessor1 (who
 * scores two levels above assessor2 on most double-scored packets: flagged lenient and disagreeing),
 * assessor2 and assessor3 (who agree with each other), and one validity packet ("Known") that
 * assessor1 scored at the master's level.
 */
export async function startQualityHub(): Promise<QualityHub> {
  const hub = await startWindowHub<Account>({
    prefix: 'quality-hub',
    users: {
      admin1: ['admin'],
      chair1: ['chair'],
      assessor1: ['assessor'],
      assessor2: ['assessor'],
      assessor3: ['assessor'],
    },
    window: {
      name: 'Autumn review window',
      closesInDays: 10,
      decisionsInDays: 20,
      scoringPolicy: {
        secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 0 },
        quality: { minScored: 2, minExactAgreement: 0.6, maxAbsSeverity: 0.5 },
        validity: { rate: 0.2 },
      },
    },
  });

  // Twelve packets double-scored in pairs: assessor1 with assessor2 (apart, then closer), assessor2 with assessor3.
  const pairs: [Account, string, Account, string][] = [
    ['assessor1', 'l4', 'assessor2', 'l2'],
    ['assessor1', 'l4', 'assessor2', 'l2'],
    ['assessor1', 'l4', 'assessor2', 'l3'],
    ['assessor1', 'l4', 'assessor2', 'l2'],
    ['assessor1', 'l3', 'assessor2', 'l2'],
    ['assessor1', 'l4', 'assessor2', 'l4'],
    ['assessor1', 'l4', 'assessor2', 'l3'],
    ['assessor2', 'l3', 'assessor3', 'l3'],
    ['assessor2', 'l2', 'assessor3', 'l2'],
    ['assessor2', 'l3', 'assessor3', 'l3'],
    ['assessor2', 'l4', 'assessor3', 'l3'],
    ['assessor2', 'l3', 'assessor3', 'l3'],
  ];
  for (const [i, [a, la, b, lb]] of pairs.entries()) {
    const packetId = await hub.upload(`Candidate ${String(i + 1).padStart(2, '0')}`);
    await hub.assign(packetId, a);
    await hub.assign(packetId, b);
    await hub.score(a, packetId, la, { minutes: 25 + i * 3 });
    await hub.score(b, packetId, lb, { minutes: 40 - i });
  }
  const known = await hub.upload('Known');
  await hub.as('chair1', 'PUT', `/api/v1/windows/${hub.windowId}/validity/${known}`, {
    masters: [{ criterionId: 'design', levelId: 'l3' }],
    decision: 'earned',
  });
  await hub.assign(known, 'assessor1');
  await hub.score('assessor1', known, 'l4', { minutes: 30 });
  return hub;
}
