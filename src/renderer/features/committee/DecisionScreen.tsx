import { useHubData } from '../../app/useHubData';
import { useEffect, useState, type FormEvent } from 'react';
import type { DecisionWorkspace } from '../../../shared/contract/decisions';
import type { Rubric } from '../../../shared/domain/rubric';
import { dateTimeFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { useBusyAction } from '../../app/useBusyAction';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from '../norming-board/ConfirmDialog';
import { downloadFile } from '../review/download';
import { ScoringComparison } from '../scoring/ScoringComparison';
import { DecideForm } from './DecideForm';
import { criterionTitle, decisionWords, levelLabel } from './labels';
import './committee.css';

const BLOCKER_WORDS: Record<DecisionWorkspace['blockers'][number], string> = {
  'scoring-incomplete': 'Not every assigned assessor has submitted a scoring yet.',
  'adjudication-open': 'An adjudication is open: it must be resolved first.',
  released: 'The decision has been released and can no longer change.',
};

/**
 * The chair's decision on one packet (#/windows/<windowId>/packets/<packetId>/decision): the
 * scorings and any resolution, the packet's committee thread, the candidate feedback suggested from
 * the assessors' (each piece attributed), the window's decision types, then the recorded decision,
 * the identity reveal and, once released, the candidate report.
 */
export function DecisionScreen({ windowId, packetId }: { windowId: string; packetId: string }) {
  const { data, error, reload: load } = useHubData(() => bridge['committee.decisionView']({ windowId, packetId }));
  const [rubric, setRubric] = useState<Rubric | null>(null);
  useEffect(() => {
    void bridge['committee.rubric']({ packetId })
      .then(setRubric)
      .catch(() => setRubric(null));
  }, [packetId]);
  // The hub announces changes to the window's review work; the thread and scorings follow them.
  useEffect(
    () =>
      bridge.on('committee.windowChanged', (event) => {
        if (event.windowId === null || event.windowId === windowId) void load();
      }),
    [load, windowId],
  );

  const [first, second] = data?.scorings ?? [];
  return (
    <div className="screen committee">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'window', windowId })}>
          ← Window
        </a>
        <h1>
          <span className="brand">Anchor</span> Decision{data ? `: ${data.pseudonym}` : ''}
        </h1>
      </header>
      <main className="hub-body">
        <ErrorLine error={error} />
        {!data ? (
          error ? null : (
            <p>Loading…</p>
          )
        ) : (
          <>
            {data.blockers.length > 0 ? (
              <ul className="hub-card" aria-label="Why no decision can be recorded">
                {data.blockers.map((b) => (
                  <li key={b}>{BLOCKER_WORDS[b]}</li>
                ))}
              </ul>
            ) : null}
            <section className="hub-card" aria-labelledby="dec-scorings">
              <h2 id="dec-scorings">
                Scorings <span className="muted small">({data.credentialTitle})</span>
              </h2>
              <p className="muted small">
                Assessors:{' '}
                {data.assessors.map((a) => `${a.username}${a.submitted ? '' : ' (not submitted)'}`).join(', ')}
              </p>
              {first && second ? (
                <ScoringComparison
                  label="The scorings"
                  rubric={rubric ?? undefined}
                  privateNotes={false}
                  left={{ heading: first.assessorUsername, record: first.record }}
                  right={{ heading: second.assessorUsername, record: second.record }}
                />
              ) : first ? (
                <ul aria-label={`Scoring by ${first.assessorUsername}`}>
                  <li>Recommended: {decisionWords(first.record.decision)}</li>
                  {first.record.criteria.map((c) => (
                    <li key={c.criterionId}>
                      {criterionTitle(rubric, c.criterionId)}: {levelLabel(rubric, c.criterionId, c.levelId)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No scoring yet.</p>
              )}
              {data.adjudication ? (
                <p>
                  {data.adjudication.resolution
                    ? `Adjudication resolved by ${data.adjudication.resolution.resolvedByUsername} as ${decisionWords(data.adjudication.resolution.decision)}${data.adjudication.resolution.note ? ` (“${data.adjudication.resolution.note}”)` : ''}`
                    : 'Adjudication open'}
                  .{' '}
                  <a href={routeHref({ screen: 'adjudication', windowId, adjudicationId: data.adjudication.id })}>
                    {data.adjudication.status === 'open' ? 'Adjudicate' : 'Open the adjudication'}
                  </a>
                </p>
              ) : null}
            </section>
            <ThreadSection data={data} onChanged={load} />
            {data.decision ? <DecisionSummary data={data} rubric={rubric} /> : null}
            {data.blockers.length === 0 ? (
              <DecideForm key={data.decision?.id ?? 'new'} data={data} rubric={rubric} onDecided={load} />
            ) : null}
            {data.decision ? <IdentitySection data={data} onChanged={load} /> : null}
          </>
        )}
      </main>
    </div>
  );
}

function ThreadSection({ data, onChanged }: { data: DecisionWorkspace; onChanged(): Promise<void> }) {
  const [body, setBody] = useState('');
  const { busy, error, run } = useBusyAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await bridge['committee.postThread']({ windowId: data.windowId, packetId: data.packetId, body });
      setBody('');
      await onChanged();
    });
  };
  return (
    <section className="hub-card" aria-labelledby="dec-thread">
      <h2 id="dec-thread">Committee thread</h2>
      <p className="muted small">Seen by the committee on this packet; never by the candidate.</p>
      {data.thread.length === 0 ? (
        <p className="muted">No messages yet.</p>
      ) : (
        <ul className="thread" aria-label="Thread messages">
          {data.thread.map((m) => (
            <li key={m.id}>
              <span className="muted small">
                {m.authorUsername}, {dateTimeFormat.format(new Date(m.postedAt))}
              </span>
              <p>{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Message
          <textarea value={body} maxLength={10_000} onChange={(event) => setBody(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || body.trim() === ''}>
          Post to thread
        </button>
        <ErrorLine error={error} />
      </form>
    </section>
  );
}

function DecisionSummary({ data, rubric }: { data: DecisionWorkspace; rubric: Rubric | null }) {
  const decision = data.decision!;
  const [error, setError] = useState<string>();
  const download = async () => {
    setError(undefined);
    try {
      const file = await bridge['committee.candidateReport']({ windowId: data.windowId, packetId: data.packetId });
      downloadFile(
        file.fileName,
        Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)),
        file.mediaType,
      );
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return (
    <section className="hub-card" aria-labelledby="dec-recorded">
      <h2 id="dec-recorded">Recorded decision</h2>
      <p>
        <strong>{decision.decisionType.label}</strong> (revision {decision.revision}) by{' '}
        {decision.decidedByUsername ?? 'a batch'}, {dateTimeFormat.format(new Date(decision.decidedAt))}.{' '}
        {decision.release
          ? `Released ${dateTimeFormat.format(new Date(decision.release.releasedAt))}.`
          : 'Not released: nothing is candidate-facing yet.'}
      </p>
      <ul aria-label="Final levels">
        {decision.criteria.map((c) => (
          <li key={c.criterionId}>
            {criterionTitle(rubric, c.criterionId)}: {levelLabel(rubric, c.criterionId, c.levelId)}
          </li>
        ))}
      </ul>
      <p className="muted small">Reason: {decision.reason}</p>
      {decision.release ? (
        <button type="button" onClick={() => void download()}>
          Download candidate report (PDF)
        </button>
      ) : null}
      <ErrorLine error={error} />
    </section>
  );
}

function IdentitySection({ data, onChanged }: { data: DecisionWorkspace; onChanged(): Promise<void> }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  if (data.identity) {
    const { identity } = data;
    return (
      <section className="hub-card" aria-labelledby="dec-identity">
        <h2 id="dec-identity">Candidate identity</h2>
        <p>
          {identity.identity.name}
          {identity.identity.email ? ` <${identity.identity.email}>` : ''}
          {identity.identity.externalId ? ` (${identity.identity.externalId})` : ''}
        </p>
        <p className="muted small">
          Revealed by {identity.revealedByUsername}, {dateTimeFormat.format(new Date(identity.revealedAt))}:{' '}
          {identity.reason}
        </p>
      </section>
    );
  }
  const reveal = async () => {
    setConfirming(false);
    setError(undefined);
    try {
      await bridge['committee.revealIdentity']({ windowId: data.windowId, packetId: data.packetId, reason });
      await onChanged();
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return (
    <section className="hub-card" aria-labelledby="dec-identity">
      <h2 id="dec-identity">Candidate identity</h2>
      <p className="muted small">Hidden. Revealing it is recorded in the audit trail and cannot be undone.</p>
      <label>
        Reason for revealing
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="button" disabled={reason.trim() === ''} onClick={() => setConfirming(true)}>
        Reveal identity…
      </button>
      <ErrorLine error={error} />
      <ConfirmDialog
        open={confirming}
        title="Reveal the candidate's identity?"
        confirm="Reveal identity"
        onConfirm={() => void reveal()}
        onClose={() => setConfirming(false)}
      >
        <p>This cannot be undone: the name stays visible to chairs, admins and leads, and the reveal is audited.</p>
      </ConfirmDialog>
    </section>
  );
}
