import { useLiveQuery } from 'dexie-react-hooks';
import type { QualificationNotice } from '../../../shared/contract/assignments';
import { db } from '../../data/db';
import { QUALIFICATION_NOTICES_KEY } from '../../data/hub-account';

/**
 * Open review windows that will not assign this assessor until they qualify, or in which a chair
 * paused them (scorer quality): says which, why, and what to do, so an empty queue is never a mystery.
 */
export function QualificationNotices() {
  const notices = useLiveQuery(
    async () => ((await db.settings.get(QUALIFICATION_NOTICES_KEY))?.value ?? []) as QualificationNotice[],
    [],
  );
  if (!notices || notices.length === 0) return null;
  const groups = [
    { label: 'Paused by a chair', items: notices.filter((n) => n.kind === 'paused') },
    { label: 'Qualification needed', items: notices.filter((n) => n.kind !== 'paused') },
  ].filter((group) => group.items.length > 0);
  return (
    <>
      {groups.map((group) => (
        <div key={group.label} className="notice" role="note" aria-label={group.label}>
          <h3 className="small">{group.label}</h3>
          <ul>
            {group.items.map((notice) => (
              <li key={notice.windowId}>{notice.message}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
