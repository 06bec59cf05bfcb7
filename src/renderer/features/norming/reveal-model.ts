import type { MasterScore, NormingSessionView } from '../../../shared/contract/norming';
import type { Rubric } from '../../../shared/domain/rubric';

/** One anchor of a session as the hub shows it (masters and distribution after the reveal only). */
export type NormingAnchor = NormingSessionView['anchors'][number];

/**
 * The participant's own levels on one anchor, criterion → level: this computer's submitted score,
 * else the hub's copy of it (scored on another computer, or this computer's data was cleared).
 */
export function ownLevelsFor(
  packetId: string,
  local: { record: { criteria: readonly { criterionId: string; levelId: string }[] } } | undefined,
  yourScores: NormingSessionView['yourScores'],
): Map<string, string> {
  const levels = local?.record.criteria ?? yourScores?.find((s) => s.packetId === packetId)?.levels ?? [];
  return new Map(levels.map((c) => [c.criterionId, c.levelId]));
}

/** One bar of a criterion's distribution: how many participants chose a level. */
export interface LevelBar {
  levelId: string;
  label: string;
  count: number;
  /** count / total, 0 when nobody scored. */
  share: number;
  isMaster: boolean;
  isOwn: boolean;
}

/** What the revealed view shows for one criterion of one anchor. */
export interface RevealRow {
  criterionId: string;
  title: string;
  master: { levelId: string; label: string; rationale: string; revision: number; reason: string | null } | null;
  bars: LevelBar[];
  /** Counted scores (late ones are left out by the hub). */
  total: number;
  ownLevelId: string | null;
  /** The chart in words, for screen readers and for anyone who prefers text. */
  summary: string;
}

/**
 * The revealed view of one anchor, criterion by criterion: master level and rationale, the
 * distribution of chosen levels (every level of the scale, in rubric order, zeros included, so
 * the bars line up with the scale), and the participant's own level. Only counts arrive from the
 * hub, never names. Without the rubric (the anchor is not downloaded) ids stand in for labels.
 */
export function revealRows(
  anchor: NormingAnchor,
  rubric: Rubric | undefined,
  ownLevels: ReadonlyMap<string, string>,
): RevealRow[] {
  const masters = new Map((anchor.masters ?? []).map((m) => [m.criterionId, m]));
  const counts = new Map((anchor.distribution ?? []).map((d) => [d.criterionId, d.counts]));
  const criterionIds = rubric ? rubric.criteria.map((c) => c.id) : [...new Set([...masters.keys(), ...counts.keys()])];
  return criterionIds
    .filter((id) => masters.has(id) || counts.has(id))
    .map((criterionId) => {
      const criterion = rubric?.criteria.find((c) => c.id === criterionId);
      const given: Record<string, number> = counts.get(criterionId) ?? {};
      const scale = criterion ? criterion.levels.map((l) => ({ id: l.id, label: l.label })) : [];
      // A level the hub counts but the rubric lacks (a changed rubric) still shows.
      for (const id of Object.keys(given)) if (!scale.some((l) => l.id === id)) scale.push({ id, label: id });
      const master: MasterScore | undefined = masters.get(criterionId);
      const own = ownLevels.get(criterionId) ?? null;
      const total = Object.values(given).reduce((a, b) => a + b, 0);
      const label = (id: string) => scale.find((l) => l.id === id)?.label ?? id;
      const bars = scale.map((level) => {
        const count = given[level.id] ?? 0;
        return {
          levelId: level.id,
          label: level.label,
          count,
          share: total > 0 ? count / total : 0,
          isMaster: master?.levelId === level.id,
          isOwn: own === level.id,
        };
      });
      return {
        criterionId,
        title: criterion?.title ?? criterionId,
        master: master
          ? {
              levelId: master.levelId,
              label: label(master.levelId),
              rationale: master.rationale,
              revision: master.revision,
              reason: master.reason,
            }
          : null,
        bars,
        total,
        ownLevelId: own,
        summary: describeDistribution(bars, total, master ? label(master.levelId) : null, own ? label(own) : null),
      };
    });
}

/** "4 scores: Beginning 0, Developing 1, Proficient 3 (master), Advanced 0. You chose Developing." */
export function describeDistribution(
  bars: readonly LevelBar[],
  total: number,
  masterLabel: string | null,
  ownLabel: string | null,
): string {
  const parts = bars.map((b) => `${b.label} ${b.count}${b.isMaster ? ' (master)' : ''}`);
  const head = `${total} ${total === 1 ? 'score' : 'scores'} counted: ${parts.join(', ')}.`;
  const master = masterLabel ? ` Master level: ${masterLabel}.` : '';
  const own = ownLabel ? ` You chose ${ownLabel}.` : ' You have no counted score here.';
  return `${head}${master}${own}`;
}

/** How far the participant's level is from the master's, in levels of the scale (null if either is missing). */
export function distanceFromMaster(row: RevealRow): number | null {
  const at = (id: string | null | undefined) => (id ? row.bars.findIndex((b) => b.levelId === id) : -1);
  const own = at(row.ownLevelId);
  const master = at(row.master?.levelId);
  return own < 0 || master < 0 ? null : own - master;
}
