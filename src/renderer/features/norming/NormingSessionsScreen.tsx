import { routeHref } from '../../app/route';
import { STATUS_LABEL } from './labels';
import { useNormingSessions } from './useNorming';

/** The participant's norming sessions, newest first, each a link to score its anchors. */
export function NormingSessionsScreen() {
  const { load, error } = useNormingSessions();
  return (
    <div className="screen norming">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'library' })}>
          ← Packet queue
        </a>
        <h1>
          <span className="brand">Anchor</span> Norming sessions
        </h1>
        <div className="topbar-actions">
          <a href={routeHref({ screen: 'hub' })}>Hub</a>
        </div>
      </header>
      <main className="norming-body">
        {error && load.phase === 'ready' && (
          <p role="alert" className="problems small">
            Could not refresh from the hub: {error}
          </p>
        )}
        {load.phase === 'loading' && (
          <p role="status" className="notice">
            Reading your sessions from the hub…
          </p>
        )}
        {load.phase === 'failed' && (
          <section role="alert" className="problems">
            <h2>Sessions could not be read</h2>
            <p>{load.message}</p>
            <a href={routeHref({ screen: 'hub' })}>Sign in on the hub screen</a>
          </section>
        )}
        {load.phase === 'ready' &&
          (load.value.length === 0 ? (
            <p className="empty">You take part in no norming session yet. Your facilitator adds you to one.</p>
          ) : (
            <table className="norming-table" aria-label="Norming sessions">
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Anchors
                  </th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {load.value.map((session) => (
                  <tr key={session.id}>
                    <th scope="row">
                      <a href={routeHref({ screen: 'my-norming-session', sessionId: session.id })}>{session.title}</a>
                    </th>
                    <td>{session.mode === 'qualification' ? 'Qualification' : 'Calibration'}</td>
                    <td>
                      <span className={`status status-${session.status}`}>{STATUS_LABEL[session.status]}</span>
                    </td>
                    <td className="num">{session.anchorCount}</td>
                    <td>{new Date(session.createdAt).toLocaleDateString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </main>
    </div>
  );
}
