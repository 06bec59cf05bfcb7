/** Speeds offered everywhere media plays: slower for careful listening, faster for skimming. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
