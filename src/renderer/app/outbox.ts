import { bridge } from '../bridge';
import { db } from '../data/db';
import { startOutbox, type OutboxRunner } from '../data/outbox-runner';
import { currentWorkspace, onWorkspaceChange } from '../data/workspace';

let runner: OutboxRunner | undefined;

/**
 * Starts the app's one outbox runner (main.tsx) on the current workspace, and again on every
 * switch: uploads go through the main process, labelled with the workspace they were written
 * in, so they leave only under their own assessor's session.
 */
export function startAppOutbox(): void {
  if (runner) return;
  const start = () => {
    runner?.stop();
    const workspaceId = currentWorkspace().id;
    runner = startOutbox(
      (record, baseRevision, destination) =>
        bridge['hub.uploadScore']({ record, baseRevision, workspaceId, destination }),
      db,
    );
  };
  start();
  onWorkspaceChange(start);
}

/** Something was queued or may now go through (submit, sign-in, retry): look at once. */
export function wakeOutbox(): void {
  runner?.wake();
}
