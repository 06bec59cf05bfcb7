import Dexie from 'dexie';

/** The schema of versions 1-3 exactly as they shipped (no upgrade steps), for the upgrade tests beside it. */
export function shippedVersion3(name: string): Dexie {
  const v3 = new Dexie(name);
  v3.version(1).stores({ packets: 'packetId, importedAt, credentialTitle' });
  v3.version(2).stores({
    progress: 'packetId, status',
    drafts: 'packetId, updatedAt',
    reviews: 'id, packetId, [packetId+revision]',
    history: '++seq, packetId',
    settings: 'key',
  });
  v3.version(3).stores({ assignments: 'assignmentId, packetId', outbox: 'scoreId, packetId, status' });
  return v3;
}
