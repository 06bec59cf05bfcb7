import { useState, type FormEvent } from 'react';
import type { DecisionWorkspace } from '../../../shared/contract/decisions';
import type { ConditionCode } from '../../../shared/domain/decision';
import type { Rubric } from '../../../shared/domain/rubric';
import { bridge } from '../../bridge';
import { useBusyAction } from '../../app/useBusyAction';
import { ErrorLine } from '../hub/ErrorLine';
import { draftPieces, joinPieces, movePiece, type FeedbackPieceDraft } from './feedback-pieces';
import { CONDITION_LABELS, criterionTitle } from './labels';

/** The final level per criterion to start from: the resolution's, else the one every scoring agrees on. */
function startingLevels(data: DecisionWorkspace): Record<string, string> {
  const levels: Record<string, string> = {};
  const resolved = data.adjudication?.resolution?.criteria;
  if (resolved) {
    for (const c of resolved) levels[c.criterionId] = c.levelId;
    return levels;
  }
  const [first, ...others] = data.scorings;
  for (const c of first?.record.criteria ?? []) {
    if (others.every((s) => s.record.criteria.some((o) => o.criterionId === c.criterionId && o.levelId === c.levelId)))
      levels[c.criterionId] = c.levelId;
  }
  return levels;
}

/**
 * Recording (or revising, before release) the decision: the window's decision type, the final
 * levels, and the candidate's feedback assembled from the assessors' pieces — kept, edited and
 * reordered, each still showing who wrote it, so nothing is retyped.
 */
export function DecideForm({
  data,
  rubric,
  onDecided,
}: {
  data: DecisionWorkspace;
  rubric: Rubric | null;
  onDecided(): Promise<void>;
}) {
  const [typeId, setTypeId] = useState(data.decision?.decisionType.id ?? data.decisionTypes[0]?.id ?? '');
  const [overall, setOverall] = useState(() => draftPieces('overall', data.suggestedFeedback.overall));
  const [byCriterion, setByCriterion] = useState(() =>
    Object.fromEntries(
      data.suggestedFeedback.byCriterion.map((c) => [c.criterionId, draftPieces(c.criterionId, c.pieces)]),
    ),
  );
  const [levels, setLevels] = useState(() => startingLevels(data));
  const [conditionCode, setConditionCode] = useState<ConditionCode>('missing-evidence');
  const [explanation, setExplanation] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useBusyAction();
  const type = data.decisionTypes.find((t) => t.id === typeId);
  const criterionIds = rubric?.criteria.map((c) => c.id) ?? Object.keys(levels);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const allLevels = criterionIds.length > 0 && criterionIds.every((id) => levels[id]);
    return run(async () => {
      await bridge['committee.decide']({
        windowId: data.windowId,
        packetId: data.packetId,
        decisionTypeId: typeId,
        candidateFeedback: {
          overall: joinPieces(overall),
          byCriterion: Object.entries(byCriterion)
            .map(([criterionId, pieces]) => ({ criterionId, text: joinPieces(pieces) }))
            .filter((c) => c.text !== ''),
        },
        // Without every level the hub takes the resolution's or the agreed ones (and says which differ).
        criteria:
          allLevels && type?.outcome !== 'unscorable'
            ? criterionIds.map((id) => ({ criterionId: id, levelId: levels[id]!, rationale: '' }))
            : undefined,
        condition: type?.outcome === 'unscorable' && explanation.trim() ? { conditionCode, explanation } : undefined,
        reason,
      });
      await onDecided();
    });
  };

  return (
    <form className="hub-card decide-form" aria-labelledby="dec-decide" onSubmit={(event) => void submit(event)}>
      <h2 id="dec-decide">{data.decision ? 'Revise the decision' : 'Decide'}</h2>
      <label>
        Decision type{' '}
        <select value={typeId} onChange={(event) => setTypeId(event.target.value)}>
          {data.decisionTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {type?.outcome === 'unscorable' ? (
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
            Condition explanation
            <textarea value={explanation} onChange={(event) => setExplanation(event.target.value)} />
          </label>
        </>
      ) : rubric ? (
        <fieldset className="criterion">
          <legend>Final levels</legend>
          {rubric.criteria.map((criterion) => (
            <label key={criterion.id}>
              {criterion.title}{' '}
              <select
                aria-label={`Final level for ${criterion.title}`}
                value={levels[criterion.id] ?? ''}
                onChange={(event) => setLevels((prev) => ({ ...prev, [criterion.id]: event.target.value }))}
              >
                <option value="">— choose —</option>
                {criterion.levels.map((level) => (
                  <option key={level.id} value={level.id}>
                    {level.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="criterion">
        <legend>Candidate feedback (suggested from the assessors&apos;)</legend>
        <PieceList label="Overall feedback" pieces={overall} onChange={setOverall} />
        {Object.entries(byCriterion).map(([criterionId, pieces]) => (
          <PieceList
            key={criterionId}
            label={`Feedback on ${criterionTitle(rubric, criterionId)}`}
            pieces={pieces}
            onChange={(next) => setByCriterion((prev) => ({ ...prev, [criterionId]: next }))}
          />
        ))}
      </fieldset>
      <label>
        Reason (for the record)
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || !typeId || reason.trim() === ''}>
        Record decision
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function PieceList({
  label,
  pieces,
  onChange,
}: {
  label: string;
  pieces: FeedbackPieceDraft[];
  onChange(next: FeedbackPieceDraft[]): void;
}) {
  const edit = (index: number, patch: Partial<FeedbackPieceDraft>) =>
    onChange(pieces.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <div role="group" aria-label={label}>
      <h3>{label}</h3>
      {pieces.length === 0 ? <p className="muted small">The assessors wrote none.</p> : null}
      {pieces.map((piece, index) => (
        <div key={piece.key} className="feedback-piece">
          <input
            type="checkbox"
            checked={piece.use}
            aria-label={`Use the piece from ${piece.from}`}
            onChange={(event) => edit(index, { use: event.target.checked })}
          />
          <textarea
            aria-label={`Piece from ${piece.from}`}
            value={piece.text}
            onChange={(event) => edit(index, { text: event.target.value })}
          />
          <span className="muted small">from {piece.from}</span>
          <button
            type="button"
            aria-label={`Move up: piece from ${piece.from}`}
            disabled={index === 0}
            onClick={() => onChange(movePiece(pieces, index, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move down: piece from ${piece.from}`}
            disabled={index === pieces.length - 1}
            onClick={() => onChange(movePiece(pieces, index, 1))}
          >
            ↓
          </button>
        </div>
      ))}
    </div>
  );
}
