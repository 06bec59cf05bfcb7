import { useEffect } from 'react';
import { useHubData } from '../../app/useHubData';
import { bridge } from '../../bridge';
import { ErrorLine } from '../hub/ErrorLine';
import { QualificationsTable } from './QualificationsTable';

/**
 * The assessor's own qualifications on the Hub screen: which credentials they may score, until
 * when, and which need a calibration session first. Read again when a norming session changes
 * (closing one records qualifications).
 */
export function MyQualifications({ userId }: { userId: string }) {
  // Their own only, named: staff who also assess would otherwise be answered with everyone's.
  const { data, error, reload } = useHubData(() => bridge['norming.qualifications']({ userId }));
  useEffect(() => bridge.on('norming.changed', () => void reload()), [reload]);
  return (
    <section className="hub-card" aria-labelledby="my-qualifications-title">
      <h2 id="my-qualifications-title">Your qualifications</h2>
      <ErrorLine error={error} />
      {data &&
        (data.qualifications.length === 0 ? (
          <p className="muted">
            No qualification recorded yet. One is recorded when a facilitator closes a qualification session you scored
            in; some review windows require one before you can be assigned.
          </p>
        ) : (
          <QualificationsTable label="Your qualifications" rows={data.qualifications} showPerson={false} />
        ))}
    </section>
  );
}
