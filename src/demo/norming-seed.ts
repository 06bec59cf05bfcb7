import type { CreateNormingSessionRequest } from '../shared/contract/norming';
import type { z } from 'zod';
import { m5531CheckingUnderstanding } from './packets/m5531-checking-understanding';
import { t1186CheckingUnderstandingIncomplete } from './packets/t1186-checking-understanding-incomplete';
import type { DemoPacketSpec } from './spec';

/**
 * The demo's norming session: three anchor packets of "Checking for understanding", each with a
 * master level and rationale per criterion, so a facilitator can run a calibration at once. The
 * anchors are their own packets (anchors are never assigned for live scoring): a strong one, an
 * incomplete one, and a borderline one whose adjustment is thin.
 */
export const DEMO_NORMING_TITLE = 'Calibration: Checking for understanding';

const anchor = (
  base: DemoPacketSpec,
  packetId: string,
  code: string,
  changes: Partial<DemoPacketSpec> = {},
): DemoPacketSpec => ({
  ...base,
  ...changes,
  slug: `anchor-${code.toLowerCase()}-checking-for-understanding`,
  packetId,
  pseudonym: `Anchor ${code}`,
});

export const DEMO_ANCHORS: readonly DemoPacketSpec[] = [
  anchor(m5531CheckingUnderstanding, '5d1f0c2a-8b7e-4a31-9c6d-2e4f1a7b3c01', 'A-01'),
  anchor(t1186CheckingUnderstandingIncomplete, '5d1f0c2a-8b7e-4a31-9c6d-2e4f1a7b3c02', 'A-02'),
  anchor(m5531CheckingUnderstanding, '5d1f0c2a-8b7e-4a31-9c6d-2e4f1a7b3c03', 'A-03', {
    responses: {
      ...m5531CheckingUnderstanding.responses,
      adjustment:
        'Some students chose C, so I explained again that water moves across the membrane and the salt does not, ' +
        'and then we started the egg-in-syrup lab as planned. Most students seemed to follow the explanation.',
    },
  }),
];

type MasterInput = z.input<typeof CreateNormingSessionRequest>['anchors'][number]['masters'];

/** Master levels and rationales, per anchor, as an experienced scoring lead would write them. */
export const DEMO_MASTERS: Record<string, MasterInput> = {
  'A-01': [
    {
      criterionId: 'planning',
      levelId: 'proficient',
      rationale:
        'The hinge question is placed where the lesson depends on it, each distractor maps to a named misconception, and the decision rule (80 %) is set in advance.',
    },
    {
      criterionId: 'eliciting',
      levelId: 'exemplary',
      rationale:
        'Every student answers at once on a whiteboard with a reason, so guesses are told apart from understanding; the tally covers the whole class.',
    },
    {
      criterionId: 'interpreting',
      levelId: 'proficient',
      rationale:
        'The 61 % is read against the rule and the most common wrong idea is named with student evidence (S14, S22); subgroups are not followed further.',
    },
    {
      criterionId: 'adjusting',
      levelId: 'exemplary',
      rationale:
        'The prepared model addresses the named misconception, and the second hinge question shows the effect (26 of 28), with follow-up for the two remaining.',
    },
  ],
  'A-02': [
    {
      criterionId: 'planning',
      levelId: 'developing',
      rationale: 'A check is planned, but what a correct answer looks like and what will happen next are not stated.',
    },
    {
      criterionId: 'eliciting',
      levelId: 'beginning',
      rationale: 'Evidence comes from a few volunteers; most students are never asked to show their thinking.',
    },
    {
      criterionId: 'interpreting',
      levelId: 'developing',
      rationale: 'Responses are summarised as "most got it" without the counts or the errors the evidence shows.',
    },
    {
      criterionId: 'adjusting',
      levelId: 'beginning',
      rationale: 'The adjustment prompt is unanswered: no change to instruction is described or shown.',
    },
  ],
  'A-03': [
    {
      criterionId: 'planning',
      levelId: 'proficient',
      rationale: 'As in A-01: the check, its distractors and the decision rule are planned before the lesson.',
    },
    {
      criterionId: 'eliciting',
      levelId: 'proficient',
      rationale: 'Whole-class responses with reasons; the tally is reported but not every board is accounted for.',
    },
    {
      criterionId: 'interpreting',
      levelId: 'developing',
      rationale: 'The misconception is noticed, but the result is not compared with the decision rule the teacher set.',
    },
    {
      criterionId: 'adjusting',
      levelId: 'developing',
      rationale:
        'The teacher re-explains and moves on as planned: no evidence that the adjustment changed what students understood.',
    },
  ],
};
