import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { LOCAL_NAME_KEY } from '../../data/legacy';
import { useWorkspace } from '../../data/workspace';

/** Recorded on reviews of imported packets until the local workspace's owner gives a name. */
export const DEFAULT_ASSESSOR_ID = 'assessor';

/**
 * The assessor identity recorded on submitted reviews: in a hub workspace the signed-in hub user
 * (the hub checks it; nobody types it), in the local workspace the name asked once
 * (LocalNamePrompt). `named` is false once the local workspace is known to have no name yet;
 * `loading` while its settings are still being read (so nothing asks for a name it already has).
 */
export function useAssessorId(): { assessorId: string; fromHub: boolean; named: boolean; loading: boolean } {
  const workspace = useWorkspace();
  // null: read, and no name given; undefined: not read yet.
  const localName = useLiveQuery(
    async () => ((await db.settings.get(LOCAL_NAME_KEY))?.value as string | undefined) ?? null,
    [workspace.id],
  );
  if (workspace.username) return { assessorId: workspace.username, fromHub: true, named: true, loading: false };
  const name = typeof localName === 'string' ? localName.trim() : '';
  return {
    assessorId: name || DEFAULT_ASSESSOR_ID,
    fromHub: false,
    named: name !== '',
    loading: localName === undefined,
  };
}
