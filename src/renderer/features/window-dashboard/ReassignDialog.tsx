import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DashboardPacket, WindowDashboard } from '../../../shared/contract/window-dashboard';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { movableAssignments, reassignTargets } from './view-model';

/**
 * "Reassign…" for one packet: which unsubmitted assignment to move and to whom. The hub decides;
 * its refusal (already scored meanwhile, a declared conflict, …) is shown here as it says it.
 */
export function ReassignDialog({
  dashboard,
  packet,
  onClose,
  onDone,
  onRefused,
}: {
  dashboard: WindowDashboard;
  packet: DashboardPacket;
  onClose(): void;
  onDone(message: string): void;
  /** After a refusal: the hub's state changed (a score arrived), so the table should show it. */
  onRefused(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const movable = movableAssignments(packet);
  const targets = reassignTargets(dashboard, packet);
  const [assignmentId, setAssignmentId] = useState(movable[0]?.assignmentId ?? '');
  const [assessorId, setAssessorId] = useState(targets[0]?.id ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const moved = await bridge['committee.reassign']({ assignmentId, assessorId });
      const from = movable.find((a) => a.assignmentId === assignmentId)?.username ?? 'the assessor';
      onDone(`${packet.pseudonym} moved from ${from} to ${moved.assessorUsername}.`);
    } catch (failure) {
      setError(describeError(failure));
      onRefused();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="reassign-title"
      onClose={onClose}
      onCancel={onClose}
      className="reassign-dialog"
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="reassign-title">Reassign {packet.pseudonym}</h2>
        <label>
          Assessor to replace
          <select value={assignmentId} onChange={(event) => setAssignmentId(event.target.value)}>
            {movable.map((a) => (
              <option key={a.assignmentId} value={a.assignmentId}>
                {a.username} (not submitted)
              </option>
            ))}
          </select>
        </label>
        {targets.length === 0 ? (
          <p className="muted">No other eligible assessor: every enabled, qualified assessor is already on it.</p>
        ) : (
          <label>
            New assessor
            <select value={assessorId} onChange={(event) => setAssessorId(event.target.value)}>
              {targets.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.username}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="muted small">
          The hub refuses an assessor with a declared conflict of interest with this packet.
        </p>
        {error ? (
          <p role="alert" className="error-text">
            The hub refused: {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || !assessorId || !assignmentId}>
            Reassign
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
