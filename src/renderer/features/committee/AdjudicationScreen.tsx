import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AdjudicationDetail, ScoringView } from '../../../shared/contract/decisions';
import type { ConditionCode, Decision } from '../../../shared/domain/decision';
import type { Rubric } from '../../../shared/domain/rubric';
import { dateTimeFormat } from '../../app/format';
import { navigate, routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ScoringComparison } from '../scoring/ScoringComparison';
import { CONDITION_LABELS, decisionWords, levelLabel } from './labels';
import './committee.css';

/**
 * The adjudicator's screen (#/windows/<windowId>/adjudications/<adjudicationId>): the two scorings
 * side by side (they stay as they were), then one resolved level per criterion with each scorer's
 * level beside it and the discrepant criteria marked, the resolved decision and a note.
 */
export function AdjudicationScreen({ windowId, adjudicationId }: { windowId: string; adjudicationId: string }) {
  const [detail, setDetail] = useState<AdjudicationDetail>();
  const [rubric, setRubric] = useState<Rubric | null>(null);
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      const loaded = await bridge['committee.adjudication']({ adjudicationId });
      setDetail(loaded);
      setRubric(await bridge['committee.rubric']({ packetId: loaded.packetId }).catch(() => null));
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [adjudicationId]);
  useEffect(() => {
    void load();
  }, [load]);

  const [first, second] = detail?.scorings ?? [];
  return (
    <div className="screen committee">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'window', windowId })}>
          ← Window
        </a>
        <h1>
          <span className="brand">Anchor</span> Adjudication
        </h1>
      </header>
      <main className="hub-body">
        <ErrorLine error={error} />
        {!detail ? (
          error ? null : (
            <p>Loading…</p>
          )
        ) : (
          <>
            <section className="hub-card" aria-labelledby="adj-scorings">
              <h2 id="adj-scorings">The two scorings</h2>
              <p className="muted small">
                Opened {dateTimeFormat.format(new Date(detail.openedAt))}. Discrepancies:{' '}
                {detail.discrepancies.map((d) => discrepancyWords(d, rubric)).join('; ') || 'none recorded'}
              </p>
              {first && second ? (
                <ScoringComparison
                  label="The two scorings"
                  rubric={rubric ?? undefined}
                  privateNotes={false}
                  left={{ heading: first.assessorUsername, record: first.record }}
                  right={{ heading: second.assessorUsername, record: second.record }}
                />
              ) : null}
              <p className="packet-controls">
                <OpenEvidence packetId={detail.packetId} />
                <a href={routeHref({ screen: 'decision', windowId, packetId: detail.packetId })}>Open the decision</a>
              </p>
            </section>
            {detail.resolution ? (
              <section className="hub-card" aria-labelledby="adj-resolution">
                <h2 id="adj-resolution">Resolution</h2>
                <p>
                  Resolved by {detail.resolution.resolvedByUsername},{' '}
                  {dateTimeFormat.format(new Date(detail.resolution.resolvedAt))}:{' '}
                  {decisionWords(detail.resolution.decision)}
                </p>
                <ul aria-label="Resolved levels">
                  {detail.resolution.criteria.map((c) => (
                    <li key={c.criterionId}>
                      {rubric?.criteria.find((r) => r.id === c.criterionId)?.title ?? c.criterionId}:{' '}
                      {levelLabel(rubric, c.criterionId, c.levelId)} — {c.rationale}
                    </li>
                  ))}
                </ul>
                {detail.resolution.note ? <p>Note: {detail.resolution.note}</p> : null}
              </section>
            ) : rubric ? (
              <ResolveForm detail={detail} rubric={rubric} onResolved={setDetail} />
            ) : (
              <p className="muted">The packet&apos;s rubric is not on the hub, so the levels cannot be offered.</p>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function discrepancyWords(d: AdjudicationDetail['discrepancies'][number], rubric: Rubric | null): string {
  switch (d.kind) {
    case 'decision':
      return `decision ${d.first} vs ${d.second}`;
    case 'criterion':
      return `${rubric?.criteria.find((c) => c.id === d.criterionId)?.title ?? d.criterionId} ${d.gap} levels apart`;
    case 'total':
      return `totals ${d.gap} apart`;
    case 'back-read':
      return `sent by a back-reader: ${d.reason}`;
  }
}

function levelOf(scoring: ScoringView | undefined, criterionId: string): string | undefined {
  return scoring?.record.criteria.find((c) => c.criterionId === criterionId)?.levelId;
}

function ResolveForm({
  detail,
  rubric,
  onResolved,
}: {
  detail: AdjudicationDetail;
  rubric: Rubric;
  onResolved(next: AdjudicationDetail): void;
}) {
  const [first, second] = detail.scorings;
  // Start from the levels both scorers agree on; the discrepant ones are the adjudicator's to pick.
  const [levels, setLevels] = useState<Record<string, string>>(() => {
    const start: Record<string, string> = {};
    for (const criterion of rubric.criteria) {
      const a = levelOf(first, criterion.id);
      if (a && a === levelOf(second, criterion.id)) start[criterion.id] = a;
    }
    return start;
  });
  const [rationales, setRationales] = useState<Record<string, string>>({});
  const [kind, setKind] = useState<Decision['kind']>('earned');
  const [conditionCode, setConditionCode] = useState<ConditionCode>('missing-evidence');
  const [explanation, setExplanation] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const decision: Decision = kind === 'unscorable' ? { kind, conditionCode, explanation } : { kind };
    try {
      onResolved(
        await bridge['committee.resolveAdjudication']({
          adjudicationId: detail.id,
          criteria:
            kind === 'unscorable'
              ? []
              : rubric.criteria.map((c) => ({
                  criterionId: c.id,
                  levelId: levels[c.id] ?? '',
                  rationale: rationales[c.id] ?? '',
                })),
          decision,
          note,
        }),
      );
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="hub-card resolve-form" aria-labelledby="adj-resolve" onSubmit={(event) => void submit(event)}>
      <h2 id="adj-resolve">Resolve</h2>
      <p className="muted small">
        Pick the resolved level for every criterion and say why; the two scorings stay as they were.
      </p>
      {rubric.criteria.map((criterion) => {
        const a = levelOf(first, criterion.id);
        const b = levelOf(second, criterion.id);
        const discrepant = a !== b;
        return (
          <fieldset key={criterion.id} className={discrepant ? 'criterion discrepant' : 'criterion'}>
            <legend>
              {criterion.title}
              {discrepant ? <strong className="discrepant-mark"> ≠ discrepant</strong> : null}
            </legend>
            <p className="muted small">
              {first?.assessorUsername}: {a ? levelLabel(rubric, criterion.id, a) : 'not scored'} ·{' '}
              {second?.assessorUsername}: {b ? levelLabel(rubric, criterion.id, b) : 'not scored'}
            </p>
            <div className="level-choices">
              {criterion.levels.map((level) => (
                <label key={level.id}>
                  <input
                    type="radio"
                    name={`level-${criterion.id}`}
                    value={level.id}
                    checked={levels[criterion.id] === level.id}
                    onChange={() => setLevels((prev) => ({ ...prev, [criterion.id]: level.id }))}
                  />{' '}
                  {level.label}
                </label>
              ))}
            </div>
            <label>
              Rationale for {criterion.title}
              <textarea
                value={rationales[criterion.id] ?? ''}
                onChange={(event) => setRationales((prev) => ({ ...prev, [criterion.id]: event.target.value }))}
              />
            </label>
          </fieldset>
        );
      })}
      <label>
        Resolved decision{' '}
        <select value={kind} onChange={(event) => setKind(event.target.value as Decision['kind'])}>
          <option value="earned">Earned</option>
          <option value="not-yet">Not yet</option>
          <option value="unscorable">Unscorable</option>
        </select>
      </label>
      {kind === 'unscorable' ? (
        <>
          <label>
            Condition{' '}
            <select value={conditionCode} onChange={(event) => setConditionCode(event.target.value as ConditionCode)}>
              {Object.entries(CONDITION_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Explanation
            <textarea value={explanation} onChange={(event) => setExplanation(event.target.value)} />
          </label>
        </>
      ) : null}
      <label>
        Note to the committee
        <textarea value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div>
        <button type="submit" disabled={busy}>
          Record resolution
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}

/** Downloads the evidence (verified) and opens it in the packet screen; Back returns here. */
function OpenEvidence({ packetId }: { packetId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await bridge['committee.openEvidence']({ packetId });
      navigate({ screen: 'packet', packetId });
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void open()}>
        {busy ? 'Downloading the evidence…' : 'Open the evidence'}
      </button>
      <ErrorLine error={error} />
    </>
  );
}
