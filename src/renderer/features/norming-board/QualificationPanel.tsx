import { useState } from 'react';
import type { CloseNormingResponse, NormingReport, NormingSessionView } from '../../../shared/contract/norming';
import type { z } from 'zod';
import { bridge } from '../../bridge';
import { dateFormat } from '../../app/format';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from './ConfirmDialog';
import { qualificationRows, recordedQualifications } from './qualification';
import { percent, coefficient, severityWords } from './stats';

type Closed = z.infer<typeof CloseNormingResponse>;

/**
 * Each participant against the thresholds; reopening for a participant whose scores came late;
 * closing the session, which records the qualifications (qualification mode) with date and expiry.
 */
export function QualificationPanel({
  session,
  report,
  onChanged,
}: {
  session: NormingSessionView;
  report: NormingReport;
  onChanged(): void;
}) {
  const [closed, setClosed] = useState<Closed>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const recorded = recordedQualifications(session, report, closed?.qualifications);
  const rows = qualificationRows(report, recorded);
  const late = (session.participants ?? []).filter((p) => p.late.length > 0 && !p.reopened);
  const t = session.thresholds;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setConfirming(false);
    void act(async () => {
      setClosed(await bridge['facilitator.close']({ sessionId: session.id }));
      // The recorded qualifications are what the facilitator closed for: focus goes to them.
      requestAnimationFrame(() => document.getElementById('qualification-title')?.focus());
    });
  };

  return (
    <section className="hub-card" aria-labelledby="qualification-title">
      <h2 id="qualification-title" tabIndex={-1}>
        Qualification
      </h2>
      <p className="muted small">
        Thresholds: at least {percent(t.minExact)} exact and {percent(t.minAdjacent)} adjacent against the masters
        {t.unscorableFails ? '; no Unscorable on an anchor' : ''}; current for {t.validDays} days.{' '}
        {session.mode === 'qualification'
          ? 'Closing records each result.'
          : 'A calibration session is practice: closing records no qualification.'}
      </p>
      <div className="table-scroller">
        <table className="library-table qualification-table" aria-label="Results against the thresholds">
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col" className="num">
                Exact
              </th>
              <th scope="col" className="num">
                Adjacent
              </th>
              <th scope="col" className="num">
                Weighted κ
              </th>
              <th scope="col">Severity</th>
              <th scope="col">Result</th>
              {recorded ? <th scope="col">Recorded</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const a = report.assessors.find((x) => x.userId === row.userId)!;
              return (
                <tr key={row.userId}>
                  <th scope="row">{row.username}</th>
                  <td className="num">{percent(a.exact)}</td>
                  <td className="num">{percent(a.adjacent)}</td>
                  <td className="num">{coefficient(a.quadraticWeightedKappa)}</td>
                  <td>{severityWords(a.meanSignedDifference)}</td>
                  <td className={row.qualified ? 'ok-text' : 'error-text'}>{row.result}</td>
                  {recorded ? (
                    <td className="recorded">
                      {row.recordedAt && row.expiresAt
                        ? `${dateFormat.format(new Date(row.recordedAt))}, expires ${dateFormat.format(new Date(row.expiresAt))}`
                        : 'not recorded'}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.lateScores ? (
        <p className="small">
          {report.lateScores} late score{report.lateScores === 1 ? '' : 's'} left out of the statistics.
        </p>
      ) : null}
      {session.status === 'revealed' && late.length ? (
        <ul className="late-list" aria-label="Late scores">
          {late.map((p) => (
            <li key={p.userId}>
              {p.username} scored {p.late.length} anchor{p.late.length === 1 ? '' : 's'} after the reveal.{' '}
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await bridge['facilitator.reopen']({ sessionId: session.id, userId: p.userId });
                  })
                }
              >
                Reopen for {p.username}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {session.status === 'revealed' ? (
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Close session…
          </button>
        </div>
      ) : (
        <p className="small">
          Closed {session.closedAt ? dateFormat.format(new Date(session.closedAt)) : ''}
          {recorded ? ` · ${recorded.length} qualification${recorded.length === 1 ? '' : 's'} recorded` : ''}.
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Close this session?"
        confirm="Close session"
        onConfirm={close}
        onClose={() => setConfirming(false)}
      >
        <p>
          Consensus and masters are settled and no further score counts.
          {session.mode === 'qualification' ? ' Each participant’s qualification is recorded with its expiry.' : ''}
        </p>
      </ConfirmDialog>
      <ErrorLine error={error} />
    </section>
  );
}
