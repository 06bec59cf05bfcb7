/** A structured log line: every layer logs through one of these, handed in by its entry point. */
export type Log = (message: string, details?: Record<string, unknown>) => void;
