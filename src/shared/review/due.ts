/**
 * Decisions are due three weeks after submission (DESIGN.md §1, review windows). A packet a hub
 * assigned is due when its review window closes; an imported one gets this derived date.
 */
export const REVIEW_DUE_DAYS = 21;

/** The ISO date-time a packet's review is due. */
export function reviewDueAt(submittedAt: string): string {
  return new Date(Date.parse(submittedAt) + REVIEW_DUE_DAYS * 24 * 60 * 60 * 1000).toISOString();
}
