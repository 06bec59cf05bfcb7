import type { MasterScore } from '../../../shared/contract/norming';
import type { FacilitatorScore } from '../../../shared/contract/norming-staff';

export interface Distance {
  userId: string;
  username: string;
  /** Sum over anchors of |participant − master| in level positions. */
  distance: number;
  /** Sum of (participant − master): above 0 lenient, below 0 severe. */
  signed: number;
  /** Anchors compared (a scored criterion with a master). */
  compared: number;
}

/** The current master per anchor for one criterion (the latest revision of its history). */
export function currentMasters(
  anchors: readonly { packetId: string; masters?: MasterScore[] }[],
  criterionId: string,
): Map<string, string> {
  const current = new Map<string, string>();
  for (const anchor of anchors) {
    const history = (anchor.masters ?? []).filter((m) => m.criterionId === criterionId);
    const latest = history.reduce<MasterScore | undefined>((a, m) => (a && a.revision > m.revision ? a : m), undefined);
    if (latest) current.set(anchor.packetId, latest.levelId);
  }
  return current;
}

/**
 * Who is furthest from the master on one criterion, furthest first (ties by name): the counted
 * (not late) scores only, the same ones the statistics use. Levels are compared by their position
 * in the rubric's order, so "two levels apart" means the same on every criterion.
 */
export function furthestFromMaster(
  scores: readonly FacilitatorScore[],
  masters: ReadonlyMap<string, string>,
  criterionId: string,
  levels: readonly string[],
): Distance[] {
  const byUser = new Map<string, Distance>();
  for (const score of scores) {
    if (score.late) continue;
    const master = masters.get(score.packetId);
    const chosen = score.criteria.find((c) => c.criterionId === criterionId)?.levelId;
    const [m, c] = [levels.indexOf(master ?? ''), levels.indexOf(chosen ?? '')];
    if (m < 0 || c < 0) continue;
    const entry = byUser.get(score.assessorId) ?? {
      userId: score.assessorId,
      username: score.username,
      distance: 0,
      signed: 0,
      compared: 0,
    };
    entry.distance += Math.abs(c - m);
    entry.signed += c - m;
    entry.compared += 1;
    byUser.set(score.assessorId, entry);
  }
  return [...byUser.values()].sort((a, b) => b.distance - a.distance || a.username.localeCompare(b.username));
}
