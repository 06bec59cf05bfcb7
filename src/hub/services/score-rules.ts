import type { EvidenceAnchor, ScoreRecord } from '../../shared/domain/score';
import type { PacketManifest } from '../../shared/packet/manifest';
import type { Problem } from '../../shared/problems';

/**
 * What makes a score record unusable for this packet, beyond its schema: another rubric, levels
 * or criteria the rubric does not have, a scored decision with criteria left out, comments on
 * evidence the packet does not contain. The desktop app builds records that pass (toScoreRecord);
 * the hub checks again because it cannot know which client sent the upload.
 */
export function scoreProblems(manifest: PacketManifest, record: ScoreRecord): Problem[] {
  const problems: Problem[] = [];
  const { rubric } = manifest;
  if (record.rubricId !== rubric.id || record.rubricVersion !== rubric.version) {
    problems.push({
      path: 'body.record.rubricId',
      message: `scores rubric ${record.rubricId} v${record.rubricVersion}, but the packet uses ${rubric.id} v${rubric.version}`,
    });
    return problems;
  }
  const seen = new Set<string>();
  record.criteria.forEach((score, index) => {
    const path = `body.record.criteria[${index}]`;
    const criterion = rubric.criteria.find((c) => c.id === score.criterionId);
    if (!criterion) {
      problems.push({ path, message: `criterion "${score.criterionId}" is not in the rubric` });
      return;
    }
    if (seen.has(criterion.id)) problems.push({ path, message: `criterion "${criterion.id}" is scored twice` });
    seen.add(criterion.id);
    if (!criterion.levels.some((level) => level.id === score.levelId)) {
      problems.push({ path, message: `level "${score.levelId}" is not a level of criterion "${criterion.id}"` });
    }
  });
  if (record.decision.kind !== 'unscorable') {
    for (const criterion of rubric.criteria) {
      if (!seen.has(criterion.id)) {
        problems.push({ path: 'body.record.criteria', message: `criterion "${criterion.id}" has no level` });
      }
    }
  } else if (record.criteria.length > 0) {
    // Unscorable is a condition, never a low score: levels next to it would be misread as one.
    problems.push({ path: 'body.record.criteria', message: 'an unscorable decision carries no criterion levels' });
  }
  record.comments.forEach((comment, index) => {
    const problem = anchorProblem(manifest, comment.anchor);
    if (problem)
      problems.push({ path: `body.record.comments[${index}].anchor.${problem.field}`, message: problem.message });
  });
  return problems;
}

/** Which item kinds each anchor kind can point into; pdf, media moments and whole items keep their old, looser rule. */
const ITEM_KINDS: Partial<Record<EvidenceAnchor['kind'], readonly string[]>> = {
  'media-range': ['video', 'audio'],
  image: ['image'],
  'table-cell': ['table'],
  'table-rows': ['table'],
  passage: ['text'],
};

/**
 * An anchor that points at nothing in this packet: an unknown item or prompt, a kind of place the
 * item cannot have (a table cell on a video), or a passage past the end of the response.
 */
function anchorProblem(
  manifest: PacketManifest,
  anchor: EvidenceAnchor,
): { field: string; message: string } | undefined {
  if (anchor.kind === 'passage' && anchor.promptId !== undefined) {
    const prompt = manifest.prompts.find((p) => p.id === anchor.promptId);
    if (!prompt) return { field: 'promptId', message: `prompt "${anchor.promptId}" is not in the packet` };
    if (anchor.end > prompt.response.length) {
      return { field: 'end', message: `the passage ends after the response to prompt "${prompt.id}"` };
    }
    return undefined;
  }
  const itemId = anchor.itemId ?? '';
  const item = manifest.evidence.find((e) => e.id === itemId);
  if (!item) return { field: 'itemId', message: `evidence item "${itemId}" is not in the packet` };
  const kinds = ITEM_KINDS[anchor.kind];
  if (kinds && !kinds.includes(item.kind)) {
    return { field: 'kind', message: `a ${anchor.kind} anchor cannot point into ${item.kind} item "${item.id}"` };
  }
  return undefined;
}
