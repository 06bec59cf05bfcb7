/**
 * Decisions are due three weeks after submission (DESIGN.md §1, review windows). Until the hub
 * supplies assignment due dates (issue 4), the queue derives them from the submission date.
 */
export const REVIEW_DUE_DAYS = 21;

/** The ISO date-time a packet's review is due. */
export function reviewDueAt(submittedAt: string): string {
  return new Date(Date.parse(submittedAt) + REVIEW_DUE_DAYS * 24 * 60 * 60 * 1000).toISOString();
}
