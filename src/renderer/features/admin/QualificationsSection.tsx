import { useId, useMemo, useState } from 'react';
import { useHubData } from '../../app/useHubData';
import { bridge } from '../../bridge';
import { ErrorLine } from '../hub/ErrorLine';
import { QualificationsTable } from '../qualifications/QualificationsTable';
import { qualificationStanding } from '../qualifications/qualification-words';

/**
 * Who may score which credential: each person's latest qualification, by credential, with those
 * needing a session (not qualified, expired, expiring within a month) flagged and filterable — what
 * an admin looks at before opening a window that requires a qualification, or planning calibration.
 */
export function QualificationsSection() {
  const { data, error } = useHubData(() => bridge['norming.qualifications']({}));
  const [credential, setCredential] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const credentialId = useId();
  const now = Date.now();
  const credentials = useMemo(
    () => [...new Set((data?.qualifications ?? []).map((q) => q.credentialId))].sort(),
    [data],
  );
  const rows = (data?.qualifications ?? []).filter(
    (q) =>
      (!credential || q.credentialId === credential) && (!attentionOnly || qualificationStanding(q, now, String).warn),
  );
  return (
    <section className="hub-card" aria-labelledby="qualifications-title">
      <h3 id="qualifications-title">Qualifications</h3>
      <ErrorLine error={error} />
      {data === undefined ? (
        !error && <p>Loading…</p>
      ) : data.qualifications.length === 0 ? (
        <p className="muted">No qualification recorded yet: closing a qualification norming session records them.</p>
      ) : (
        <>
          <div className="admin-filters">
            <label htmlFor={credentialId}>Credential</label>
            <select id={credentialId} value={credential} onChange={(e) => setCredential(e.target.value)}>
              <option value="">All credentials</option>
              {credentials.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <label>
              <input type="checkbox" checked={attentionOnly} onChange={(e) => setAttentionOnly(e.target.checked)} />{' '}
              Only those needing a session (not qualified, expired, expiring within 30 days)
            </label>
          </div>
          <p role="status" className="muted small">
            {rows.length} of {data.qualifications.length} shown
          </p>
          <QualificationsTable label="Qualifications" rows={rows} showPerson now={now} />
        </>
      )}
    </section>
  );
}
