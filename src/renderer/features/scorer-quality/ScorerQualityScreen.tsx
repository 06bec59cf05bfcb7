import { useState } from 'react';
import type { ScorerQualityRow } from '../../../shared/contract/scorer-quality';
import { dateFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { ErrorLine } from '../hub/ErrorLine';
import { PauseDialog } from './PauseDialog';
import { ScaleUseChart } from './ScaleUseChart';
import { TrendChart } from './TrendChart';
import { useScorerQuality } from './useScorerQuality';
import { ValiditySection } from './ValiditySection';
import { decimal, minutesText, percent, severityText, STATUS_LABELS } from './view-model';
import './scorer-quality.css';

type Action = { scorer: ScorerQualityRow; mode: 'pause' | 'recalibrate' | 'resume' };

/**
 * The chair's scorer quality for one window (#/windows/<id>/scorers): per assessor, agreement with
 * validity masters and with second scorers, severity, scale use, time per packet and the policy's
 * flags; the agreement trend; pause, require recalibration, resume; and the validity packets.
 */
export function ScorerQualityScreen({ windowId }: { windowId: string }) {
  const { quality, validity, error, reload } = useScorerQuality(windowId);
  const [action, setAction] = useState<Action>();
  const [notice, setNotice] = useState<string>();
  const done = (message: string) => {
    setNotice(message);
    setAction(undefined);
    void reload();
  };

  return (
    <div className="screen scorer-quality">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'window', windowId })}>
          ← Dashboard
        </a>
        <h1>
          <span className="brand">Anchor</span> Scorer quality{quality ? `: ${quality.window.name}` : ''}
        </h1>
        <button type="button" onClick={() => void reload()}>
          Refresh
        </button>
      </header>
      <main className="hub-body">
        <ErrorLine error={error} />
        <p className="dashboard-notice" role="status">
          {notice}
        </p>
        {quality === undefined ? (
          error ? null : (
            <p>Loading…</p>
          )
        ) : (
          <>
            <section className="hub-card" aria-labelledby="scorers-title">
              <h2 id="scorers-title">Assessors</h2>
              <p className="muted small">
                Flags follow the window policy: exact agreement below {percent(quality.limits.minExactAgreement)}, or a
                mean level difference beyond ±{quality.limits.maxAbsSeverity}, once an assessor has{' '}
                {quality.limits.minScored} compared packets (validity masters first, else second scorers). Severity
                below 0 is severe, above 0 lenient.
              </p>
              {quality.scorers.length === 0 ? (
                <p className="muted">Nobody is assigned in this window yet.</p>
              ) : (
                <div className="table-scroll">
                  <table className="quality-table scorers-table">
                    <caption className="visually-hidden">Scorer quality per assessor</caption>
                    <thead>
                      <tr>
                        <th scope="col" rowSpan={2}>
                          Assessor
                        </th>
                        <th scope="colgroup" colSpan={4}>
                          Validity masters
                        </th>
                        <th scope="colgroup" colSpan={5}>
                          Second scorers
                        </th>
                        <th scope="col" rowSpan={2}>
                          Scale use
                        </th>
                        <th scope="col" rowSpan={2}>
                          Time
                        </th>
                        <th scope="col" rowSpan={2}>
                          Flags
                        </th>
                        <th scope="col" rowSpan={2}>
                          Status
                        </th>
                      </tr>
                      <tr>
                        <th scope="col" title="Validity packets scored">
                          n
                        </th>
                        <th scope="col">Exact</th>
                        <th scope="col">Adj.</th>
                        <th scope="col">Severity</th>
                        <th scope="col" title="Double-scored packets">
                          n
                        </th>
                        <th scope="col">Exact</th>
                        <th scope="col" title="Quadratic weighted kappa">
                          κw
                        </th>
                        <th scope="col" title="Gwet's AC1">
                          AC1
                        </th>
                        <th scope="col">Severity</th>
                      </tr>
                    </thead>
                    <tbody>
                      {quality.scorers.map((s) => (
                        <tr key={s.assessorId} className={s.flags.length > 0 ? 'flagged' : undefined}>
                          <th scope="row">
                            {s.username}
                            <span className="muted small"> · {s.scored} live</span>
                          </th>
                          <td>{s.validity.packets}</td>
                          <td>{percent(s.validity.exact)}</td>
                          <td>{percent(s.validity.adjacent)}</td>
                          <td>{severityText(s.validity.severity)}</td>
                          <td>{s.secondScoring.packets}</td>
                          <td>{percent(s.secondScoring.exact)}</td>
                          <td>{decimal(s.secondScoring.quadraticWeightedKappa)}</td>
                          <td>{decimal(s.secondScoring.ac1)}</td>
                          <td>{severityText(s.secondScoring.severity)}</td>
                          <td>
                            <ScaleUseChart username={s.username} scaleUse={s.scaleUse} />
                          </td>
                          <td>{minutesText(s.medianMinutes)}</td>
                          <td>
                            {s.flags.length === 0 ? (
                              <span className="muted">None</span>
                            ) : (
                              <ul className="flag-list" aria-label={`Flags for ${s.username}`}>
                                {s.flags.map((flag) => (
                                  <li key={flag.kind}>
                                    <span aria-hidden="true">⚑ </span>
                                    {flag.message}
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                          <td>
                            <div className="status-cell">
                              <span className={`status-badge status-${s.status}`}>{STATUS_LABELS[s.status]}</span>
                              {s.pause ? (
                                <span className="muted small">
                                  {dateFormat.format(new Date(s.pause.pausedAt))}
                                  {s.pause.pausedBy ? ` by ${s.pause.pausedBy}` : ''}: {s.pause.reason}
                                </span>
                              ) : null}
                              <span className="row-actions">
                                {s.status === 'active' ? (
                                  <>
                                    <button type="button" onClick={() => setAction({ scorer: s, mode: 'pause' })}>
                                      Pause<span className="visually-hidden"> {s.username}</span>
                                    </button>
                                    <button
                                      type="button"
                                      disabled={!quality.window.requiredQualification}
                                      title={
                                        quality.window.requiredQualification
                                          ? undefined
                                          : 'This window requires no qualification to recalibrate against.'
                                      }
                                      onClick={() => setAction({ scorer: s, mode: 'recalibrate' })}
                                    >
                                      Recalibrate<span className="visually-hidden"> {s.username}</span>
                                    </button>
                                  </>
                                ) : (
                                  <button type="button" onClick={() => setAction({ scorer: s, mode: 'resume' })}>
                                    Resume<span className="visually-hidden"> {s.username}</span>
                                  </button>
                                )}
                              </span>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="muted small">
                Scale use counts chosen levels per position, level 1 (lowest) on the left. Time is the median from
                opening a review to submitting it.
              </p>
            </section>
            <section className="hub-card" aria-labelledby="trend-section-title">
              <h2 id="trend-section-title">Trend</h2>
              <TrendChart scorers={quality.scorers} minimum={quality.limits.minExactAgreement} />
            </section>
            <ValiditySection windowId={windowId} validity={validity} onChanged={done} />
            {action ? (
              <PauseDialog
                windowId={windowId}
                scorer={action.scorer}
                mode={action.mode}
                requiredQualification={quality.window.requiredQualification}
                onClose={() => setAction(undefined)}
                onDone={done}
              />
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}
