import type { PullState } from '../../../shared/contract/assignments';
import type { NormingSessionView } from '../../../shared/contract/norming';
import type { OutboxEntry } from '../../data/db';

export type DownloadState =
  | { kind: 'downloaded' }
  | { kind: 'not-downloaded' }
  | { kind: 'queued' }
  | { kind: 'downloading'; percent: number }
  | { kind: 'failed'; error: string };

export type ScoreState =
  | { kind: 'not-started' }
  | { kind: 'draft' }
  | { kind: 'waiting'; reason?: string }
  | { kind: 'received' }
  | { kind: 'late'; message: string }
  | { kind: 'failed'; reason: string };

export interface AnchorRow {
  packetId: string;
  position: number;
  pseudonym: string;
  download: DownloadState;
  score: ScoreState;
}

/** What this computer knows about a session's anchors besides the hub's view. */
export interface LocalAnchorFacts {
  /** Packets in the workspace's library (downloaded anchors among them). */
  inLibrary: ReadonlySet<string>;
  pulls: readonly PullState[];
  /** Anchors with a norming draft of this session. */
  drafts: ReadonlySet<string>;
  /** Outbox entries bound for this session. */
  outbox: readonly OutboxEntry[];
}

const LATE_FALLBACK = 'This score arrived after the reveal and is not counted in the statistics.';

/**
 * One row per anchor for the session screen: whether it is on this computer (or on its way), and
 * where the participant's score stands. The hub's own record of the caller's scores wins over the
 * outbox (a score sent from another computer counts too); the outbox tells what is still on its way.
 */
export function anchorRows(session: NormingSessionView, local: LocalAnchorFacts): AnchorRow[] {
  const pulls = new Map(local.pulls.map((p) => [p.packetId, p]));
  return session.anchors.map((anchor) => {
    const hubScores = (session.yourScores ?? []).filter((s) => s.packetId === anchor.packetId);
    const entries = local.outbox.filter((e) => e.packetId === anchor.packetId && e.status !== 'superseded');
    return {
      packetId: anchor.packetId,
      position: anchor.position,
      pseudonym: anchor.pseudonym,
      download: downloadState(local.inLibrary.has(anchor.packetId), pulls.get(anchor.packetId)),
      score: scoreState(hubScores, entries, local.drafts.has(anchor.packetId), session.yourStanding?.message ?? null),
    };
  });
}

function downloadState(inLibrary: boolean, pull: PullState | undefined): DownloadState {
  if (inLibrary) return { kind: 'downloaded' };
  switch (pull?.state) {
    case 'queued':
      return { kind: 'queued' };
    case 'pulling':
      return {
        kind: 'downloading',
        percent: pull.totalBytes > 0 ? Math.floor((100 * pull.receivedBytes) / pull.totalBytes) : 0,
      };
    case 'failed':
      return { kind: 'failed', error: pull.error ?? 'The download failed.' };
    default:
      return { kind: 'not-downloaded' };
  }
}

function scoreState(
  hubScores: NonNullable<NormingSessionView['yourScores']>,
  entries: readonly OutboxEntry[],
  hasDraft: boolean,
  hubMessage: string | null,
): ScoreState {
  const late = hubScores.some((s) => s.late) || entries.some((e) => e.status === 'uploaded' && e.notice);
  if (late) {
    const notice = entries.find((e) => e.notice)?.notice;
    return { kind: 'late', message: notice ?? hubMessage ?? LATE_FALLBACK };
  }
  if (hubScores.length > 0 || entries.some((e) => e.status === 'uploaded')) return { kind: 'received' };
  const failed = entries.find((e) => e.status === 'failed' || e.status === 'conflict');
  if (failed) return { kind: 'failed', reason: failed.reason ?? 'The hub refused this score.' };
  const pending = entries.find((e) => e.status === 'pending');
  if (pending) return { kind: 'waiting', reason: pending.reason };
  return hasDraft ? { kind: 'draft' } : { kind: 'not-started' };
}

export function downloadText(state: DownloadState): string {
  switch (state.kind) {
    case 'downloaded':
      return 'On this computer';
    case 'not-downloaded':
      return 'Not downloaded';
    case 'queued':
      return 'Queued';
    case 'downloading':
      return `Downloading ${state.percent}%`;
    case 'failed':
      return `Download failed: ${state.error}`;
  }
}

export function scoreText(state: ScoreState): string {
  switch (state.kind) {
    case 'not-started':
      return 'Not scored';
    case 'draft':
      return 'Draft saved';
    case 'waiting':
      return state.reason ? `Submitted, waiting to upload (${state.reason})` : 'Submitted, uploading…';
    case 'received':
      return 'Received by the session';
    case 'late':
      return `Late: ${state.message}`;
    case 'failed':
      return `Not accepted: ${state.reason}`;
  }
}
