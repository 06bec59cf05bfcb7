import type { AdjudicationDetail } from '../../../shared/contract/decisions';
import type { Rubric } from '../../../shared/domain/rubric';
import { dateTimeFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { useHubData } from '../../app/useHubData';
import { bridge } from '../../bridge';
import { ErrorLine } from '../hub/ErrorLine';
import { ScoringComparison } from '../scoring/ScoringComparison';
import { decisionWords, levelLabel } from './labels';
import './committee.css';

/**
 * An adjudication's summary (#/windows/<windowId>/adjudications/<adjudicationId>): the two scorings
 * side by side (they stay as they were) and, once recorded, the resolution. Resolving happens in one
 * place, the scoring screen with the evidence (AdjudicationScoringScreen), which this screen opens.
 */
export function AdjudicationScreen({ windowId, adjudicationId }: { windowId: string; adjudicationId: string }) {
  const { data, error } = useHubData(async () => {
    const detail = await bridge['committee.adjudication']({ adjudicationId });
    // Without the rubric the screen names criteria and levels by id.
    const rubric = await bridge['committee.rubric']({ packetId: detail.packetId }).catch(() => null);
    return { detail, rubric };
  });
  const detail = data?.detail;
  const rubric = data?.rubric ?? null;

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
                <a
                  className={detail.resolution ? undefined : 'primary-action'}
                  href={routeHref({ screen: 'adjudication-score', windowId, adjudicationId })}
                >
                  {detail.resolution ? 'See the resolution with the evidence' : 'Resolve with the evidence'}
                </a>{' '}
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
                {detail.resolution.note ? <p className="resolution-note">Note: {detail.resolution.note}</p> : null}
              </section>
            ) : null}
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
