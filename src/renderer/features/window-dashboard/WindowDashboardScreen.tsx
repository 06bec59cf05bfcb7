import { useMemo, useRef, useState } from 'react';
import type { DashboardPacket } from '../../../shared/contract/window-dashboard';
import { DASHBOARD_STATES } from '../../../shared/contract/window-dashboard';
import { dateFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { DecisionActions } from '../committee/DecisionActions';
import { ErrorLine } from '../hub/ErrorLine';
import { BarChart } from './BarChart';
import { LoadChart } from './LoadChart';
import { PacketTable } from './PacketTable';
import { ProgressSection } from './ProgressSection';
import { ReassignDialog } from './ReassignDialog';
import { useDashboard } from './useDashboard';
import { daysLeftText, STATE_LABELS, stateBars, visiblePackets, type SortOrder, type StateFilter } from './view-model';
import './window-dashboard.css';

/**
 * The chair's dashboard of one review window (#/windows/<id>): packets per state, turnaround
 * against the window's dates, every packet with its risk, load per assessor, and "Reassign…".
 */
export function WindowDashboardScreen({ windowId }: { windowId: string }) {
  const { data, error, reload } = useDashboard(windowId);
  const [filter, setFilter] = useState<StateFilter>('all');
  const [order, setOrder] = useState<SortOrder>('days-left');
  const [reassigning, setReassigning] = useState<DashboardPacket>();
  const [notice, setNotice] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (packetId: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(packetId)) next.add(packetId);
      return next;
    });
  const table = useRef<HTMLDivElement>(null);
  const packets = useMemo(() => (data ? visiblePackets(data.packets, filter, order) : []), [data, filter, order]);

  const closeDialog = () => {
    setReassigning(undefined);
    // Back to the row the dialog was opened from, so the keyboard user keeps their place.
    requestAnimationFrame(() => table.current?.querySelector<HTMLElement>('.packet-table')?.focus());
  };

  return (
    <div className="screen window-dashboard">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'hub' })}>
          ← Hub
        </a>
        <h1>
          <span className="brand">Anchor</span> Window{data ? `: ${data.window.name}` : ''}
        </h1>
        <nav className="topbar-actions" aria-label="Window sections">
          <a href={routeHref({ screen: 'scorers', windowId })}>Scorer quality</a>
          <a href={routeHref({ screen: 'back-reading', windowId })}>Back-reading</a>
        </nav>
        <button type="button" onClick={() => void reload()}>
          Refresh
        </button>
      </header>
      <main className="hub-body">
        <ErrorLine error={error} />
        {data === undefined ? (
          error ? null : (
            <p>Loading…</p>
          )
        ) : (
          <>
            <section className="hub-card dashboard-summary" aria-labelledby="turnaround-title">
              <h2 id="turnaround-title">Turnaround</h2>
              <dl className="turnaround">
                <div>
                  <dt>Window closes</dt>
                  <dd>
                    {dateFormat.format(new Date(data.window.closesAt))} ({daysLeftText(data.daysToClose)})
                  </dd>
                </div>
                <div>
                  <dt>Decisions due</dt>
                  <dd>
                    {dateFormat.format(new Date(data.window.decisionsDueAt))} ({daysLeftText(data.daysToDecisions)})
                  </dd>
                </div>
                <div>
                  <dt>Packets at risk</dt>
                  <dd>
                    {data.atRisk > 0 ? <span aria-hidden="true">⚠ </span> : null}
                    {data.atRisk} of {data.packets.length}
                  </dd>
                </div>
              </dl>
              <div className="dashboard-charts">
                <BarChart id="states-title" title="Packets per state" unit="packets" bars={stateBars(data)} />
                <LoadChart load={data.load} />
              </div>
            </section>
            <ProgressSection windowId={windowId} dashboard={data} />
            <section className="hub-card" aria-labelledby="packets-title">
              <h2 id="packets-title">Packets</h2>
              <div className="packet-controls">
                <label>
                  Show{' '}
                  <select value={filter} onChange={(event) => setFilter(event.target.value as StateFilter)}>
                    <option value="all">All states ({data.packets.length})</option>
                    <option value="at-risk">At risk ({data.atRisk})</option>
                    {DASHBOARD_STATES.map((state) => (
                      <option key={state} value={state}>
                        {STATE_LABELS[state]} ({data.counts[state]})
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Sort by{' '}
                  <select value={order} onChange={(event) => setOrder(event.target.value as SortOrder)}>
                    <option value="days-left">Days left (fewest first)</option>
                    <option value="submitted">First submitted (oldest first)</option>
                  </select>
                </label>
                <span className="muted small" aria-live="polite">
                  {packets.length} shown. Arrow keys move between rows; Enter reassigns; Space selects.
                </span>
              </div>
              <p className="dashboard-notice" role="status">
                {notice}
              </p>
              <p className="muted small">
                <span aria-hidden="true">⚠ </span>At risk: not every assessor on it has submitted and the window closes
                in under 3 days, or an adjudication is open and decisions are due in under 7 days.
              </p>
              <div ref={table}>
                <PacketTable
                  windowId={windowId}
                  packets={packets}
                  onReassign={setReassigning}
                  selected={selected}
                  onToggle={toggle}
                />
              </div>
            </section>
            <DecisionActions dashboard={data} selected={selected} onSelect={setSelected} onChanged={reload} />
            {reassigning ? (
              <ReassignDialog
                dashboard={data}
                packet={reassigning}
                onClose={closeDialog}
                onRefused={() => void reload()}
                onDone={(message) => {
                  setNotice(message);
                  closeDialog();
                  void reload();
                }}
              />
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}
