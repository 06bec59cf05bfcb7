import { agreementWithMaster, ratingTable, summarise, type Rating } from '../agreement';
import type { AssessorResult, ConsensusView, CriterionResult, QualificationThresholds } from '../contract/norming';
import type { ScoreRecord } from '../domain/score';
import type { Rubric } from '../domain/rubric';

/** Krippendorff's own floor for tentative conclusions: below it a criterion is flagged for rubric revision. */
export const ALPHA_FLAG = 0.667;

export interface SessionFacts {
  anchors: readonly { packetId: string; pseudonym: string; rubric: Rubric }[];
  /** The current master level per anchor and criterion. */
  masters: readonly { packetId: string; criterionId: string; levelId: string }[];
  participants: readonly { userId: string; username: string }[];
  /** Each participant's latest counted (not late) score per anchor. */
  scores: readonly { assessorId: string; packetId: string; record: ScoreRecord }[];
  thresholds: QualificationThresholds;
  consensus: readonly ConsensusView[];
}

/** Criteria in rubric order, from the first anchor that has each. */
function criteriaOf(anchors: SessionFacts['anchors']) {
  const seen = new Map<string, Rubric['criteria'][number]>();
  for (const { rubric } of anchors) for (const c of rubric.criteria) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

/**
 * The statistics of a norming session, from its facts: per criterion the agreement among the
 * participants (levels in rubric order) with the distribution on each anchor and the master; per
 * participant the agreement with the masters and whether it meets the thresholds.
 */
export function sessionResults(facts: SessionFacts): { criteria: CriterionResult[]; assessors: AssessorResult[] } {
  const criteria = criteriaOf(facts.anchors);
  const master = new Map(facts.masters.map((m) => [`${m.packetId}/${m.criterionId}`, m.levelId]));
  const criterionResults = criteria.map((criterion): CriterionResult => {
    const levels = criterion.levels.map((l) => l.id);
    const ratings: Rating[] = facts.scores.flatMap(({ assessorId, packetId, record }) => {
      const chosen = record.criteria.find((c) => c.criterionId === criterion.id);
      return chosen && levels.includes(chosen.levelId)
        ? [{ unit: packetId, rater: assessorId, score: chosen.levelId }]
        : [];
    });
    const summary = summarise(ratingTable(ratings, levels));
    const alpha = summary.krippendorffAlpha.ordinal;
    return {
      criterionId: criterion.id,
      title: criterion.title,
      levels: criterion.levels.map((l) => ({ id: l.id, label: l.label })),
      exactAgreement: summary.exactAgreement,
      adjacentAgreement: summary.adjacentAgreement,
      gwetAC1: summary.gwetAC1,
      fleissKappa: summary.fleissKappa,
      krippendorffAlphaOrdinal: alpha,
      flagged: alpha !== null && alpha < ALPHA_FLAG,
      anchors: facts.anchors.map(({ packetId, pseudonym }) => ({
        packetId,
        pseudonym,
        counts: Object.fromEntries(
          levels.map((level) => [level, ratings.filter((r) => r.unit === packetId && r.score === level).length]),
        ),
        masterLevelId: master.get(`${packetId}/${criterion.id}`) ?? null,
      })),
      consensus: facts.consensus.find((c) => c.criterionId === criterion.id) ?? null,
      notes: summary.notes,
    };
  });

  const positions = new Map(criteria.map((c) => [c.id, c.levels.map((l) => l.id)]));
  const q = Math.max(2, ...criteria.map((c) => c.levels.length));
  const assessors = facts.participants.map(({ userId, username }): AssessorResult => {
    const theirs = facts.scores.filter((s) => s.assessorId === userId);
    const rater: number[] = [];
    const masters: number[] = [];
    for (const { packetId, record } of theirs) {
      for (const chosen of record.criteria) {
        const levels = positions.get(chosen.criterionId);
        const m = master.get(`${packetId}/${chosen.criterionId}`);
        if (!levels || m === undefined) continue;
        rater.push(levels.indexOf(chosen.levelId));
        masters.push(levels.indexOf(m));
      }
    }
    const agreement = agreementWithMaster(rater, masters, q);
    const unscorable = theirs.filter((s) => s.record.decision.kind === 'unscorable').length;
    const { minExact, minAdjacent, unscorableFails } = facts.thresholds;
    const shortfalls: string[] = [];
    const missing = facts.anchors.length - theirs.length;
    if (missing > 0) shortfalls.push(`${missing} anchor packet${missing === 1 ? '' : 's'} not scored`);
    if (agreement.exact === null || agreement.exact < minExact)
      shortfalls.push(`exact agreement ${pct(agreement.exact)} is below ${pct(minExact)}`);
    if (agreement.adjacent === null || agreement.adjacent < minAdjacent)
      shortfalls.push(`adjacent agreement ${pct(agreement.adjacent)} is below ${pct(minAdjacent)}`);
    if (unscorableFails && unscorable > 0)
      shortfalls.push(`${unscorable} scorable anchor${unscorable === 1 ? '' : 's'} marked Unscorable`);
    return {
      userId,
      username,
      compared: agreement.n,
      exact: agreement.exact,
      adjacent: agreement.adjacent,
      quadraticWeightedKappa: agreement.quadraticWeightedKappa.value,
      meanSignedDifference: agreement.meanSignedDifference,
      anchorsScored: theirs.length,
      unscorableOnScorable: unscorable,
      qualified: shortfalls.length === 0,
      shortfalls,
    };
  });
  return { criteria: criterionResults, assessors };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10} %`);
