import { db, type AnchorDatabase, type StoredBankEntry } from './db';

/** Where versions before 4 kept the bank: one list per rubric and criterion, newest first. */
const OLD_KEY_PREFIX = 'commentBank:';

/**
 * Moves the old per-criterion lists of a rubric into the bank table (once: the keys are deleted
 * in the same transaction). They can arrive after the schema upgrade too, from moveLegacyData.
 */
export async function adoptOldBankLists(rubricId: string, database: AnchorDatabase = db): Promise<void> {
  const prefix = `${OLD_KEY_PREFIX}${rubricId}:`;
  const old = await database.settings.where('key').startsWith(prefix).toArray();
  if (!old.length) return;
  await database.transaction('rw', database.settings, database.bank, async () => {
    const now = Date.now();
    for (const setting of old) {
      const criterionId = setting.key.slice(prefix.length);
      const texts = Array.isArray(setting.value) ? setting.value.filter((t) => typeof t === 'string' && t.trim()) : [];
      // Newest first in the old list: later entries get older timestamps, so the order survives.
      await database.bank.bulkPut(
        texts.map((text: string, i) => ({
          id: crypto.randomUUID(),
          rubricId,
          criterionId,
          text,
          updatedAt: new Date(now - i).toISOString(),
        })),
      );
      await database.settings.delete(setting.key);
    }
  });
}

/** The assessor's own entries for a rubric, newest first (read-only: fit for a live query). */
export async function myBankEntries(rubricId: string, database: AnchorDatabase = db): Promise<StoredBankEntry[]> {
  const entries = await database.bank.where('rubricId').equals(rubricId).toArray();
  return entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Adds an entry unless the same text is already there for the same criterion (then it is refreshed). */
export async function addBankEntry(
  entry: { rubricId: string; criterionId?: string; text: string },
  database: AnchorDatabase = db,
): Promise<StoredBankEntry> {
  const text = entry.text.trim();
  await adoptOldBankLists(entry.rubricId, database);
  const existing = (await myBankEntries(entry.rubricId, database)).find(
    (e) => e.text === text && e.criterionId === entry.criterionId,
  );
  const stored: StoredBankEntry = {
    id: existing?.id ?? crypto.randomUUID(),
    rubricId: entry.rubricId,
    ...(entry.criterionId ? { criterionId: entry.criterionId } : {}),
    text,
    updatedAt: new Date().toISOString(),
  };
  await database.bank.put(stored);
  return stored;
}

/** Changes an entry's text or criterion. */
export async function updateBankEntry(
  id: string,
  change: { text: string; criterionId?: string },
  database: AnchorDatabase = db,
): Promise<void> {
  await database.transaction('rw', database.bank, async () => {
    const current = await database.bank.get(id);
    if (!current) return;
    // Built afresh so a general entry carries no criterionId at all (not one set to undefined).
    await database.bank.put({
      id: current.id,
      rubricId: current.rubricId,
      ...(change.criterionId ? { criterionId: change.criterionId } : {}),
      text: change.text.trim(),
      updatedAt: new Date().toISOString(),
    });
  });
}

export async function deleteBankEntry(id: string, database: AnchorDatabase = db): Promise<void> {
  await database.bank.delete(id);
}

/** Puts a deleted entry back exactly as it was (Undo). */
export async function restoreBankEntry(entry: StoredBankEntry, database: AnchorDatabase = db): Promise<void> {
  await database.bank.put(entry);
}
