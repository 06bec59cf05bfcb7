import { useCallback, useMemo } from 'react';
import type { StoredPacket } from '../../../shared/contract/library';
import { navigate, routeHref } from '../../app/route';
import { VerifyButton } from '../packet/VerifyButton';
import { outboxTarget } from './outbox-target';
import { SHOW_ALL } from './scoring';
import { ScoringScreen } from './ScoringScreen';
import { useAssessorId } from './useAssessorId';

/**
 * The assessor's own review of a packet in their queue: the scoring screen with everything shown,
 * the packet's own rubric, and the outbox as the destination.
 */
export function ReviewWorkspace({ packet, itemId }: { packet: StoredPacket; itemId?: string }) {
  const { manifest } = packet;
  const { assessorId } = useAssessorId();
  const subject = useMemo(() => ({ manifest, rubric: manifest.rubric, show: SHOW_ALL }), [manifest]);
  const target = useMemo(() => outboxTarget(assessorId), [assessorId]);
  const onSelectItem = useCallback(
    (id: string) => navigate({ screen: 'packet', packetId: manifest.packetId, itemId: id }),
    [manifest.packetId],
  );
  return (
    <ScoringScreen
      subject={subject}
      target={target}
      itemId={itemId}
      onSelectItem={onSelectItem}
      topbar={
        <header className="topbar">
          <a className="back" href={routeHref({ screen: 'library' })}>
            ← Queue
          </a>
          <h1>
            {manifest.credential.title}
            <span className="muted">
              {' '}
              · {manifest.candidate.pseudonym} · attempt {manifest.attempt.number}
            </span>
          </h1>
          <div className="topbar-actions">
            <VerifyButton packetId={manifest.packetId} />
          </div>
        </header>
      }
    />
  );
}
