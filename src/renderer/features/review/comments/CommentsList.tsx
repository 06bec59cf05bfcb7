import './comments.css';
import { useId, useState } from 'react';
import type { Rubric } from '../../../../shared/domain/rubric';
import type { EvidenceComment } from '../../../../shared/domain/score';
import type { PacketManifest } from '../../../../shared/packet/manifest';
import { anchorLabel } from '../../../../shared/review/export/anchor-label';
import { groupComments } from './comment-groups';

type Scope = 'item' | 'packet';

/**
 * Every evidence comment in one place: those on the item on screen, or the whole packet's grouped
 * by item. Each entry names its place and jumps there (opening the item and revealing the place).
 * The criterion cards list comments by criterion; this lists them by where they point.
 */
export function CommentsList({
  comments,
  manifest,
  rubric,
  selectedId,
  selectedTitle,
  onJump,
}: {
  comments: readonly EvidenceComment[];
  manifest: PacketManifest;
  rubric: Rubric;
  /** The navigator entry on screen (an item id, or the written responses). */
  selectedId: string;
  selectedTitle: string;
  onJump(comment: EvidenceComment): void;
}) {
  const [scope, setScope] = useState<Scope>('item');
  const headingId = useId();
  const groups = groupComments(comments, manifest, scope === 'item' ? selectedId : undefined);
  const here = groupComments(comments, manifest, selectedId)[0]?.comments.length ?? 0;
  const criterionTitle = (id: string | undefined) => rubric.criteria.find((c) => c.id === id)?.title;

  return (
    <section className="comments-list" aria-labelledby={headingId}>
      <div className="comments-list__head">
        <h3 id={headingId}>Comments</h3>
        <div role="group" aria-label="Show comments on" className="comments-list__scope">
          <button type="button" aria-pressed={scope === 'item'} onClick={() => setScope('item')}>
            This item ({here})
          </button>
          <button type="button" aria-pressed={scope === 'packet'} onClick={() => setScope('packet')}>
            Whole packet ({comments.length})
          </button>
        </div>
      </div>
      {groups.length === 0 && (
        <p className="muted small">
          {scope === 'item' ? `No comments on ${selectedTitle} yet.` : 'No comments on this packet yet.'} Press{' '}
          <kbd>C</kbd> to comment on the place shown in the evidence.
        </p>
      )}
      {groups.map((group) => (
        <div key={group.entryId} className="comments-list__group">
          {scope === 'packet' && <h4 className="comments-list__item">{group.title}</h4>}
          <ul aria-label={`Comments on ${group.title}`}>
            {group.comments.map((comment) => {
              const criterion = criterionTitle(comment.criterionId);
              return (
                <li key={comment.id}>
                  <button type="button" className="link comments-list__where" onClick={() => onJump(comment)}>
                    {anchorLabel(comment.anchor, manifest)}
                  </button>
                  {criterion && <span className="muted small"> · {criterion}</span>}
                  <p className="comments-list__text">{comment.text}</p>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
