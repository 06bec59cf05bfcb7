import type { Rubric } from '../../../shared/domain/rubric';
import type { ScoreRecord } from '../../../shared/domain/score';
import { agreementWords, compareScorings, type Agreement, type CriterionSide } from './comparison-rows';

/** One of the two scorings and how its column is headed ("This computer, revision 2", "Assessor B"). */
export interface ComparedScoring {
  heading: string;
  record: ScoreRecord;
}

/** A symbol beside the words, so the marking is read without colour (and the class adds colour). */
const MARK: Record<Agreement, string> = { exact: '=', adjacent: '≈', discrepant: '≠', missing: '–' };

/**
 * Two scorings of one packet side by side: per criterion the two levels with each side's
 * rationale and feedback beside it, and whether they agree, are adjacent or discrepant; then the
 * review's other fields. Used by the conflict screen; adjudication and the norming reveal next.
 */
export function ScoringComparison({
  label,
  rubric,
  left,
  right,
  privateNotes,
}: {
  /** The table's accessible name. */
  label: string;
  /** Orders the criteria and levels; without it (packet not on this computer) level ids are compared. */
  rubric: Rubric | undefined;
  left: ComparedScoring;
  right: ComparedScoring;
  /** Show private notes (only when both scorings are the viewer's own). */
  privateNotes: boolean;
}) {
  const { criteria, fields, counts } = compareScorings(rubric, left.record, right.record, { privateNotes });
  return (
    <div className="scoring-comparison">
      <p className="muted small">
        Criteria: {counts.exact} same level · {counts.adjacent} adjacent · {counts.discrepant} discrepant
        {counts.missing ? ` · ${counts.missing} not scored on both sides` : ''}
      </p>
      <table className="library-table compare" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{left.heading}</th>
            <th scope="col">{right.heading}</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {fields.slice(0, 1).map((row) => (
            <FieldLine key={row.label} {...row} />
          ))}
          {criteria.map((row) => (
            <tr key={row.criterionId} className={`agreement-${row.agreement}`}>
              <th scope="row">{row.title}</th>
              <td>
                <Side side={row.left} />
              </td>
              <td>
                <Side side={row.right} />
              </td>
              <td>
                <span aria-hidden="true" className="agreement-mark">
                  {MARK[row.agreement]}
                </span>{' '}
                {agreementWords(row)}
              </td>
            </tr>
          ))}
          {fields.slice(1).map((row) => (
            <FieldLine key={row.label} {...row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldLine({ label, left, right, same }: { label: string; left: string; right: string; same: boolean }) {
  return (
    <tr className={same ? undefined : 'differs'}>
      <th scope="row">{label}</th>
      <td>{left || '—'}</td>
      <td>{right || '—'}</td>
      <td>
        <span aria-hidden="true" className="agreement-mark">
          {same ? '=' : '≠'}
        </span>{' '}
        {same ? 'Same' : 'Differs'}
      </td>
    </tr>
  );
}

/** A criterion on one side: the level (and score), then the rationale and the candidate feedback. */
function Side({ side }: { side: CriterionSide }) {
  return (
    <>
      <strong>{side.level ?? 'Not scored'}</strong>
      {side.score !== undefined && <span className="muted"> ({side.score})</span>}
      {side.rationale && (
        <p className="small">
          <span className="muted">Rationale: </span>
          {side.rationale}
        </p>
      )}
      {side.feedback && (
        <p className="small">
          <span className="muted">Feedback: </span>
          {side.feedback}
        </p>
      )}
    </>
  );
}
