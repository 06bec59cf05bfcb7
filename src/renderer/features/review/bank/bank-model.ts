import type { Rubric } from '../../../../shared/domain/rubric';
import { targetKey } from '../../../../shared/review/completeness';
import type { ReviewDraft } from '../../../../shared/review/draft';
import type { StoredBankEntry } from '../../../data/db';

/**
 * The comment bank as the assessor sees it: their own entries beside the rubric's (the entries
 * the rubric ships and each level's pre-written feedback, read-only). Pure: searching and grouping
 * are tested without a database.
 */

/** Where an entry comes from: the assessor (editable), the rubric's bank, or a level's feedback. */
export type BankSource = 'mine' | 'rubric' | 'level';

export interface BankEntry {
  /** Stable for React and for the assessor's own entries (their stored id). */
  id: string;
  text: string;
  /** The criterion it speaks to; undefined for a general entry. */
  criterionId?: string;
  source: BankSource;
  /** For level feedback: the level's label ("Proficient"). */
  level?: string;
}

/** The feedback fields an entry can be inserted into. */
export type FeedbackField = { kind: 'criterion'; criterionId: string } | { kind: 'overall' };

export interface BankGroup {
  /** The criterion's id, or "general". */
  id: string;
  title: string;
  entries: BankEntry[];
}

export const GENERAL_GROUP = 'general';

/** Every entry: the assessor's first (newest first), then the rubric's bank, then level feedback lowest level first. */
export function bankEntries(rubric: Rubric, mine: readonly StoredBankEntry[]): BankEntry[] {
  const own: BankEntry[] = mine.map((e) => ({ id: e.id, text: e.text, criterionId: e.criterionId, source: 'mine' }));
  const shipped = rubric.criteria.flatMap((c) =>
    (c.commentBank ?? []).map((text, i): BankEntry => ({
      id: `rubric:${c.id}:${i}`,
      text,
      criterionId: c.id,
      source: 'rubric',
    })),
  );
  const levels = rubric.criteria.flatMap((c) =>
    c.levels.flatMap((l): BankEntry[] =>
      l.feedback
        ? [{ id: `level:${c.id}:${l.id}`, text: l.feedback, criterionId: c.id, source: 'level', level: l.label }]
        : [],
    ),
  );
  return [...own, ...shipped, ...levels];
}

const words = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Entries matching every typed word, in the text, the level's label or the criterion's title
 * (so "proficient" or "alignment" finds what belongs there). An empty query keeps them all.
 */
export function searchBank(rubric: Rubric, entries: readonly BankEntry[], query: string): BankEntry[] {
  const wanted = words(query);
  if (!wanted.length) return [...entries];
  const titles = new Map(rubric.criteria.map((c) => [c.id, c.title]));
  return entries.filter((entry) => {
    const haystack = [entry.text, entry.level ?? '', titles.get(entry.criterionId ?? '') ?? 'general']
      .join(' ')
      .toLowerCase();
    return wanted.every((w) => haystack.includes(w));
  });
}

/**
 * Entries grouped by criterion in rubric order, general ones last; the field being filled comes
 * first (its criterion, or General for the overall feedback). Empty groups are left out.
 */
export function groupBank(rubric: Rubric, entries: readonly BankEntry[], field?: FeedbackField): BankGroup[] {
  const known = new Set(rubric.criteria.map((c) => c.id));
  const groups: BankGroup[] = [
    ...rubric.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      entries: entries.filter((e) => e.criterionId === c.id),
    })),
    // Entries for a criterion this rubric version no longer has still show, as general ones.
    {
      id: GENERAL_GROUP,
      title: 'General',
      entries: entries.filter((e) => !e.criterionId || !known.has(e.criterionId)),
    },
  ];
  const first = field?.kind === 'criterion' ? field.criterionId : field ? GENERAL_GROUP : undefined;
  return [...groups.filter((g) => g.id === first), ...groups.filter((g) => g.id !== first)].filter(
    (g) => g.entries.length > 0,
  );
}

/** The texts offered while typing an evidence comment on a criterion: its entries, then general ones. */
export function textsFor(entries: readonly BankEntry[], criterionId: string): string[] {
  const forCriterion = entries.filter((e) => e.criterionId === criterionId).map((e) => e.text);
  const general = entries.filter((e) => !e.criterionId).map((e) => e.text);
  return [...new Set([...forCriterion, ...general])];
}

/** Bank texts matching every typed word (case-insensitive), best first: the composer's suggestions. */
export function matchBank(texts: readonly string[], typed: string, limit = 5): string[] {
  const wanted = words(typed).filter((w) => w.length >= 2);
  if (!wanted.length) return [];
  return texts.filter((text) => wanted.every((w) => text.toLowerCase().includes(w))).slice(0, limit);
}

/** A field's text with an entry added: on a line of its own after what is already written. */
export function withEntry(current: string, entry: string): string {
  const before = current.replace(/\s+$/, '');
  return before ? `${before}\n${entry}` : entry;
}

/** The draft with an entry added to one of its feedback fields. */
export function insertIntoDraft(draft: ReviewDraft, field: FeedbackField, text: string): ReviewDraft {
  const { feedback } = draft;
  if (field.kind === 'overall')
    return { ...draft, feedback: { ...feedback, overall: withEntry(feedback.overall, text) } };
  const current = feedback.byCriterion[field.criterionId] ?? '';
  return {
    ...draft,
    feedback: { ...feedback, byCriterion: { ...feedback.byCriterion, [field.criterionId]: withEntry(current, text) } },
  };
}

/** The id of the field's text area on the scoring screen (the one the submit check points to). */
export function fieldTargetKey(field: FeedbackField): string {
  return targetKey(
    field.kind === 'overall'
      ? { kind: 'feedback-overall' }
      : { kind: 'feedback-criterion', criterionId: field.criterionId },
  );
}

/** The field's name as the dialog and buttons say it. */
export function fieldLabel(rubric: Rubric, field: FeedbackField): string {
  return field.kind === 'overall'
    ? 'Overall feedback'
    : `Feedback on ${rubric.criteria.find((c) => c.id === field.criterionId)?.title ?? field.criterionId}`;
}
