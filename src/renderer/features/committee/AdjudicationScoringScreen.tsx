import { useCallback, useMemo } from 'react';
import type { AdjudicationDetail } from '../../../shared/contract/decisions';
import type { Rubric } from '../../../shared/domain/rubric';
import { navigate, routeHref } from '../../app/route';
import { useHubData } from '../../app/useHubData';
import { bridge } from '../../bridge';
import { ErrorLine } from '../hub/ErrorLine';
import { ScoringScreen } from '../review/ScoringScreen';
import { agreementWords, compareScorings, type CriterionRow } from '../scoring/comparison-rows';
import { ScoringComparison } from '../scoring/ScoringComparison';
import { adjudicationTarget, SHOW_ADJUDICATION } from './adjudication-target';
import { useAdjudicationEvidence } from './useAdjudicationEvidence';
import './adjudication.css';

/**
 * Resolving an adjudication (#/windows/<w>/adjudications/<a>/score[/<itemId>]): the reusable scoring
 * screen on the packet's evidence (downloaded first when it is not on this computer), the two
 * scorings beside the rubric and each scorer's level in every criterion, and the hub as the
 * destination. Once recorded, the adjudication's summary shows the resolution beside the originals.
 */
export function AdjudicationScoringScreen({
  windowId,
  adjudicationId,
  itemId,
}: {
  windowId: string;
  adjudicationId: string;
  itemId?: string;
}) {
  const { data: detail, error } = useHubData(() => bridge['committee.adjudication']({ adjudicationId }));
  const evidence = useAdjudicationEvidence(detail?.packetId);
  const summary = useMemo(
    () => ({ screen: 'adjudication', windowId, adjudicationId }) as const,
    [windowId, adjudicationId],
  );
  const onSelectItem = useCallback(
    (id: string) => navigate({ screen: 'adjudication-score', windowId, adjudicationId, itemId: id }),
    [windowId, adjudicationId],
  );
  const packet = evidence.load.phase === 'ready' ? evidence.load.packet : undefined;
  const subject = useMemo(
    () => packet && { manifest: packet.manifest, rubric: packet.manifest.rubric, show: SHOW_ADJUDICATION },
    [packet],
  );
  // Built once per adjudication read: the draft store behind it must not change while scoring.
  const target = useMemo(
    () => detail && packet && adjudicationTarget(detail, packet.manifest, () => navigate(summary)),
    [detail, packet, summary],
  );
  const rows = useMemo(
    () => (detail && subject ? criterionRows(detail, subject.rubric) : undefined),
    [detail, subject],
  );

  const back = (
    <a className="back" href={routeHref(summary)}>
      ← Adjudication
    </a>
  );
  if (!detail || !subject || !target || !rows) {
    return (
      <div className="screen">
        <header className="topbar">
          {back}
          <h1>
            <span className="brand">Anchor</span> Resolve the adjudication
          </h1>
        </header>
        <main className="hub-body">
          <ErrorLine error={error} />
          {error ? null : <EvidenceStatus load={evidence.load} onRetry={evidence.retry} />}
        </main>
      </div>
    );
  }
  const { manifest, rubric } = subject;
  const [first, second] = detail.scorings;
  return (
    <ScoringScreen
      subject={subject}
      target={target}
      itemId={itemId}
      onSelectItem={onSelectItem}
      reference={{
        heading: 'The two scorings',
        content:
          first && second ? (
            <ScoringComparison
              label="The two scorings"
              rubric={rubric}
              privateNotes={false}
              left={{ heading: first.assessorUsername, record: first.record }}
              right={{ heading: second.assessorUsername, record: second.record }}
            />
          ) : (
            <p className="muted small">
              {first ? `Only ${first.assessorUsername}’s scoring is on record.` : 'No scoring is on record.'}
            </p>
          ),
      }}
      criterionReference={(criterionId) => <ScorerLevels row={rows.get(criterionId)} detail={detail} />}
      topbar={
        <header className="topbar">
          {back}
          <h1>
            Adjudication: {manifest.credential.title}
            <span className="muted">
              {' '}
              · {manifest.candidate.pseudonym} · attempt {manifest.attempt.number}
            </span>
          </h1>
        </header>
      }
    />
  );
}

/** The comparison's rows by criterion (both scorings on the packet's rubric), for the criteria's own lines. */
function criterionRows(detail: AdjudicationDetail, rubric: Rubric): Map<string, CriterionRow> {
  const [first, second] = detail.scorings;
  if (!first || !second) return new Map();
  const { criteria } = compareScorings(rubric, first.record, second.record, { privateNotes: false });
  return new Map(criteria.map((row) => [row.criterionId, row]));
}

/** Each scorer's level on one criterion, marked when the hub found them discrepant. */
function ScorerLevels({ row, detail }: { row: CriterionRow | undefined; detail: AdjudicationDetail }) {
  if (!row) return null;
  const [first, second] = detail.scorings;
  const discrepant =
    row.agreement === 'discrepant' ||
    detail.discrepancies.some((d) => d.kind === 'criterion' && d.criterionId === row.criterionId);
  const level = (side: CriterionRow['left']) =>
    side.level ? `${side.level}${side.score !== undefined ? ` (${side.score})` : ''}` : 'not scored';
  return (
    <p className={`scorer-levels${discrepant ? ' discrepant' : ''}`}>
      {discrepant ? (
        <strong className="discrepant-mark">
          <span aria-hidden="true">≠ </span>
          {row.agreement === 'discrepant' ? agreementWords(row) : 'Discrepant'}:{' '}
        </strong>
      ) : (
        <span className="muted">{agreementWords(row)}: </span>
      )}
      {first?.assessorUsername} {level(row.left)} · {second?.assessorUsername} {level(row.right)}
    </p>
  );
}

function EvidenceStatus({
  load,
  onRetry,
}: {
  load: ReturnType<typeof useAdjudicationEvidence>['load'];
  onRetry(): void;
}) {
  switch (load.phase) {
    case 'opening':
    case 'ready':
      return (
        <p role="status" className="notice">
          Opening the adjudication…
        </p>
      );
    case 'downloading':
      return (
        <p role="status" className="notice">
          Downloading the evidence from the hub (verified before it opens)…
        </p>
      );
    case 'failed':
      return (
        <section role="alert" className="problems">
          <h2>The evidence could not be opened</h2>
          <p>{load.message}</p>
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </section>
      );
  }
}
