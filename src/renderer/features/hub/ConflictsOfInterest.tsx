import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ConflictView } from '../../../shared/contract/hub-api';
import { bridge } from '../../bridge';
import { dateFormat } from '../../app/format';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from './ErrorLine';
import { recheckWhileFailing } from './recheck';

/**
 * Declared conflicts of interest: the hub never assigns this assessor a packet from a school or
 * district named here. Declarations cannot be withdrawn from the app (an admin can).
 */
export function ConflictsOfInterest() {
  const [conflicts, setConflicts] = useState<ConflictView[]>();
  const [school, setSchool] = useState('');
  const [district, setDistrict] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();

  const load = useCallback(async () => {
    try {
      setConflicts((await bridge['hub.conflicts']({})).conflicts);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);
  // An error clears once the hub answers the list again (asked every few seconds).
  useEffect(() => {
    if (!error) return;
    return recheckWhileFailing(
      async () => setConflicts((await bridge['hub.conflicts']({})).conflicts),
      () => setError(undefined),
    );
  }, [error]);

  const declare = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      const made = await bridge['hub.declareConflict']({ school: school.trim(), district: district.trim() });
      setSaved(`Declared: ${[made.school, made.district].filter(Boolean).join(', ')}.`);
      setSchool('');
      setDistrict('');
      await load();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <section className="hub-card" aria-labelledby="coi-title">
      <h2 id="coi-title">Conflicts of interest</h2>
      <p className="muted small">
        Name a school or district you have worked in or have ties to; the hub will not assign you packets from it.
      </p>
      {conflicts && conflicts.length > 0 ? (
        <ul aria-label="Declared conflicts of interest">
          {conflicts.map((c) => (
            <li key={c.id}>
              {[c.school, c.district].filter(Boolean).join(', ')}{' '}
              <span className="muted small">declared {dateFormat.format(new Date(c.declaredAt))}</span>
            </li>
          ))}
        </ul>
      ) : (
        conflicts && <p className="muted small">None declared.</p>
      )}
      <form className="coi-form" onSubmit={(e) => void declare(e)}>
        <label>
          School
          <input value={school} onChange={(e) => setSchool(e.target.value)} />
        </label>
        <label>
          District
          <input value={district} onChange={(e) => setDistrict(e.target.value)} />
        </label>
        <button type="submit" disabled={!school.trim() && !district.trim()}>
          Declare conflict
        </button>
      </form>
      <ErrorLine error={error} />
      {saved && (
        <p role="status" className="muted small">
          {saved}
        </p>
      )}
    </section>
  );
}
