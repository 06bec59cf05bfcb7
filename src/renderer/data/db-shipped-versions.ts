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

/** Versions 1-5 exactly as they shipped (4: the comment bank, 5: norming), without upgrade steps. */
export function shippedVersion5(name: string): Dexie {
  const v5 = shippedVersion3(name);
  v5.version(4).stores({ bank: 'id, rubricId' });
  v5.version(5).stores({ normingDrafts: 'key, sessionId', normingReviews: 'key, sessionId' });
  return v5;
}
