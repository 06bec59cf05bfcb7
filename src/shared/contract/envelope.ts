/**
 * How a bridge answer travels over a carrier (IPC or HTTP): the value, or the error's
 * user-facing message and code. An envelope rather than a thrown error because Electron
 * rewrites errors thrown across ipcMain.handle ("Error invoking remote method …: Error: …"),
 * which is not something to show an assessor.
 */
export type BridgeEnvelope = { ok: true; value: unknown } | { ok: false; error: { message: string; code: string } };

/** A failed bridge call as the renderer sees it; the message is meant for the user. */
export class BridgeCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

/** The value of a successful call; a failed one throws BridgeCallError with the original message. */
export function openEnvelope(envelope: unknown): unknown {
  const e = envelope as Partial<{ ok: boolean; value: unknown; error: { message?: string; code?: string } }>;
  if (e && e.ok === true) return e.value;
  throw new BridgeCallError(e?.error?.message ?? 'The request failed.', e?.error?.code ?? 'internal');
}
