import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ScorerQualityRow } from '../../../shared/contract/scorer-quality';
import { bridge } from '../../bridge';
import { useBusyAction } from '../../app/useBusyAction';

/**
 * Pause (optionally until recalibration) or resume one assessor in the window, with a reason the
 * assessor reads in their app. The hub decides and audits; its refusal is shown as it says it.
 */
export function PauseDialog({
  windowId,
  scorer,
  mode,
  requiredQualification,
  onClose,
  onDone,
}: {
  windowId: string;
  scorer: ScorerQualityRow;
  mode: 'pause' | 'recalibrate' | 'resume';
  requiredQualification: string | null;
  onClose(): void;
  onDone(message: string): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useBusyAction();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const title =
    mode === 'resume'
      ? `Resume ${scorer.username}`
      : mode === 'recalibrate'
        ? `Require recalibration of ${scorer.username}`
        : `Pause ${scorer.username}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      if (mode === 'resume') {
        await bridge['quality.resume']({ windowId, assessorId: scorer.assessorId, reason });
        onDone(`${scorer.username} is active again and can be given new packets.`);
      } else {
        await bridge['quality.pause']({
          windowId,
          assessorId: scorer.assessorId,
          reason,
          recalibrate: mode === 'recalibrate',
        });
        onDone(
          mode === 'recalibrate'
            ? `${scorer.username} is paused until they pass a qualification in ${requiredQualification}.`
            : `${scorer.username} is paused: no new packets until you resume them.`,
        );
      }
    });
  };

  return (
    <dialog ref={dialog} aria-labelledby="pause-title" onClose={onClose} onCancel={onClose} className="pause-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="pause-title">{title}</h2>
        <p className="muted small">
          {mode === 'resume'
            ? 'They will be offered new packets again.'
            : mode === 'recalibrate'
              ? `No new packets, second scorings or validity packets in this window until they pass a qualification session in ${requiredQualification} after today. Their queue stays theirs.`
              : 'No new packets, second scorings or validity packets in this window until a chair resumes them. Their queue stays theirs; you can reassign unstarted packets from the dashboard.'}
        </p>
        <label>
          Reason (shown to the assessor and kept in the audit log)
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} required />
        </label>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || reason.trim() === ''}>
            {mode === 'resume' ? 'Resume' : 'Pause'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
