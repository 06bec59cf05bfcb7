import { useCallback, useMemo } from 'react';
import { navigate, routeHref } from '../../app/route';
import { usePacket } from '../packet/usePacket';
import { SHOW_BLIND } from '../review/scoring';
import { ScoringScreen } from '../review/ScoringScreen';
import { useAssessorId } from '../review/useAssessorId';
import { normingTarget } from './norming-target';
import { useNormingSession } from './useNorming';

/**
 * Scoring one anchor of a norming session: the reusable scoring screen, blind (no earlier
 * attempts, no history, no reopening), with the session as the destination. Works offline once
 * the anchor is downloaded; the session's title comes from the hub when it answers.
 */
export function NormingScoringScreen({
  sessionId,
  packetId,
  itemId,
}: {
  sessionId: string;
  packetId: string;
  itemId?: string;
}) {
  const load = usePacket(packetId);
  const session = useNormingSession(sessionId);
  const { assessorId } = useAssessorId();
  const title = session.load.phase === 'ready' ? session.load.value.title : 'norming session';
  const target = useMemo(() => normingTarget(sessionId, title, assessorId), [sessionId, title, assessorId]);
  const onSelectItem = useCallback(
    (id: string) => navigate({ screen: 'my-norming-score', sessionId, packetId, itemId: id }),
    [sessionId, packetId],
  );
  const subject = useMemo(
    () =>
      load.phase === 'ready'
        ? { manifest: load.packet.manifest, rubric: load.packet.manifest.rubric, show: SHOW_BLIND }
        : undefined,
    [load],
  );
  const back = (
    <a className="back" href={routeHref({ screen: 'my-norming-session', sessionId })}>
      ← Session
    </a>
  );
  if (load.phase !== 'ready' || !subject) {
    return (
      <div className="screen">
        <header className="topbar">{back}</header>
        {load.phase === 'failed' ? (
          <section role="alert" className="problems">
            <h2>This anchor is not on this computer</h2>
            <p>{load.message}</p>
            <p>Download it from the session first.</p>
          </section>
        ) : (
          <p role="status" className="notice">
            Opening the anchor…
          </p>
        )}
      </div>
    );
  }
  const { manifest } = subject;
  return (
    <ScoringScreen
      subject={subject}
      target={target}
      itemId={itemId}
      onSelectItem={onSelectItem}
      topbar={
        <header className="topbar">
          {back}
          <h1>
            Norming: {manifest.credential.title}
            <span className="muted"> · anchor {manifest.candidate.pseudonym} · scored blind</span>
          </h1>
        </header>
      }
    />
  );
}
