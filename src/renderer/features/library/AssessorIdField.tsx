import { useEffect, useState } from 'react';
import { db } from '../../data/db';
import { ASSESSOR_ID_KEY, useAssessorId } from '../review/useAssessorId';

/** The identity written into submitted reviews (never shown to candidates). */
export function AssessorIdField() {
  const current = useAssessorId();
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  return (
    <label className="assessor-id">
      Assessor ID
      <input
        value={value}
        size={12}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void db.settings.put({ key: ASSESSOR_ID_KEY, value: value.trim() })}
      />
    </label>
  );
}
