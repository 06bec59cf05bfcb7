import { useEffect, useState } from 'react';
import { db } from '../../data/db';
import { ASSESSOR_ID_KEY, useAssessorId } from '../review/useAssessorId';

/** The identity written into submitted reviews (never shown to candidates); the hub's user name when signed in. */
export function AssessorIdField() {
  const { assessorId, fromHub } = useAssessorId();
  const [value, setValue] = useState(assessorId);
  useEffect(() => setValue(assessorId), [assessorId]);
  return (
    <label className="assessor-id">
      Assessor ID
      <input
        value={value}
        size={12}
        readOnly={fromHub}
        title={fromHub ? 'Your hub user name' : undefined}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => !fromHub && void db.settings.put({ key: ASSESSOR_ID_KEY, value: value.trim() })}
      />
    </label>
  );
}
