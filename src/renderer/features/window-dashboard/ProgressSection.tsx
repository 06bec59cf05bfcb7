import type { WindowDashboard } from '../../../shared/contract/window-dashboard';
import { ErrorLine } from '../hub/ErrorLine';
import { ProgressChart } from './ProgressChart';
import { projectionSentence } from './progress-view-model';
import { TurnaroundChart } from './TurnaroundChart';
import { useProgress } from './useProgress';

/**
 * "Will the window release on time?": the sentence with the projected last decision, the
 * cumulative progress chart and the turnaround chart, read after the dashboard's table.
 */
export function ProgressSection({ windowId, dashboard }: { windowId: string; dashboard: WindowDashboard }) {
  const { data, error } = useProgress(windowId, dashboard);
  return (
    <section className="hub-card progress-section" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <ErrorLine error={error} />
      {data === undefined ? (
        error ? null : (
          <p className="muted">Loading progress…</p>
        )
      ) : (
        <>
          <p className="projection-sentence" aria-live="polite">
            {projectionSentence(data)}
          </p>
          <div className="progress-charts">
            <ProgressChart progress={data} />
            <TurnaroundChart progress={data} />
          </div>
        </>
      )}
    </section>
  );
}
