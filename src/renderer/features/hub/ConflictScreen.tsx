import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { wakeOutbox } from '../../app/outbox';
import { navigate, routeHref } from '../../app/route';
import { db, type OutboxEntry } from '../../data/db';
import { keepMine, takeHubVersion } from '../../data/outbox';
import { usePacket } from '../packet/usePacket';
import { ScoringComparison } from '../scoring/ScoringComparison';
import { dateTimeFormat } from '../../app/format';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from './ErrorLine';

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
          <ScoringComparison
            label="Both versions of the review"
            rubric={rubric}
            // Both are this assessor's own versions, so their private notes may be compared too.
            privateNotes
            left={{
              heading: `This computer (revision ${entry.revision}, submitted ${dateTimeFormat.format(new Date(entry.record.submittedAt ?? entry.queuedAt))})`,
              record: entry.record,
            }}
            right={{
              heading: `Hub (revision ${server.receipt.revision}, received ${dateTimeFormat.format(new Date(server.receipt.receivedAt))})`,
              record: server.record,
            }}
          />
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
