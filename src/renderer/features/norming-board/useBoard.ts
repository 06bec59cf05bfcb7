import { useCallback, useEffect, useRef, useState } from 'react';
import type { NormingReport } from '../../../shared/contract/norming';
import type { FacilitatorScore, FacilitatorSession } from '../../../shared/contract/norming-staff';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { withSubmission } from './board-grid';

/** How long pushed changes are gathered before one refetch: a room submitting at once costs one load. */
const SETTLE_MS = 150;

export interface Board {
  data: FacilitatorSession | undefined;
  /** Every participant's scores and the hub's report: after the reveal only (the board may be projected). */
  scores: FacilitatorScore[];
  report: NormingReport | undefined;
  error: string | undefined;
  /** The last submission announced, for the live region ("assessor2 submitted Anchor 1"). */
  announcement: string;
  reload(): Promise<void>;
}

/**
 * One session's board, kept current by the hub's pushed events (norming.boardChanged): a
 * submission shows at once from the event itself, then the session is read again; a status
 * change or a reconnected event stream (hub.assignmentsChanged) reads everything again.
 */
export function useBoard(sessionId: string): Board {
  const [data, setData] = useState<FacilitatorSession>();
  const [scores, setScores] = useState<FacilitatorScore[]>([]);
  const [report, setReport] = useState<NormingReport>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The event handler reads the board as it is now, not as it was when the handler was made.
  const latest = useRef<FacilitatorSession>(undefined);

  const reload = useCallback(async () => {
    try {
      const next = await bridge['facilitator.session']({ sessionId });
      latest.current = next;
      setData(next);
      if (next.session.status !== 'open') {
        const [list, nextReport] = await Promise.all([
          bridge['facilitator.scores']({ sessionId }),
          bridge['facilitator.report']({ sessionId }),
        ]);
        setScores(list.scores);
        setReport(nextReport);
      }
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [sessionId]);

  useEffect(() => {
    void reload();
    const later = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void reload(), SETTLE_MS);
    };
    const stopBoard = bridge.on('norming.boardChanged', (event) => {
      if (event.sessionId !== sessionId) return;
      const current = latest.current;
      if (event.kind === 'score' && current) {
        const who = current.session.participants?.find((p) => p.userId === event.participantId)?.username;
        const anchor = current.session.anchors.find((a) => a.packetId === event.packetId);
        if (who && anchor) setAnnouncement(`${who} submitted Anchor ${anchor.position}${event.late ? ' (late)' : ''}`);
        const next = { ...current, session: withSubmission(current.session, event) };
        latest.current = next;
        setData(next);
      }
      later();
    });
    const stopReconnect = bridge.on('hub.assignmentsChanged', later);
    return () => {
      clearTimeout(timer.current);
      stopBoard();
      stopReconnect();
    };
  }, [sessionId, reload]);

  return { data, scores, report, error, announcement, reload };
}
