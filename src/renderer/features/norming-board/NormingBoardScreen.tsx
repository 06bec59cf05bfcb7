import { useState } from 'react';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { downloadFile } from '../review/download';
import { ErrorLine } from '../hub/ErrorLine';
import { useHubStatus } from '../hub/useHubStatus';
import { boardGrid } from './board-grid';
import { ConfirmDialog } from './ConfirmDialog';
import { CriterionPanel } from './CriterionPanel';
import { QualificationPanel } from './QualificationPanel';
import { SubmissionGrid } from './SubmissionGrid';
import { useBoard } from './useBoard';
import './norming-board.css';

const STATUS_WORDS = { open: 'Scoring (blind)', revealed: 'Revealed: discussion', closed: 'Closed' } as const;

/**
 * The facilitator's board for one norming session (#/norming/<id>): live submissions, the reveal,
 * per criterion the distribution, statistics and discussion, qualification, and the report.
 */
export function NormingBoardScreen({ sessionId }: { sessionId: string }) {
  const board = useBoard(sessionId);
  const live = useHubStatus()?.live;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const session = board.data?.session;
  const rubric = board.data?.rubric;

  const reveal = async () => {
    setConfirming(false);
    setError(undefined);
    try {
      await bridge['facilitator.reveal']({ sessionId });
      await board.reload();
      // Keyboard and screen-reader users land on the results, not back at the top of the page.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.criterion-board h2')?.focus());
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  const saveCsv = async () => {
    setError(undefined);
    try {
      const { fileName, csv } = await bridge['facilitator.reportCsv']({ sessionId });
      downloadFile(fileName, csv, 'text/csv');
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  /** The calibration report with its charts, drawn here from the hub's figures (as the candidate report is). */
  const savePdf = async () => {
    setError(undefined);
    try {
      const report = await bridge['facilitator.report']({ sessionId });
      // pdf-lib is sizeable: load it only when a report is asked for.
      const { normingReportPdf } = await import('../../../shared/norming/report-pdf');
      downloadFile(`norming-${sessionId}.pdf`, await normingReportPdf(report), 'application/pdf');
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  const grid = session ? boardGrid(session) : undefined;
  return (
    <div className="screen norming-board">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'hub' })}>
          ← Hub
        </a>
        <h1>
          <span className="brand">Anchor</span> Norming{session ? `: ${session.title}` : ''}
        </h1>
        {session ? <span className="status-pill">{STATUS_WORDS[session.status]}</span> : null}
        {/* A board that is not hearing the hub must say so: submissions would not appear. */}
        {live === false ? <span className="status-pill not-live">Not live: reconnecting to the hub</span> : null}
      </header>
      <main className="hub-body">
        <ErrorLine error={board.error ?? error} />
        {/* Polite, so a room submitting at once does not interrupt the facilitator's reading. */}
        <p role="status" aria-live="polite" className="muted small board-live">
          {board.announcement}
        </p>
        {!session || !grid ? (
          board.error ? null : (
            <p>Loading…</p>
          )
        ) : (
          <>
            <nav aria-label="On this board" className="board-nav">
              <a href="#board-submissions">Submissions</a>
              {board.report?.criteria.map((c) => (
                <a key={c.criterionId} href={`#criterion-${c.criterionId}`}>
                  {c.title}
                </a>
              ))}
              {board.report ? <a href="#qualification-title">Qualification</a> : null}
            </nav>
            <section className="hub-card" aria-labelledby="board-submissions">
              <div className="hub-card-head">
                <h2 id="board-submissions">Submissions</h2>
                {session.status === 'open' ? (
                  <button type="button" className="primary" onClick={() => setConfirming(true)}>
                    Reveal…
                  </button>
                ) : null}
                <button type="button" onClick={() => void saveCsv()} disabled={session.status === 'open'}>
                  Download report (CSV)
                </button>
                <button type="button" onClick={() => void savePdf()} disabled={session.status === 'open'}>
                  Download report (PDF)
                </button>
              </div>
              <SubmissionGrid grid={grid} />
            </section>
            {board.report && session.status !== 'open'
              ? board.report.criteria.map((result) => (
                  <CriterionPanel
                    key={result.criterionId}
                    session={session}
                    result={result}
                    criterion={rubric?.criteria.find((c) => c.id === result.criterionId)}
                    scores={board.scores}
                    onRecorded={() => void board.reload()}
                  />
                ))
              : null}
            {board.report && session.status !== 'open' ? (
              <QualificationPanel session={session} report={board.report} onChanged={() => void board.reload()} />
            ) : null}
            <ConfirmDialog
              open={confirming}
              title="Reveal the scores?"
              confirm="Reveal now"
              onConfirm={() => void reveal()}
              onClose={() => setConfirming(false)}
            >
              <p>
                {grid.submitted} of {grid.cells} scores are in. After the reveal participants see the masters and the
                spread (without names); a score that arrives later is marked late and left out of the statistics.
              </p>
            </ConfirmDialog>
          </>
        )}
      </main>
    </div>
  );
}
