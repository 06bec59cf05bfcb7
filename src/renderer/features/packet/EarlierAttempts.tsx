import { useState } from 'react';
import type { PacketManifest } from '../../../shared/packet/manifest';

/**
 * Feedback from earlier attempts. Earlier criterion levels stay hidden until asked for, so an
 * assessor is not anchored by the previous score.
 */
export function EarlierAttempts({ manifest }: { manifest: PacketManifest }) {
  const [showLevels, setShowLevels] = useState(false);
  const levelLabel = (criterionId: string, levelId: string) => {
    const criterion = manifest.rubric.criteria.find((c) => c.id === criterionId);
    const level = criterion?.levels.find((l) => l.id === levelId);
    return { criterion: criterion?.title ?? criterionId, level: level?.label ?? levelId };
  };
  return (
    <article className="reading" aria-label="Earlier attempts" tabIndex={0}>
      <label className="inline-toggle">
        <input type="checkbox" checked={showLevels} onChange={(e) => setShowLevels(e.target.checked)} /> Show earlier
        criterion levels
      </label>
      {manifest.attempt.previous.map((attempt) => (
        <section key={attempt.number} aria-labelledby={`attempt-${attempt.number}`}>
          <h3 id={`attempt-${attempt.number}`}>
            Attempt {attempt.number}:{' '}
            {attempt.decision === 'not-yet' ? 'Not yet' : attempt.decision === 'earned' ? 'Earned' : 'Unscorable'}
            <span className="muted"> · decided {new Date(attempt.decidedAt).toLocaleDateString()}</span>
          </h3>
          {attempt.feedback.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
          {showLevels && attempt.criterionLevels && (
            <table className="plain" aria-label={`Attempt ${attempt.number} levels`}>
              <tbody>
                {attempt.criterionLevels.map(({ criterionId, levelId }) => {
                  const label = levelLabel(criterionId, levelId);
                  return (
                    <tr key={criterionId}>
                      <th scope="row">{label.criterion}</th>
                      <td>{label.level}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </article>
  );
}
