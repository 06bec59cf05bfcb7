import { useMemo } from 'react';
import { navigate, routeHref } from '../../app/route';
import { anchorRows, downloadText, scoreText } from './anchor-rows';
import { STATUS_LABEL } from './labels';
import { ownLevelsFor } from './reveal-model';
import { RevealView } from './RevealView';
import { useAnchorPulls, useNormingSession } from './useNorming';
import { useAnchorRubrics, useLocalAnchors } from './useLocalAnchors';

/**
 * One norming session for a participant: its anchors with their download and score states,
 * "Score" opening the blind scoring screen, and after the reveal the masters and distributions.
 * Everything shown of others comes from the hub's participant view, which holds nothing of
 * anyone else before the reveal, and only counts after it.
 */
export function NormingSessionScreen({ sessionId }: { sessionId: string }) {
  const { load, error, reload } = useNormingSession(sessionId);
  const anchorPulls = useAnchorPulls();
  const local = useLocalAnchors(sessionId);
  const session = load.phase === 'ready' ? load.value : undefined;
  const rows = useMemo(
    () =>
      session
        ? anchorRows(session, {
            inLibrary: local.inLibrary,
            pulls: anchorPulls.pulls,
            drafts: local.drafts,
            outbox: local.outbox,
          })
        : [],
    [session, local.inLibrary, local.drafts, local.outbox, anchorPulls.pulls],
  );
  const downloaded = rows.filter((r) => r.download.kind === 'downloaded').map((r) => r.packetId);
  const rubrics = useAnchorRubrics(downloaded);
  const revealed = session !== undefined && session.status !== 'open';
  const missing = rows.filter((r) => r.download.kind === 'not-downloaded' || r.download.kind === 'failed');

  return (
    <div className="screen norming">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'my-norming' })}>
          ← Norming sessions
        </a>
        <h1>{session ? session.title : 'Norming session'}</h1>
        <div className="topbar-actions">
          <button type="button" onClick={reload}>
            Refresh
          </button>
        </div>
      </header>
      <main className="norming-body">
        {load.phase === 'loading' && (
          <p role="status" className="notice">
            Reading the session from the hub…
          </p>
        )}
        {load.phase === 'failed' && (
          <section role="alert" className="problems">
            <h2>The session could not be read</h2>
            <p>{load.message}</p>
          </section>
        )}
        {error && session && (
          <p role="alert" className="problems small">
            Could not refresh from the hub: {error}
          </p>
        )}
        {session && (
          <>
            <p className="session-facts">
              <span className={`status status-${session.status}`} role="status" aria-label="Session status">
                {STATUS_LABEL[session.status]}
              </span>{' '}
              · {session.mode === 'qualification' ? 'Qualification' : 'Calibration'} · {session.anchorCount} anchor
              {session.anchorCount === 1 ? '' : 's'}
            </p>
            {session.status === 'open' && (
              <p className="muted">
                Score each anchor on your own. Nobody’s scores, and not the master’s, are shown until the facilitator
                reveals them.
              </p>
            )}
            {session.yourStanding?.message && (
              <p role="alert" className="problems small">
                {session.yourStanding.message}
              </p>
            )}
            <section aria-labelledby="anchors-heading">
              <div className="section-head">
                <h2 id="anchors-heading">Anchors</h2>
                {missing.length > 0 && (
                  <button
                    type="button"
                    onClick={() =>
                      void anchorPulls.pull(
                        sessionId,
                        missing.map((r) => r.packetId),
                      )
                    }
                  >
                    Download all anchors ({missing.length})
                  </button>
                )}
              </div>
              {anchorPulls.error && (
                <p role="alert" className="problems small">
                  {anchorPulls.error}
                </p>
              )}
              <table className="norming-table" aria-labelledby="anchors-heading">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col">Anchor</th>
                    <th scope="col">On this computer</th>
                    <th scope="col">Your score</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const name = `anchor ${row.position} (${row.pseudonym})`;
                    return (
                      <tr key={row.packetId} data-packet={row.packetId}>
                        <td className="num">{row.position}</td>
                        <th scope="row">{row.pseudonym}</th>
                        <td>
                          {downloadText(row.download)}
                          {row.download.kind === 'downloading' && (
                            <progress max={100} value={row.download.percent} aria-label={`Download of ${name}`} />
                          )}
                        </td>
                        <td className={row.score.kind === 'late' || row.score.kind === 'failed' ? 'warn' : undefined}>
                          {scoreText(row.score)}
                        </td>
                        <td>
                          {row.download.kind === 'downloaded' ? (
                            <button
                              type="button"
                              aria-label={`${scoreLabel(row.score.kind)} ${name}`}
                              onClick={() =>
                                navigate({ screen: 'my-norming-score', sessionId, packetId: row.packetId })
                              }
                            >
                              {scoreLabel(row.score.kind)}
                            </button>
                          ) : (
                            <button
                              type="button"
                              aria-label={`Download ${name}`}
                              disabled={row.download.kind === 'queued' || row.download.kind === 'downloading'}
                              onClick={() => void anchorPulls.pull(sessionId, [row.packetId])}
                            >
                              {row.download.kind === 'failed' ? 'Download again' : 'Download'}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            {revealed && (
              <section aria-labelledby="reveal-heading" className="reveal-list">
                <h2 id="reveal-heading">Revealed: masters and how the group scored</h2>
                <p className="muted small">Counts only: nobody’s name is shown. Late scores are not counted.</p>
                {session.anchors.map((anchor) => {
                  const ownLevels = ownLevelsFor(
                    anchor.packetId,
                    local.submissions.get(anchor.packetId),
                    session.yourScores,
                  );
                  return (
                    <RevealView
                      key={anchor.packetId}
                      anchor={anchor}
                      rubric={rubrics.get(anchor.packetId)}
                      ownLevels={ownLevels}
                      ownLate={(session.yourScores ?? []).some((s) => s.packetId === anchor.packetId && s.late)}
                    />
                  );
                })}
              </section>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function scoreLabel(kind: string): string {
  if (kind === 'not-started') return 'Score';
  if (kind === 'draft') return 'Continue scoring';
  return 'View score';
}
