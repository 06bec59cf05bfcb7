import type { ConditionCode, Decision } from '../../../shared/domain/decision';
import type { Rubric } from '../../../shared/domain/rubric';

export const CONDITION_LABELS: Record<ConditionCode, string> = {
  'missing-evidence': 'Missing evidence',
  'wrong-credential': 'Wrong credential',
  'file-unreadable': 'File unreadable',
  'integrity-concern': 'Integrity concern',
  other: 'Other',
};

export function decisionWords(decision: Decision): string {
  switch (decision.kind) {
    case 'earned':
      return 'Earned';
    case 'not-yet':
      return 'Not yet';
    case 'unscorable':
      return `Unscorable (${CONDITION_LABELS[decision.conditionCode]}: ${decision.explanation})`;
  }
}

/** A level's label off the rubric, or its id when the rubric is not at hand. */
export function levelLabel(rubric: Rubric | null | undefined, criterionId: string, levelId: string): string {
  return rubric?.criteria.find((c) => c.id === criterionId)?.levels.find((l) => l.id === levelId)?.label ?? levelId;
}

export function criterionTitle(rubric: Rubric | null | undefined, criterionId: string): string {
  return rubric?.criteria.find((c) => c.id === criterionId)?.title ?? criterionId;
}
