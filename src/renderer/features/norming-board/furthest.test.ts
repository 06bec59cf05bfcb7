import { describe, expect, it } from 'vitest';
import type { FacilitatorScore } from '../../../shared/contract/norming-staff';
import { currentMasters, furthestFromMaster } from './furthest';

const LEVELS = ['l1', 'l2', 'l3', 'l4'];
const at = '2026-12-03T08:00:00.000Z';

function score(
  assessorId: string,
  username: string,
  packetId: string,
  levelId: string,
  late = false,
): FacilitatorScore {
  return {
    scoreId: `${assessorId}-${packetId}`,
    packetId,
    revision: 1,
    receivedAt: at,
    late,
    assessorId,
    username,
    criteria: [{ criterionId: 'design', levelId, rationale: '' }],
    decision: 'earned',
  };
}

describe('furthest from the master', () => {
  const masters = new Map([
    ['p1', 'l3'],
    ['p2', 'l2'],
  ]);

  it('orders by total distance in level positions, furthest first, ties by name', () => {
    const scores = [
      score('u1', 'cara', 'p1', 'l3'),
      score('u1', 'cara', 'p2', 'l2'),
      score('u2', 'abe', 'p1', 'l1'),
      score('u2', 'abe', 'p2', 'l2'),
      score('u3', 'bea', 'p1', 'l4'),
      score('u3', 'bea', 'p2', 'l1'),
    ];
    expect(
      furthestFromMaster(scores, masters, 'design', LEVELS).map((d) => [d.username, d.distance, d.signed]),
    ).toEqual([
      ['abe', 2, -2],
      ['bea', 2, 0],
      ['cara', 0, 0],
    ]);
  });

  it('leaves out late scores and levels not in the rubric, as the statistics do', () => {
    const scores = [
      score('u1', 'ann', 'p1', 'l1', true),
      score('u1', 'ann', 'p2', 'x9'),
      score('u2', 'bo', 'p1', 'l4'),
    ];
    expect(furthestFromMaster(scores, masters, 'design', LEVELS)).toEqual([
      { userId: 'u2', username: 'bo', distance: 1, signed: 1, compared: 1 },
    ]);
  });

  it('takes the latest revision of a changed master', () => {
    const history = [
      { criterionId: 'design', levelId: 'l3', rationale: '', revision: 1, reason: null, setAt: at },
      { criterionId: 'design', levelId: 'l2', rationale: '', revision: 2, reason: 'discussed', setAt: at },
      { criterionId: 'other', levelId: 'l4', rationale: '', revision: 1, reason: null, setAt: at },
    ];
    expect([...currentMasters([{ packetId: 'p1', masters: history }], 'design')]).toEqual([['p1', 'l2']]);
  });
});
