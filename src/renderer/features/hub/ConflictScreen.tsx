import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Rubric } from '../../../shared/domain/rubric';
import type { ScoreRecord } from '../../../shared/domain/score';
import { wakeOutbox } from '../../app/outbox';
import { navigate, routeHref } from '../../app/route';
import { db, type OutboxEntry } from '../../data/db';
import { keepMine, takeHubVersion } from '../../data/outbox';
import { usePacket } from '../packet/usePacket';
import { DECISION_LABEL } from '../review/DecisionSection';
import { dateTimeFormat } from '../../app/format';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from './ErrorLine';

/** One line of the comparison: the same field in both versions, marked when they differ. */
interface Row {
  label: string;
  mine: string;
  hub: string;
}

function rowsFor(rubric: Rubric | undefined, mine: ScoreRecord, hub: ScoreRecord): Row[] {
  const level = (record: ScoreRecord, criterionId: string) => {
    const levelId = record.criteria.find((c) => c.criterionId === criterionId)?.levelId;
    const criterion = rubric?.criteria.find((c) => c.id === criterionId);
    return criterion?.levels.find((l) => l.id === levelId)?.label ?? levelId ?? '—';
  };
  const feedback = (record: ScoreRecord, criterionId: string) =>
    record.candidateFeedback.byCriterion.find((f) => f.criterionId === criterionId)?.text ?? '';
  const decision = (record: ScoreRecord) =>
    record.decision.kind === 'unscorable'
      ? `${DECISION_LABEL.unscorable} (${record.decision.conditionCode}): ${record.decision.explanation}`
      : DECISION_LABEL[record.decision.kind];
  const criteria =
    rubric?.criteria.map((c) => ({ id: c.id, title: c.title })) ??
    [...new Set([...mine.criteria, ...hub.criteria].map((c) => c.criterionId))].map((id) => ({ id, title: id }));
  return [
    { label: 'Decision', mine: decision(mine), hub: decision(hub) },
    ...criteria.map((c) => ({ label: c.title, mine: level(mine, c.id), hub: level(hub, c.id) })),
    { label: 'Overall feedback', mine: mine.candidateFeedback.overall, hub: hub.candidateFeedback.overall },
    ...criteria.map((c) => ({
      label: `Feedback: ${c.title}`,
      mine: feedback(mine, c.id),
      hub: feedback(hub, c.id),
    })),
    {
      label: 'Decision justification',
      mine: mine.decisionJustification ?? '',
      hub: hub.decisionJustification ?? '',
    },
    { label: 'Evidence comments', mine: String(mine.comments.length), hub: String(hub.comments.length) },
    { label: 'Private notes', mine: mine.privateNotes, hub: hub.privateNotes },
  ].filter((row) => row.mine || row.hub);
}

/**
 * The hub holds a different version of a review than the one this computer tried to upload:
 * both are shown side by side and the assessor decides. Nothing is overwritten until then.
 */
export function ConflictScreen({ scoreId }: { scoreId: string }) {
  // null: looked, not there; undefined: still looking.
  const entry = useLiveQuery(async () => (await db.outbox.get(scoreId)) ?? null, [scoreId]);
  if (entry && entry.status === 'conflict') return <Comparison entry={entry} />;
  return (
    <div className="screen">
      <header className="topbar">
        <BackToHub />
        <h1>Conflict</h1>
      </header>
      <main className="hub-body">
        <p>{entry === undefined ? 'Loading…' : 'This upload has no conflict to resolve (any more).'}</p>
      </main>
    </div>
  );
}

function BackToHub() {
  return (
    <a className="back" href={routeHref({ screen: 'hub' })}>
      ← Hub
    </a>
  );
}

function Comparison({ entry }: { entry: OutboxEntry }) {
  const { scoreId } = entry;
  const load = usePacket(entry.packetId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const rubric = load.phase === 'ready' ? load.packet.manifest.rubric : undefined;

  const resolve = async (choice: 'mine' | 'hub') => {
    setBusy(true);
    setError(undefined);
    try {
      if (choice === 'mine') await keepMine(scoreId);
      else await takeHubVersion(scoreId);
      wakeOutbox();
      navigate({ screen: 'packet', packetId: entry.packetId });
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  const server = entry.server;
  const rows = server ? rowsFor(rubric, entry.record, server.record) : [];
  const pseudonym = load.phase === 'ready' ? load.packet.summary.pseudonym : '';

  return (
    <div className="screen">
      <header className="topbar">
        <BackToHub />
        <h1>
          <span className="brand">Anchor</span> Conflict{pseudonym ? `: ${pseudonym}` : ''}
        </h1>
      </header>
      <main className="hub-body">
        <p role="alert" className="notice warning">
          The hub already holds a different version of this review. {entry.reason} Nothing has been overwritten: compare
          the two and choose which one stands.
        </p>
        {server ? (
          <table className="library-table compare" aria-label="Both versions of the review">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">
                  This computer (revision {entry.revision}, submitted{' '}
                  {dateTimeFormat.format(new Date(entry.record.submittedAt ?? entry.queuedAt))})
                </th>
                <th scope="col">
                  Hub (revision {server.receipt.revision}, received{' '}
                  {dateTimeFormat.format(new Date(server.receipt.receivedAt))})
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className={row.mine !== row.hub ? 'differs' : undefined}>
                  <th scope="row">
                    {row.label}
                    {row.mine !== row.hub && <span className="visually-hidden"> (differs)</span>}
                  </th>
                  <td>{row.mine || '—'}</td>
                  <td>{row.hub || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>The hub did not send its version. Retry the upload from the hub screen to see it.</p>
        )}
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void resolve('mine')}>
            Keep mine (upload as revision {(server?.receipt.revision ?? 0) + 1})
          </button>
          <button type="button" disabled={busy || !server} onClick={() => void resolve('hub')}>
            Use the hub&apos;s version
          </button>
        </div>
        <p className="muted small">
          Either way, the version you do not choose is set aside on this computer, not deleted.
        </p>
        <ErrorLine error={error} />
      </main>
    </div>
  );
}
