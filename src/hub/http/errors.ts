import type { Problem } from '../../shared/problems';

/**
 * An answer other than success, thrown from anywhere in a handler and turned into
 * `{ error: { code, message, problems? } }` by the router. `extra` adds top-level fields (the
 * 409 on a score carries the server's version this way).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: {
      problems?: Problem[];
      headers?: Record<string, string>;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 404 with one message for "does not exist" and "not yours": existence is not disclosed. */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'not-found', `${what} was not found, or is not available to you.`);
}
