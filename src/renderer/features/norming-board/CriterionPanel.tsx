import type { CriterionResult, NormingSessionView } from '../../../shared/contract/norming';
import type { FacilitatorScore } from '../../../shared/contract/norming-staff';
import type { RubricCriterion } from '../../../shared/domain/rubric';
import { anchorLabel } from './board-grid';
import { ConsensusForm } from './ConsensusForm';
import { DistributionChart } from './DistributionChart';
import { currentMasters, furthestFromMaster } from './furthest';
import { criterionStats } from './stats';

/**
 * One criterion after the reveal: the distribution per anchor with the master, the agreement
 * statistics (flagged below α 0.667), who is furthest from the master, and the discussion.
 */
export function CriterionPanel({
  session,
  result,
  criterion,
  scores,
  onRecorded,
}: {
  session: NormingSessionView;
  result: CriterionResult;
  criterion: RubricCriterion | undefined;
  scores: FacilitatorScore[];
  onRecorded(): void;
}) {
  const levels = criterion?.levels.map((l) => ({ id: l.id, label: l.label })) ?? levelsFromCounts(result);
  const labelOf = (id: string | null | undefined) => levels.find((l) => l.id === id)?.label ?? id ?? '—';
  const anchors = [...session.anchors].sort((a, b) => a.position - b.position);
  const masters = currentMasters(anchors, result.criterionId);
  const far = furthestFromMaster(
    scores,
    masters,
    result.criterionId,
    levels.map((l) => l.id),
  );
  const max = Math.max(1, ...result.anchors.flatMap((a) => Object.values(a.counts)));
  const headingId = `criterion-${result.criterionId}`;
  return (
    <section className="hub-card criterion-board" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {result.title}
        {result.flagged ? <span className="flag"> Candidate for rubric revision (α &lt; 0.667)</span> : null}
      </h2>
      <div className="charts">
        {anchors.map((anchor) => {
          const counts = result.anchors.find((a) => a.packetId === anchor.packetId)?.counts ?? {};
          const master = anchor.masters?.filter((m) => m.criterionId === result.criterionId).at(-1);
          return (
            <div key={anchor.packetId} className="anchor-result">
              <DistributionChart
                title={`${result.title}, ${anchorLabel(anchor)}`}
                levels={levels}
                counts={counts}
                masterLevelId={masters.get(anchor.packetId) ?? null}
                max={max}
              />
              <p className="small">
                <strong>Master: {labelOf(masters.get(anchor.packetId))}.</strong> {master?.rationale}
              </p>
            </div>
          );
        })}
      </div>
      <div className="criterion-facts">
        <table className="library-table stats" aria-label={`Agreement on ${result.title}`}>
          <tbody>
            {criterionStats(result).map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.value}</td>
                <td className="muted small">{row.help}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.notes.length ? (
          <ul className="muted small">
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
        <div>
          <h3>Furthest from the master</h3>
          {far.some((d) => d.distance > 0) ? (
            <ol aria-label={`Furthest from the master on ${result.title}`}>
              {far
                .filter((d) => d.distance > 0)
                .map((d) => (
                  <li key={d.userId}>
                    {d.username}: {d.distance} level{d.distance === 1 ? '' : 's'} away over {d.compared} anchor
                    {d.compared === 1 ? '' : 's'}
                    {d.signed > 0 ? ' (above the master)' : d.signed < 0 ? ' (below the master)' : ''}
                  </li>
                ))}
            </ol>
          ) : (
            <p className="muted small">Everyone chose the master level.</p>
          )}
        </div>
      </div>
      <ConsensusForm
        key={result.consensus?.revision ?? 0}
        sessionId={session.id}
        criterionId={result.criterionId}
        criterionTitle={result.title}
        levels={levels}
        anchors={anchors.map((a) => ({
          packetId: a.packetId,
          label: anchorLabel(a),
          current: masters.get(a.packetId),
          history: (a.masters ?? []).filter((m) => m.criterionId === result.criterionId),
        }))}
        recorded={result.consensus}
        disabled={session.status !== 'revealed'}
        onRecorded={onRecorded}
      />
    </section>
  );
}

/** Without the rubric (anchor not readable), the report's level ids stand in for labels. */
function levelsFromCounts(result: CriterionResult) {
  return Object.keys(result.anchors[0]?.counts ?? {}).map((id) => ({ id, label: id }));
}
