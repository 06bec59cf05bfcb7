import { BridgeError } from '../../shared/contract/bridge';

/** Why a hub call failed, in terms the app can act on. */
export type HubErrorCode =
  | 'unreachable' // network down or hub stopped: keep the work and retry later
  | 'signed-out' // no session, or it could not be refreshed: sign in again
  | 'not-found' // not assigned to this assessor (or does not exist)
  | 'conflict' // the hub's copy changed since the one this was based on
  | 'hash-mismatch' // downloaded evidence does not match its sha256
  | 'rejected'; // any other refusal; the message says why

export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly status?: number,
    /** The hub's list of what was wrong, when it gave one (a refused packet upload's validator findings). */
    readonly problems: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** Hub failures cross the bridge as BridgeErrors whose message the screen can show as is. */
export function toBridgeError(error: unknown): never {
  if (!(error instanceof HubError)) throw error;
  const code = error.code === 'unreachable' ? 'unavailable' : error.code === 'not-found' ? 'not-found' : 'forbidden';
  throw new BridgeError(error.message, error.code === 'rejected' || error.code === 'conflict' ? 'bad-request' : code);
}
