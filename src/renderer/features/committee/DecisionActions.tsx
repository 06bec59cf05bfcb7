import { useState } from 'react';
import type { ReleaseOutcome } from '../../../shared/contract/committee-bridge';
import type { BatchDecideResponse } from '../../../shared/contract/decisions';
import type { WindowDashboard } from '../../../shared/contract/window-dashboard';
import { dateTimeFormat } from '../../app/format';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from '../norming-board/ConfirmDialog';

const SKIP_WORDS: Record<string, string> = {
  'not-found': 'not in this window for you',
  'scoring-incomplete': 'scoring unfinished',
  'adjudication-open': 'adjudication open',
  discrepancy: 'scorings discrepant',
  'decisions-differ': 'recommended decisions differ',
  'levels-differ': 'levels differ',
  'already-decided': 'already decided',
  released: 'already released',
  'no-decision-type': 'no decision type for the outcome',
  'validity-packet': 'a validity packet, never decided',
};

/**
 * The window's committee actions on the dashboard: decide the selected double-scored packets in one
 * batch (the hub decides only those whose scorings agree and says why it skipped the others), and
 * release the window's decisions — the selected ones, or every decided one — after a confirmation
 * that names how many and that it cannot be undone.
 */
export function DecisionActions({
  dashboard,
  selected,
  onSelect,
  onChanged,
}: {
  dashboard: WindowDashboard;
  selected: ReadonlySet<string>;
  onSelect(next: ReadonlySet<string>): void;
  onChanged(): Promise<void>;
}) {
  const windowId = dashboard.window.id;
  const pseudonym = (id: string) => dashboard.packets.find((p) => p.packetId === id)?.pseudonym ?? id.slice(0, 8);
  const ofState = (state: string) => dashboard.packets.filter((p) => p.state === state).map((p) => p.packetId);
  const selectedIn = (state: string) => ofState(state).filter((id) => selected.has(id));
  const toDecide = selectedIn('double-scored');
  const toRelease = selectedIn('decided');
  const releaseCount = toRelease.length > 0 ? toRelease.length : dashboard.counts.decided;

  const [batch, setBatch] = useState<BatchDecideResponse>();
  const [release, setRelease] = useState<ReleaseOutcome>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onSelect(new Set());
      await onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const decideBatch = () =>
    run(async () => {
      setRelease(undefined);
      setBatch(await bridge['committee.batchDecide']({ windowId, packetIds: toDecide }));
    });
  const releaseNow = () => {
    setConfirming(false);
    return run(async () => {
      setBatch(undefined);
      setRelease(
        await bridge['committee.release']({ windowId, packetIds: toRelease.length > 0 ? toRelease : undefined }),
      );
    });
  };

  return (
    <section className="hub-card" aria-labelledby="decisions-title">
      <h2 id="decisions-title">Decisions and release</h2>
      <div className="packet-controls">
        <button type="button" onClick={() => onSelect(new Set([...selected, ...ofState('double-scored')]))}>
          Select double-scored
        </button>
        <button type="button" onClick={() => onSelect(new Set([...selected, ...ofState('decided')]))}>
          Select decided
        </button>
        <button type="button" disabled={selected.size === 0} onClick={() => onSelect(new Set())}>
          Clear selection
        </button>
        <span className="muted small" aria-live="polite">
          {selected.size} selected
        </span>
      </div>
      <div className="packet-controls">
        <button type="button" disabled={busy || toDecide.length === 0} onClick={() => void decideBatch()}>
          Decide {toDecide.length} selected in a batch
        </button>
        <button type="button" disabled={busy || releaseCount === 0} onClick={() => setConfirming(true)}>
          {toRelease.length > 0 ? `Release ${toRelease.length} selected decisions…` : 'Release decisions…'}
        </button>
      </div>
      <ErrorLine error={error} />
      {batch ? (
        <div role="status" aria-label="Batch result">
          <p>
            {batch.decided} decided, {batch.skipped} skipped.
          </p>
          <ul>
            {batch.results.map((r) => (
              <li key={r.packetId}>
                {pseudonym(r.packetId)}:{' '}
                {r.outcome === 'decided' ? 'decided' : `skipped — ${SKIP_WORDS[r.reason] ?? r.reason}. ${r.detail}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {release ? (
        <div role="status" aria-label="Release result">
          {release.kind === 'released' ? (
            <p>
              Released {release.release.packetIds.length} decisions,{' '}
              {dateTimeFormat.format(new Date(release.release.releasedAt))}.
            </p>
          ) : (
            <>
              <p>Nothing was released: {release.message}</p>
              <ul>
                {release.refused.map((r) => (
                  <li key={r.packetId}>
                    {pseudonym(r.packetId)}: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Release ${releaseCount} decision${releaseCount === 1 ? '' : 's'}?`}
        confirm="Release now"
        onConfirm={() => void releaseNow()}
        onClose={() => setConfirming(false)}
      >
        <p>
          {toRelease.length > 0
            ? `The ${releaseCount} selected decisions`
            : `Every decided packet of this window (${releaseCount})`}{' '}
          become candidate-facing: the issuing platform can read them. This cannot be undone, and a released decision
          never changes.
        </p>
      </ConfirmDialog>
    </section>
  );
}
