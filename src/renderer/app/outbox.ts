import { bridge } from '../bridge';
import { startOutbox, type OutboxRunner } from '../data/outbox-runner';

let runner: OutboxRunner | undefined;

/** Starts the app's one outbox runner (main.tsx); uploads go through the main process. */
export function startAppOutbox(): void {
  runner ??= startOutbox((record, baseRevision) => bridge['hub.uploadScore']({ record, baseRevision }));
}

/** Something was queued or may now go through (submit, sign-in, retry): look at once. */
export function wakeOutbox(): void {
  runner?.wake();
}
