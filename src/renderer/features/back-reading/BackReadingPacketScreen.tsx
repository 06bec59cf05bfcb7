import { useHubData } from '../../app/useHubData';
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract/bridge';
import { useBusyAction } from '../../app/useBusyAction';
import { dateTimeFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { ErrorLine } from '../hub/ErrorLine';
import { ScoringComparison } from '../scoring/ScoringComparison';
import { OpenEvidenceButton, useOpenEvidence } from './OpenEvidence';
import { ScoringComments, ScoringReadout, scoringHeading } from './ScoringReadout';
import './back-reading.css';

type Loaded = ChannelOutput<'backReading.packet'>;

/**
 * Back-reading one scored packet (#/windows/<id>/back-reading/<packetId>): every submitted
 * scoring (two side by side in the shared comparison), their evidence comments, the back-readers'
 * private notes, and the two actions: leave a note, or send the packet to adjudication.
 */
export function BackReadingPacketScreen({ windowId, packetId }: { windowId: string; packetId: string }) {
  const { data, error, reload: load } = useHubData(() => bridge['backReading.packet']({ windowId, packetId }));
  const evidence = useOpenEvidence(packetId);

  const packet = data?.packet;
  const [first, second, ...rest] = packet?.scorings ?? [];
  return (
    <div className="screen back-reading">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'back-reading', windowId })}>
          ← Scored packets
        </a>
        <h1>
          <span className="brand">Anchor</span> Back-reading{packet ? `: ${packet.pseudonym}` : ''}
        </h1>
      </header>
      <main className="hub-body">
        <ErrorLine error={error} />
        {!data || !packet ? (
          error ? null : (
            <p>Loading…</p>
          )
        ) : (
          <>
            <section className="hub-card" aria-labelledby="scorings-title">
              <h2 id="scorings-title">
                Scorings <span className="muted small">({packet.credentialTitle})</span>
              </h2>
              <p className="muted small">The assessors&apos; private notes are theirs alone and are not shown here.</p>
              <div className="back-read-evidence">
                <OpenEvidenceButton opener={evidence} />
                <span className="muted small">Or open it where a comment below points.</span>
              </div>
              <ErrorLine error={evidence.error} />
              {first && second ? (
                <ScoringComparison
                  label="The two scorings"
                  rubric={data.rubric ?? undefined}
                  privateNotes={false}
                  left={{ heading: scoringHeading(first), record: first.record }}
                  right={{ heading: scoringHeading(second), record: second.record }}
                />
              ) : first ? (
                <>
                  <h3>{scoringHeading(first)}</h3>
                  <ScoringReadout scoring={first} rubric={data.rubric} />
                </>
              ) : null}
              {rest.map((scoring) => (
                <div key={scoring.scoreId}>
                  <h3>{scoringHeading(scoring)}</h3>
                  <ScoringReadout scoring={scoring} rubric={data.rubric} />
                </div>
              ))}
              {packet.scorings.map((scoring) => (
                <ScoringComments
                  key={scoring.scoreId}
                  scoring={scoring}
                  anchorLabels={data.anchorLabels}
                  rubric={data.rubric}
                  onOpen={(itemId) => void evidence.open(itemId)}
                  opening={evidence.busy}
                />
              ))}
            </section>
            <div className="back-read-actions">
              <NotesSection data={data} onChanged={load} />
              <AdjudicationSection data={data} onChanged={load} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}

function NotesSection({ data, onChanged }: { data: Loaded; onChanged(): Promise<void> }) {
  const { windowId, packetId, notes } = data.packet;
  const [text, setText] = useState('');
  const { busy, error, run } = useBusyAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await bridge['backReading.note']({ windowId, packetId, text });
      setText('');
      await onChanged();
    });
  };
  return (
    <section className="hub-card" aria-labelledby="notes-title">
      <h2 id="notes-title">Private notes</h2>
      <p className="muted small">Seen by scoring leads, chairs and admins only: never by assessors or candidates.</p>
      {notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="back-read-notes" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id}>
              <span className="muted small">
                {note.authorUsername}, {dateTimeFormat.format(new Date(note.at))}
              </span>
              <p>{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="back-read-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="back-read-note">Note</label>
        <textarea id="back-read-note" value={text} onChange={(event) => setText(event.target.value)} maxLength={4000} />
        <div>
          <button type="submit" disabled={busy || text.trim() === ''}>
            Add note
          </button>
        </div>
        <ErrorLine error={error} />
      </form>
    </section>
  );
}

function AdjudicationSection({ data, onChanged }: { data: Loaded; onChanged(): Promise<void> }) {
  const { windowId, packetId, adjudication } = data.packet;
  const [reason, setReason] = useState('');
  const { busy, error, run } = useBusyAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(
      async () => {
        await bridge['backReading.adjudicate']({ windowId, packetId, reason });
        setReason('');
        await onChanged();
      },
      // Someone else may have sent it meanwhile: show the packet as it is now.
      onChanged,
    );
  };
  return (
    <section className="hub-card" aria-labelledby="adjudication-title">
      <h2 id="adjudication-title">Adjudication</h2>
      {adjudication ? (
        <div role="status">
          <p>
            In adjudication ({adjudication.status}) since {dateTimeFormat.format(new Date(adjudication.openedAt))}.
          </p>
          <ul>
            {adjudication.discrepancies.map((d, index) => (
              <li key={index}>
                {d.kind === 'back-read'
                  ? `Sent by a back-reader: ${d.reason}`
                  : d.kind === 'decision'
                    ? `Decisions differ (${d.first} / ${d.second})`
                    : d.kind === 'criterion'
                      ? `${d.criterionId}: ${d.gap} levels apart`
                      : `Totals ${d.gap} apart`}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form className="back-read-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor="back-read-reason">Reason for adjudication</label>
          <textarea
            id="back-read-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={2000}
          />
          <div>
            <button type="submit" className="primary" disabled={busy || reason.trim() === ''}>
              Send to adjudication
            </button>
          </div>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
