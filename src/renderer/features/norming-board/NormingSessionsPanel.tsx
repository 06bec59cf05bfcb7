import { useEffect, useState } from 'react';
import type { NormingSessionSummary } from '../../../shared/contract/norming';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { dateFormat } from '../../app/format';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';

/** On the hub screen for facilitators and admins: the norming sessions they run, each opening its board. */
export function NormingSessionsPanel() {
  const [sessions, setSessions] = useState<NormingSessionSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const load = () =>
      bridge['facilitator.sessions']({}).then(
        ({ sessions: list }) => setSessions(list.filter((s) => s.role === 'facilitator')),
        (failure: unknown) => setError(describeError(failure)),
      );
    void load();
    // A session created or closed elsewhere shows up without a reload.
    return bridge.on('norming.boardChanged', (event) => event.kind === 'session' && void load());
  }, []);
  return (
    <section className="hub-card" aria-labelledby="norming-sessions-title">
      <h2 id="norming-sessions-title">Norming sessions you run</h2>
      {sessions === undefined ? (
        error ? null : (
          <p>Loading…</p>
        )
      ) : sessions.length === 0 ? (
        <p className="muted">No norming sessions yet.</p>
      ) : (
        <ul className="norming-sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <a href={routeHref({ screen: 'norming', sessionId: s.id })}>{s.title}</a>{' '}
              <span className="muted small">
                {s.mode} · {s.status} · {s.participantCount} participants · {s.anchorCount} anchors · started{' '}
                {dateFormat.format(new Date(s.createdAt))}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
