import type { Rubric } from '../../../../shared/domain/rubric';

/** Which criterion a bank entry speaks to ("" = general). */
export function CriterionSelect({
  rubric,
  value,
  onChange,
}: {
  rubric: Rubric;
  value: string;
  onChange(criterionId: string): void;
}) {
  return (
    <label className="field">
      <span>Criterion</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">General (any field)</option>
        {rubric.criteria.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}
