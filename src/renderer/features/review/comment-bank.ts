import type { Rubric } from '../../../shared/domain/rubric';
import { db } from '../../data/db';

const key = (rubricId: string, criterionId: string) => `commentBank:${rubricId}:${criterionId}`;

/** Reusable comments for a criterion: the assessor's own, then the rubric's level feedback. */
export async function bankFor(rubric: Rubric, criterionId: string): Promise<string[]> {
  const saved = ((await db.settings.get(key(rubric.id, criterionId)))?.value as string[] | undefined) ?? [];
  const seeded =
    rubric.criteria.find((c) => c.id === criterionId)?.levels.flatMap((l) => (l.feedback ? [l.feedback] : [])) ?? [];
  return [...new Set([...saved, ...seeded])];
}

/** Adds a comment to the criterion's bank (most recent first, no duplicates). */
export async function addToBank(rubric: Rubric, criterionId: string, text: string): Promise<void> {
  const k = key(rubric.id, criterionId);
  const saved = ((await db.settings.get(k))?.value as string[] | undefined) ?? [];
  await db.settings.put({ key: k, value: [text, ...saved.filter((s) => s !== text)].slice(0, 200) });
}

/** Bank entries matching every typed word (case-insensitive), best first. */
export function matchBank(entries: readonly string[], typed: string, limit = 5): string[] {
  const words = typed
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 2);
  if (!words.length) return [];
  return entries.filter((entry) => words.every((w) => entry.toLowerCase().includes(w))).slice(0, limit);
}
