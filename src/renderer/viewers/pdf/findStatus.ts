export interface FindProgress {
  query: string;
  /** pdf.js FindState: 0 found, 1 not found, 2 wrapped, 3 pending. */
  state: number;
  current: number;
  total: number;
}

export const FIND_FOUND = 0;
export const FIND_NOT_FOUND = 1;
export const FIND_WRAPPED = 2;
export const FIND_PENDING = 3;

/** What the search status line says, e.g. "3 of 12 matches"; empty when nothing is searched. */
export function findStatusText({ query, state, current, total }: FindProgress): string {
  if (!query.trim()) return '';
  if (total > 0) {
    const noun = total === 1 ? 'match' : 'matches';
    // Counts arrive page by page, possibly before a hit is selected.
    return current > 0 ? `${current} of ${total} ${noun}` : `${total} ${noun}`;
  }
  if (state === FIND_PENDING) return 'Searching…';
  return 'No matches';
}
