import { useState } from 'react';
import { db } from '../../data/db';
import { LOCAL_NAME_KEY } from '../../data/legacy';
import { useAssessorId } from '../review/useAssessorId';

/**
 * Asked once, in the local workspace only: the name recorded on reviews of packets imported from
 * disk (a hub workspace's name is the signed-in hub user, which nobody types).
 */
export function LocalNamePrompt() {
  const { fromHub, named, loading } = useAssessorId();
  const [value, setValue] = useState('');
  if (fromHub || named || loading) return null;
  return (
    <form
      className="notice local-name"
      aria-label="Your name on reviews"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) void db.settings.put({ key: LOCAL_NAME_KEY, value: value.trim() });
      }}
    >
      <label>
        Your name, recorded on reviews of imported packets (asked once; hub packets use your hub account)
        <input value={value} size={16} maxLength={64} required onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">Save name</button>
    </form>
  );
}
