import { useState, type FormEvent } from 'react';
import type { ConsensusView, MasterScore } from '../../../shared/contract/norming';
import { bridge } from '../../bridge';
import { dateTimeFormat } from '../../app/format';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';

export interface AnchorMaster {
  packetId: string;
  label: string;
  current: string | undefined;
  /** Every revision of this anchor's master on the criterion, oldest first. */
  history: MasterScore[];
}

/**
 * The discussion of one criterion, recorded: notes, the consensus rationale, and master levels
 * the group changed, each with its reason (the hub keeps every revision, shown beside it).
 */
export function ConsensusForm({
  sessionId,
  criterionId,
  criterionTitle,
  levels,
  anchors,
  recorded,
  disabled,
  onRecorded,
}: {
  sessionId: string;
  criterionId: string;
  criterionTitle: string;
  levels: { id: string; label: string }[];
  anchors: AnchorMaster[];
  recorded: ConsensusView | null;
  /** A closed session is settled: shown, not edited. */
  disabled: boolean;
  onRecorded(): void;
}) {
  const [notes, setNotes] = useState(recorded?.notes ?? '');
  const [rationale, setRationale] = useState(recorded?.rationale ?? '');
  const [changes, setChanges] = useState<Record<string, { levelId: string; reason: string }>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const labelOf = (id: string) => levels.find((l) => l.id === id)?.label ?? id;
  const id = (part: string) => `consensus-${criterionId}-${part}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const masterChanges = Object.entries(changes)
      .filter(([packetId, c]) => c.levelId !== anchors.find((a) => a.packetId === packetId)?.current)
      .map(([packetId, c]) => ({ packetId, levelId: c.levelId, reason: c.reason }));
    const missingReason = masterChanges.find((c) => !c.reason.trim());
    if (missingReason) {
      setError(
        `Give a reason for changing the master of ${anchors.find((a) => a.packetId === missingReason.packetId)?.label}.`,
      );
      document.getElementById(id(`reason-${missingReason.packetId}`))?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await bridge['facilitator.consensus']({ sessionId, criterionId, notes, rationale, masterChanges });
      setChanges({});
      setSaved(
        `Consensus recorded (revision ${result.revision}, ${dateTimeFormat.format(new Date(result.decidedAt))}).`,
      );
      onRecorded();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="consensus-form" aria-label={`Discussion of ${criterionTitle}`} onSubmit={(e) => void submit(e)}>
      <label htmlFor={id('notes')}>Discussion notes</label>
      <textarea
        id={id('notes')}
        rows={3}
        value={notes}
        disabled={disabled}
        onChange={(e) => setNotes(e.target.value)}
      />
      <label htmlFor={id('rationale')}>
        Consensus rationale <span className="required">(required)</span>
      </label>
      <textarea
        id={id('rationale')}
        rows={3}
        required
        value={rationale}
        disabled={disabled}
        onChange={(e) => setRationale(e.target.value)}
      />
      <fieldset className="master-changes" disabled={disabled}>
        <legend>Master levels</legend>
        {anchors.map((anchor) => {
          const change = changes[anchor.packetId];
          const chosen = change?.levelId ?? anchor.current ?? '';
          const changed = chosen !== anchor.current;
          return (
            <div key={anchor.packetId} className="master-change">
              <label htmlFor={id(`level-${anchor.packetId}`)}>Master level for {anchor.label}</label>
              <select
                id={id(`level-${anchor.packetId}`)}
                value={chosen}
                onChange={(e) =>
                  setChanges({
                    ...changes,
                    [anchor.packetId]: { levelId: e.target.value, reason: change?.reason ?? '' },
                  })
                }
              >
                {levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
              {changed ? (
                <>
                  <label htmlFor={id(`reason-${anchor.packetId}`)}>
                    Reason for changing the master of {anchor.label}
                  </label>
                  <input
                    id={id(`reason-${anchor.packetId}`)}
                    value={change?.reason ?? ''}
                    onChange={(e) =>
                      setChanges({ ...changes, [anchor.packetId]: { levelId: chosen, reason: e.target.value } })
                    }
                  />
                </>
              ) : null}
              {anchor.history.length > 1 ? (
                <ol className="master-history small" aria-label={`Master history of ${anchor.label}`}>
                  {anchor.history.map((m) => (
                    <li key={m.revision}>
                      Revision {m.revision}: {labelOf(m.levelId)} ({dateTimeFormat.format(new Date(m.setAt))})
                      {m.reason ? ` — ${m.reason}` : ' — set with the session'}
                    </li>
                  ))}
                </ol>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      {!disabled ? (
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            Record consensus
          </button>
        </div>
      ) : null}
      {recorded && !saved ? (
        <p className="muted small">
          Recorded (revision {recorded.revision}, {dateTimeFormat.format(new Date(recorded.decidedAt))}).
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="ok-text">
          {saved}
        </p>
      ) : null}
      <ErrorLine error={error} />
    </form>
  );
}
