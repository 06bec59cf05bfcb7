import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../shared/domain/rubric';
import { describeDistribution, distanceFromMaster, ownLevelsFor, revealRows, type NormingAnchor } from './reveal-model';

const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const rubric = {
  id: 'r',
  criteria: [
    {
      id: 'design',
      title: 'Design of checks',
      levels: [
        { id: 'l1', label: 'Beginning', score: 1 },
        { id: 'l2', label: 'Developing', score: 2 },
        { id: 'l3', label: 'Proficient', score: 3 },
        { id: 'l4', label: 'Exemplary', score: 4 },
      ],
    },
  ],
} as unknown as Rubric;

function anchor(overrides: Partial<NormingAnchor> = {}): NormingAnchor {
  return {
    packetId: PACKET,
    position: 1,
    pseudonym: 'Anchor A',
    masters: [
      {
        criterionId: 'design',
        levelId: 'l4',
        rationale: 'Adapts.',
        revision: 1,
        reason: null,
        setAt: '2026-11-24T00:00:00Z',
      },
    ],
    distribution: [{ criterionId: 'design', counts: { l2: 1, l3: 3 } }],
    ...overrides,
  };
}

describe('the revealed view of an anchor', () => {
  it('lists every level of the scale in order, zeros included, with master and own level marked', () => {
    const [row] = revealRows(anchor(), rubric, new Map([['design', 'l3']]));
    expect(row?.bars.map((b) => [b.label, b.count, b.isMaster, b.isOwn])).toEqual([
      ['Beginning', 0, false, false],
      ['Developing', 1, false, false],
      ['Proficient', 3, false, true],
      ['Exemplary', 0, true, false],
    ]);
    expect(row?.total).toBe(4);
    expect(row?.bars[2]?.share).toBe(0.75);
    expect(row?.master).toMatchObject({ label: 'Exemplary', rationale: 'Adapts.' });
    expect(row?.summary).toBe(
      '4 scores counted: Beginning 0, Developing 1, Proficient 3, Exemplary 0 (master). Master level: Exemplary. You chose Proficient.',
    );
    expect(distanceFromMaster(row!)).toBe(-1);
  });

  it('shows nothing before the reveal (the hub sends no masters or distribution)', () => {
    expect(revealRows(anchor({ masters: undefined, distribution: undefined }), rubric, new Map())).toEqual([]);
  });

  it('falls back to ids without the rubric, and keeps a level the rubric lacks', () => {
    const rows = revealRows(
      anchor({ distribution: [{ criterionId: 'design', counts: { l9: 2 } }] }),
      undefined,
      new Map(),
    );
    expect(rows[0]?.title).toBe('design');
    expect(rows[0]?.bars.map((b) => b.label)).toEqual(['l9']);
    expect(rows[0]?.summary).toMatch(/You have no counted score here\.$/);
    expect(distanceFromMaster(rows[0]!)).toBeNull();
  });

  it('words a single score in the singular', () => {
    expect(describeDistribution([], 1, null, null)).toMatch(/^1 score counted/);
  });

  it("takes the participant's own levels from this computer, else from the hub's copy of their score", () => {
    const hub = [
      {
        scoreId: 'a',
        packetId: 'p1',
        revision: 1,
        receivedAt: '2026-10-01T00:00:00Z',
        late: false,
        levels: [{ criterionId: 'design', levelId: 'l2' }],
      },
    ];
    const here = { record: { criteria: [{ criterionId: 'design', levelId: 'l3' }] } };
    expect(ownLevelsFor('p1', here, hub)).toEqual(new Map([['design', 'l3']]));
    expect(ownLevelsFor('p1', undefined, hub)).toEqual(new Map([['design', 'l2']]));
    expect(ownLevelsFor('p2', undefined, hub)).toEqual(new Map());
    expect(ownLevelsFor('p1', undefined, undefined)).toEqual(new Map());
  });
});
