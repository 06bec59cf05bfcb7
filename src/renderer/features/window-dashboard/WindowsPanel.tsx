import { useEffect, useState } from 'react';
import type { DashboardWindowSummary } from '../../../shared/contract/window-dashboard';
import { dateFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';

/**
 * On the hub screen for chairs and admins: the review windows, each opening its dashboard. For a
 * scoring lead (backReadingOnly) each opens its back-reading instead: leads have no dashboard.
 */
export function WindowsPanel({ backReadingOnly = false }: { backReadingOnly?: boolean }) {
  const [windows, setWindows] = useState<DashboardWindowSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    bridge['committee.windows']({}).then(
      (answer) => setWindows(answer.windows),
      (failure: unknown) => setError(describeError(failure)),
    );
  }, []);
  return (
    <section className="hub-card" aria-labelledby="review-windows-title">
      <h2 id="review-windows-title">Review windows</h2>
      {windows === undefined ? (
        error ? null : (
          <p>Loading…</p>
        )
      ) : windows.length === 0 ? (
        <p className="muted">No review windows yet.</p>
      ) : (
        <ul className="review-windows">
          {windows.map((w) => (
            <li key={w.id}>
              <a
                href={routeHref(
                  backReadingOnly ? { screen: 'back-reading', windowId: w.id } : { screen: 'window', windowId: w.id },
                )}
              >
                {w.name}
              </a>{' '}
              <span className="muted small">
                {w.status} · closes {dateFormat.format(new Date(w.closesAt))} · decisions due{' '}
                {dateFormat.format(new Date(w.decisionsDueAt))}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
