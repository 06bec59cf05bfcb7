import { BRIDGE_CONTRACT, BridgeError, isChannel, type BridgeHandlers } from '../../shared/contract/bridge';
import { problemsFromZod } from '../../shared/problems';

import type { Log } from '../../shared/log';

export type BridgeLog = Log;

/** Outcome of one bridge call, ready for any carrier (IPC or HTTP). */
export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: BridgeError };

/**
 * The one validating choke-point for every bridge call: the channel must be known, the payload
 * must match its input schema, and the handler's answer must match the output schema before it
 * leaves the main process. Rejections are logged and turned into a BridgeError.
 */
export function createDispatcher(handlers: BridgeHandlers, log: BridgeLog) {
  return async function dispatch(channel: string, payload: unknown): Promise<DispatchResult> {
    if (!isChannel(channel)) {
      log('bridge: rejected unknown channel', { channel });
      return { ok: false, error: new BridgeError(`Unknown bridge channel "${channel}".`, 'bad-request') };
    }
    const contract = BRIDGE_CONTRACT[channel];
    const input = contract.input.safeParse(payload ?? {});
    if (!input.success) {
      const detail = problemsFromZod(input.error)
        .map((p) => `${p.path} ${p.message}`)
        .join('; ');
      log('bridge: rejected malformed payload', { channel, detail });
      return { ok: false, error: new BridgeError(`Invalid request for ${channel}: ${detail}`, 'bad-request') };
    }
    try {
      const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
      const value = contract.output.parse(await handler(input.data));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof BridgeError) return { ok: false, error };
      log('bridge: handler failed', { channel, error: error instanceof Error ? error.stack : String(error) });
      return { ok: false, error: new BridgeError(`${channel} failed unexpectedly; see the log.`, 'internal') };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
