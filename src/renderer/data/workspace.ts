import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../shared/contract/workspace';
import { AnchorDatabase, setCurrentDatabase, workspaceDatabaseName } from './db';
import { moveLegacyData } from './legacy';

/** The workspace of packets imported with no hub: where the app starts until a hub user is known. */
export const LOCAL_WORKSPACE: Workspace = { id: 'local', kind: 'local', hubUrl: null, userId: null, username: null };

let current: Workspace = LOCAL_WORKSPACE;
let entered: Promise<void> | undefined;
const databases = new Map<string, AnchorDatabase>();
const listeners = new Set<() => void>();

/** The workspace whose data the screens show now. */
export function currentWorkspace(): Workspace {
  return current;
}

/**
 * Switches everything local to `next` (the main process's answer to who is signed in): opens
 * its own IndexedDB database, moves in its share of an earlier version's single database on
 * first use, makes it the current one, then tells the app root (which remounts every screen)
 * and the outbox (which restarts on it). Databases stay open once opened, so switching back
 * is instant and no query in flight meets a closed database.
 */
export function enterWorkspace(next: Workspace): Promise<void> {
  if (entered && next.id === current.id) return entered;
  performance.mark('anchor:workspace-enter');
  const run = (entered ?? Promise.resolve()).then(async () => {
    let database = databases.get(next.id);
    if (!database) {
      database = new AnchorDatabase(workspaceDatabaseName(next.id));
      await database.open();
      await moveLegacyData(database, next);
      databases.set(next.id, database);
    }
    setCurrentDatabase(database);
    current = next;
    for (const listener of [...listeners]) listener();
    performance.mark('anchor:workspace-entered');
  });
  entered = run.catch((error: unknown) => console.error('workspace: could not open', error));
  return run;
}

/** Calls `listener` after every switch of workspace; returns the unsubscribe. */
export function onWorkspaceChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current workspace, re-rendering on a switch. */
export function useWorkspace(): Workspace {
  return useSyncExternalStore(onWorkspaceChange, currentWorkspace);
}
