import type { RubricCriterion, RubricLevel, Rubric } from '../../domain/rubric';
import type { ScoreRecord } from '../../domain/score';
import type { PacketManifest } from '../../packet/manifest';
import { chosenLevel, impliedDecision, rubricTotal, type ImpliedDecision } from '../decision-rules';

/** One submitted review together with the packet it scores (whose embedded rubric names the levels). */
export interface ExportInput {
  record: ScoreRecord;
  manifest: PacketManifest;
}

/** A scored criterion with its rubric wording, ready for any export. */
export interface ResolvedCriterion {
  criterion: RubricCriterion;
  level: RubricLevel;
  rationale: string;
  /** Candidate feedback on this criterion ('' when none was written). */
  feedback: string;
}

/** A review joined with its rubric: what every export format renders. */
export interface ResolvedReview extends ExportInput {
  rubric: Rubric;
  /** Scored criteria in rubric order; empty for an unscorable packet. */
  criteria: ResolvedCriterion[];
  impliedDecision: ImpliedDecision | undefined;
  /** Weighted total of the scored levels. */
  total: number;
}

/**
 * Joins a score record with its packet's rubric. Throws when the record belongs to another packet
 * or rubric version, or names a level the rubric lacks: exporting labels and descriptors from the
 * wrong rubric would tell the candidate something the assessor never said.
 */
export function resolveReview({ record, manifest }: ExportInput): ResolvedReview {
  const rubric = manifest.rubric;
  if (record.packetId !== manifest.packetId) {
    throw new Error(`Review ${record.id} is for packet ${record.packetId}, not ${manifest.packetId}.`);
  }
  if (record.rubricId !== rubric.id || record.rubricVersion !== rubric.version) {
    throw new Error(
      `Review ${record.id} was scored with rubric ${record.rubricId} v${record.rubricVersion}, but the packet carries ${rubric.id} v${rubric.version}.`,
    );
  }
  const levels: Record<string, string> = {};
  for (const score of record.criteria) {
    const criterion = rubric.criteria.find((c) => c.id === score.criterionId);
    if (!criterion)
      throw new Error(`Review ${record.id} scores criterion "${score.criterionId}", which the rubric lacks.`);
    levels[criterion.id] = score.levelId;
    if (!chosenLevel(criterion, levels)) {
      throw new Error(
        `Review ${record.id} gives “${criterion.title}” level "${score.levelId}", which the rubric lacks.`,
      );
    }
  }
  const criteria = rubric.criteria.flatMap((criterion) => {
    const level = chosenLevel(criterion, levels);
    if (!level) return [];
    const rationale = record.criteria.find((s) => s.criterionId === criterion.id)?.rationale ?? '';
    return [{ criterion, level, rationale, feedback: criterionFeedback(record, criterion.id) }];
  });
  return {
    record,
    manifest,
    rubric,
    criteria,
    impliedDecision: impliedDecision(rubric, levels),
    total: rubricTotal(rubric, levels),
  };
}

/** The candidate feedback written for one criterion, or ''. */
export function criterionFeedback(record: ScoreRecord, criterionId: string): string {
  return record.candidateFeedback.byCriterion.find((f) => f.criterionId === criterionId)?.text ?? '';
}
