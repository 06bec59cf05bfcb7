import type { EvidenceComment } from '../../../shared/domain/score';
import type { PacketManifest } from '../../../shared/packet/manifest';
import { anchorLabel } from '../../../shared/review/export/anchor-label';

/** Evidence comments tied to no criterion, each leading back to its place in the evidence. */
export function GeneralComments({
  comments,
  manifest,
  onReveal,
}: {
  comments: EvidenceComment[];
  manifest: PacketManifest;
  onReveal(comment: EvidenceComment): void;
}) {
  if (!comments.length) return null;
  return (
    <section className="criterion" aria-labelledby="general-comments">
      <h3 id="general-comments">General comments</h3>
      <ul>
        {comments.map((c) => (
          <li key={c.id} data-comment={c.id}>
            <button type="button" className="link" onClick={() => onReveal(c)}>
              {anchorLabel(c.anchor, manifest)}
            </button>{' '}
            {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
