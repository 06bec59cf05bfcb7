import { useLiveQuery } from 'dexie-react-hooks';
import type { QualificationNotice } from '../../../shared/contract/assignments';
import { db } from '../../data/db';
import { QUALIFICATION_NOTICES_KEY } from '../../data/hub-account';

/**
 * Open review windows that will not assign this assessor until they qualify: says which, why, and
 * what to do, so an empty queue is never a mystery.
 */
export function QualificationNotices() {
  const notices = useLiveQuery(
    async () => ((await db.settings.get(QUALIFICATION_NOTICES_KEY))?.value ?? []) as QualificationNotice[],
    [],
  );
  if (!notices || notices.length === 0) return null;
  return (
    <div className="notice" role="note" aria-label="Qualification needed">
      <h3 className="small">Qualification needed</h3>
      <ul>
        {notices.map((notice) => (
          <li key={notice.windowId}>{notice.message}</li>
        ))}
      </ul>
    </div>
  );
}
