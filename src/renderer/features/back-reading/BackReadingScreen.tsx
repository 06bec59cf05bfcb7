import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BackReadingList } from '../../../shared/contract/back-reading';
import { dateTimeFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { DECISION_LABEL } from '../review/DecisionSection';
import './back-reading.css';

/**
 * Back-reading a window (#/windows/<id>/back-reading): its scored packets, newest scoring first,
 * to sample — one assessor's work, or only what nobody has back-read yet — and open one to read.
 */
export function BackReadingScreen({ windowId }: { windowId: string }) {
  const [assessorId, setAssessorId] = useState('');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [data, setData] = useState<BackReadingList>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      setData(await bridge['backReading.list']({ windowId, assessorId: assessorId || undefined }));
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [windowId, assessorId]);
  useEffect(() => {
    void load();
  }, [load]);
  const packets = useMemo(
    () => (data?.packets ?? []).filter((p) => !unreadOnly || (p.notes === 0 && p.adjudication === null)),
    [data, unreadOnly],
  );

  return (
    <div className="screen back-reading">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'hub' })}>
          ← Hub
        </a>
        <h1>
          <span className="brand">Anchor</span> Back-reading{data ? `: ${data.window.name}` : ''}
        </h1>
      </header>
      <main className="hub-body">
        <ErrorLine error={error} />
        <section className="hub-card" aria-labelledby="scored-title">
          <h2 id="scored-title">Scored packets</h2>
          <div className="packet-controls">
            <label>
              Assessor{' '}
              <select value={assessorId} onChange={(event) => setAssessorId(event.target.value)}>
                <option value="">Everyone</option>
                {data?.assessors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.username}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />{' '}
              Not yet back-read
            </label>
            <span className="muted small" aria-live="polite">
              {data ? `${packets.length} shown, newest scoring first.` : ''}
            </span>
          </div>
          {data === undefined ? (
            error ? null : (
              <p>Loading…</p>
            )
          ) : packets.length === 0 ? (
            <p className="muted">No scored packets match.</p>
          ) : (
            <table className="library-table back-reading-list" aria-label="Scored packets">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Credential</th>
                  <th scope="col">Scorings</th>
                  <th scope="col">Last scored</th>
                  <th scope="col">Back-reading</th>
                </tr>
              </thead>
              <tbody>
                {packets.map((p) => (
                  <tr key={p.packetId}>
                    <th scope="row">
                      <a href={routeHref({ screen: 'back-reading', windowId, packetId: p.packetId })}>{p.pseudonym}</a>
                    </th>
                    <td>{p.credentialTitle}</td>
                    <td>
                      {p.scorings
                        .map(
                          (s) =>
                            `${s.assessorUsername}: ${DECISION_LABEL[s.decision as keyof typeof DECISION_LABEL] ?? s.decision}`,
                        )
                        .join(' · ')}
                    </td>
                    <td>{dateTimeFormat.format(new Date(p.lastScoredAt))}</td>
                    <td>
                      {[
                        p.notes > 0 ? `${p.notes} note${p.notes === 1 ? '' : 's'}` : '',
                        p.adjudication ? `adjudication ${p.adjudication}` : '',
                      ]
                        .filter(Boolean)
                        .join(', ') || <span className="muted">not yet</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </div>
  );
}
