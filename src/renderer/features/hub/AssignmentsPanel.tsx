import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { PullState } from '../../../shared/contract/hub-bridge';
import { navigate } from '../../app/route';
import { db } from '../../data/db';
import { refreshAssignments } from '../../data/hub-account';
import { QualificationNotices } from './QualificationNotices';
import { dateFormat, formatBytes } from '../../app/format';
import { usePulls } from './usePulls';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from './ErrorLine';
import { overallProgress } from './overall-progress';
import { recheckWhileFailing } from './recheck';
import { useHubStatus } from './useHubStatus';

/** The packets the hub assigned: download them (per packet or all) with progress, then open them offline. */
export function AssignmentsPanel({ signedIn }: { signedIn: boolean }) {
  const assignments = useLiveQuery(() => db.assignments.toArray(), []);
  const downloaded = useLiveQuery(async () => new Set(await db.packets.toCollection().primaryKeys()), []);
  const { pulls, pull, error: pullError } = usePulls();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();
  const [checked, setChecked] = useState<string>();

  // Opening the screen asks the hub for the current list (new assignments, unassignments).
  useEffect(() => {
    if (!signedIn) return;
    refreshAssignments().then(
      ({ purged, resumed }) =>
        purged.length + resumed.length > 0 && setChecked((purgedNote(purged) + resumedNote(resumed)).trim()),
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [signedIn]);

  // A hub error stays only while the hub does not answer: it is asked again every few seconds,
  // and at once when the main process reports a change (such as its event stream reconnecting).
  const status = useHubStatus();
  useEffect(() => {
    if (!error || !signedIn) return;
    return recheckWhileFailing(refreshAssignments, () => setError(undefined));
  }, [error, signedIn, status?.live, status?.assignmentsVersion]);

  const byPacket = new Map(pulls.map((p) => [p.packetId, p]));
  const rows = (assignments ?? []).sort((a, b) => a.window.closesAt.localeCompare(b.window.closesAt));
  // A finished pull counts at once, before the library mirror catches up.
  const isHere = (packetId: string) => (downloaded?.has(packetId) ?? false) || byPacket.get(packetId)?.state === 'done';
  const missing = rows.filter((a) => !isHere(a.packetId) && !isActive(byPacket.get(a.packetId)));
  const overall = overallProgress(pulls, assignments ?? []);

  const check = async () => {
    setChecking(true);
    setError(undefined);
    try {
      const { count, purged, resumed } = await refreshAssignments();
      setChecked(
        `The hub lists ${count} assignment${count === 1 ? '' : 's'} for you.${purgedNote(purged)}${resumedNote(resumed)}`,
      );
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="hub-card" aria-labelledby="assignments-title">
      <div className="hub-card-head">
        <h2 id="assignments-title">Assigned packets</h2>
        <button type="button" onClick={() => void check()} disabled={!signedIn || checking}>
          {checking ? 'Checking…' : 'Check for new assignments'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!signedIn || missing.length === 0}
          onClick={() => void pull(missing.map((a) => a.packetId))}
        >
          Download all ({missing.length})
        </button>
      </div>
      <ErrorLine error={error ?? pullError} />
      {signedIn && <QualificationNotices />}
      {checked && !error && (
        <p role="status" className="muted small">
          {checked}
        </p>
      )}
      {overall && (
        <div className="overall-progress">
          <label htmlFor="overall-download">{overall.label}</label>
          {/* No value while sizes are unknown: an indeterminate bar, never "0 B of 0 B". */}
          <progress
            id="overall-download"
            max={overall.total || 1}
            value={overall.total === undefined ? undefined : overall.received}
          />
        </div>
      )}
      {rows.length === 0 ? (
        <p className="muted">
          {signedIn ? 'No assignments yet. Check again later.' : 'Sign in to see the packets assigned to you.'}
        </p>
      ) : (
        <table className="library-table assignments" aria-label="Assigned packets">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Credential</th>
              <th scope="col">Window</th>
              <th scope="col">Closes</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">On this computer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((assignment) => {
              const state = byPacket.get(assignment.packetId);
              const here = isHere(assignment.packetId);
              return (
                <tr key={assignment.assignmentId}>
                  <td>{assignment.pseudonym}</td>
                  <td>
                    {assignment.credential.title}
                    {assignment.attempt > 1 && <span className="muted"> · attempt {assignment.attempt}</span>}
                  </td>
                  <td>{assignment.window.name}</td>
                  <td>{dateFormat.format(new Date(assignment.window.closesAt))}</td>
                  <td className="num">{formatBytes(assignment.totalBytes)}</td>
                  <td>
                    <DownloadCell
                      label={assignment.pseudonym}
                      here={here}
                      state={state}
                      signedIn={signedIn}
                      onPull={() => void pull([assignment.packetId])}
                      onOpen={() => navigate({ screen: 'packet', packetId: assignment.packetId })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function isActive(state: PullState | undefined): boolean {
  return state?.state === 'queued' || state?.state === 'pulling';
}

function DownloadCell({
  label,
  here,
  state,
  signedIn,
  onPull,
  onOpen,
}: {
  label: string;
  here: boolean;
  state: PullState | undefined;
  signedIn: boolean;
  onPull(): void;
  onOpen(): void;
}) {
  if (here && !isActive(state)) {
    return (
      <span className="download-cell">
        <span className="status status-submitted">Downloaded</span>
        <button type="button" className="link" onClick={onOpen}>
          Open
        </button>
      </span>
    );
  }
  if (isActive(state)) {
    return (
      <span className="download-cell">
        <progress
          aria-label={`Download progress for ${label}`}
          max={state!.totalBytes || 1}
          value={state!.receivedBytes}
        />
        <span className="muted small" role={state!.error ? 'status' : undefined}>
          {/* A queued pull with a reason is one the network cut off, waiting to resume on its own. */}
          {state!.state === 'queued' ? (state!.error ?? 'Queued') : formatBytes(state!.receivedBytes)}
        </span>
      </span>
    );
  }
  return (
    <span className="download-cell">
      {state?.state === 'failed' && (
        <span className="error-text small" role="alert">
          Download failed: {state.error}
        </span>
      )}
      <button
        type="button"
        onClick={onPull}
        disabled={!signedIn}
        aria-label={state?.state === 'failed' ? `Download ${label} again` : `Download ${label}`}
      >
        {state?.state === 'failed' ? 'Download again' : 'Download'}
      </button>
    </span>
  );
}

function resumedNote(resumed: string[]): string {
  if (resumed.length === 0) return '';
  const n = resumed.length;
  return ` Resuming ${n} download${n === 1 ? '' : 's'} that stopped when Anchor closed.`;
}

function purgedNote(purged: { pseudonym: string; reason: 'window-closed' | 'unassigned' }[]): string {
  const named = (reason: string) =>
    purged
      .filter((p) => p.reason === reason)
      .map((p) => p.pseudonym)
      .join(', ');
  const closed = named('window-closed');
  const unassigned = named('unassigned');
  return (
    (closed ? ` Removed from this computer because their review window closed: ${closed}.` : '') +
    (unassigned ? ` Removed from this computer because the hub no longer assigns them to you: ${unassigned}.` : '')
  );
}
