import type { Rubric } from '../../../shared/domain/rubric';
import { DistributionChart } from './DistributionChart';
import { distanceFromMaster, revealRows, type NormingAnchor } from './reveal-model';

/**
 * One anchor after the reveal: per criterion the master level and rationale, the distribution of
 * levels (counts only: the hub sends no names) and where the participant's own level sits.
 */
export function RevealView({
  anchor,
  rubric,
  ownLevels,
  ownLate = false,
}: {
  anchor: NormingAnchor;
  rubric: Rubric | undefined;
  ownLevels: ReadonlyMap<string, string>;
  /** The participant's score for this anchor arrived after the reveal: shown, but not in the counts. */
  ownLate?: boolean;
}) {
  const rows = revealRows(anchor, rubric, ownLevels);
  return (
    <section className="reveal" aria-labelledby={`reveal-${anchor.packetId}`}>
      <h3 id={`reveal-${anchor.packetId}`}>
        Anchor {anchor.position} · {anchor.pseudonym}
      </h3>
      {rows.length === 0 && <p className="muted">The hub sent no masters for this anchor.</p>}
      {!rubric && rows.length > 0 && (
        <p className="muted small">Download this anchor to see its rubric’s criterion and level names.</p>
      )}
      {rows.map((row) => {
        const headingId = `reveal-${anchor.packetId}-${row.criterionId}`;
        const distance = distanceFromMaster(row);
        const ownLabel = row.bars.find((b) => b.isOwn)?.label;
        return (
          <article key={row.criterionId} className="reveal-criterion" aria-labelledby={headingId}>
            <h4 id={headingId}>{row.title}</h4>
            <dl className="reveal-facts">
              <dt>Master level</dt>
              <dd>
                <strong>{row.master?.label ?? 'not set'}</strong>
                {row.master && row.master.revision > 1 && row.master.reason && (
                  <span className="muted small"> (changed: {row.master.reason})</span>
                )}
              </dd>
              <dt>Rationale</dt>
              <dd>{row.master?.rationale || '—'}</dd>
              <dt>Your level</dt>
              <dd>
                {ownLabel ?? 'not scored'}
                {ownLabel && ownLate && <span className="warn-text"> (late: not in the counts)</span>}
                {distance !== null && (
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {distance === 0
                      ? 'same as the master'
                      : `${Math.abs(distance)} level${Math.abs(distance) === 1 ? '' : 's'} ${distance > 0 ? 'above' : 'below'} the master`}
                  </span>
                )}
              </dd>
            </dl>
            <DistributionChart row={row} headingId={headingId} />
          </article>
        );
      })}
    </section>
  );
}
