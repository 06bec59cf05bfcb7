/** Turns anything thrown into one readable sentence fragment, ending with a full stop. */
export function describeError(error: unknown): string {
  let text = '';
  if (error instanceof Error) text = error.message;
  else if (typeof error === 'string') text = error;
  else if (error && typeof error === 'object' && 'message' in error) text = String(error.message);
  text = text.trim();
  if (!text) return 'an unknown error occurred.';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A failed HTTP response, phrased for an assessor rather than a developer. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(httpProblem(status));
    this.name = 'HttpError';
  }
}

export function httpProblem(status: number): string {
  if (status === 404) return 'the file was not found in the packet (HTTP 404).';
  if (status === 403) return 'access to the file was refused (HTTP 403).';
  return `the file could not be loaded (HTTP ${status}).`;
}

/** `fetch` rejects with a bare TypeError on network failure; say something more useful. */
export function networkProblem(error: unknown): string {
  if (error instanceof TypeError) return 'the file could not be reached.';
  return describeError(error);
}
