// Days as the hub counts them: UTC calendar days, so every viewer and the hub put an instant on the
// same day (pages write a day in the viewer's words, never move it to their own zone).

/** A UTC day is always this long (no daylight saving in UTC). */
export const DAY_MS = 86_400_000;

/** The UTC calendar day (YYYY-MM-DD) of an instant. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Which UTC day an instant falls on, as a count of days since 1970-01-01 (for day arithmetic). */
export function dayIndex(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
