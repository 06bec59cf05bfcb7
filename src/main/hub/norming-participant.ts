import { BridgeError } from '../../shared/contract/bridge';
import type { PullState, UploadOutcome } from '../../shared/contract/hub-bridge';
import type { NormingSessionSummary, NormingSessionView, QualificationList } from '../../shared/contract/norming';
import type { ScoreRecord } from '../../shared/domain/score';
import type { BridgeEventBus } from '../bridge/events';
import type { OpenWorkspace } from '../workspaces/workspaces';
import type { HubClient } from './hub-client';
import { HubError, toBridgeError } from './hub-error';
import { pullPacket } from './pull';
import { PullQueue } from './pull-queue';

/** What a norming anchor is recorded as in the library: not an assignment, so retention never counts it "unassigned". */
export function anchorFrom(hubUrl: string): string {
  return `norming anchor from ${hubUrl}`;
}

/** Whether a library packet is a norming anchor (its recorded source, see anchorFrom). */
export function isAnchor(source: string | undefined): boolean {
  return source?.startsWith('norming anchor from ') ?? false;
}

export interface NormingParticipantOptions {
  client: HubClient;
  /** The signed-in person's workspace, resolved at each call. */
  currentWorkspace: () => Promise<OpenWorkspace>;
  /** Runs `tell` only while `workspace` is still the one shown. */
  tellCurrent: (workspace: OpenWorkspace, tell: () => void) => void;
  events?: BridgeEventBus;
}

/**
 * A participant's side of norming in the main process: their sessions as the hub shows them,
 * anchor packets pulled into the workspace (the pull machinery of assignments, one queue per
 * workspace, recorded as anchors), score uploads to a session, and the hub's session changes
 * passed on to the page. Nothing here decides what is blind: the hub answers only what the
 * caller may see, and this passes it on, checked against the route table's schemas.
 */
export class NormingParticipant {
  private readonly queues = new Map<string, PullQueue>();

  constructor(private readonly options: NormingParticipantOptions) {}

  async sessions(): Promise<{ sessions: NormingSessionSummary[] }> {
    return this.options.client.ok('listNormingSessions', {}).catch(toBridgeError);
  }

  async session(sessionId: string): Promise<NormingSessionView> {
    return this.options.client.ok('getNormingSession', { params: { sessionId } }).catch(toBridgeError);
  }

  /** Qualifications as the hub lets the caller read them (staff: anyone's; an assessor: their own). */
  async qualifications(filter: { userId?: string; credentialId?: string }): Promise<QualificationList> {
    const query = Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]));
    return this.options.client.ok('listQualifications', { query }).catch(toBridgeError);
  }

  /** Queues the session's anchors (or the ones named, which must be among them) for download. */
  async pullAnchors(sessionId: string, packetIds?: readonly string[]): Promise<PullState[]> {
    if (!(await this.options.client.currentUser())) throw new BridgeError('Sign in to a hub first.', 'forbidden');
    const session = await this.session(sessionId);
    const anchors = new Set(session.anchors.map((a) => a.packetId));
    const wanted = packetIds ?? [...anchors];
    const stranger = wanted.find((id) => !anchors.has(id));
    if (stranger) throw new BridgeError(`Packet ${stranger} is not an anchor of this session.`, 'not-found');
    return (await this.queue()).enqueue(wanted);
  }

  async anchorPulls(): Promise<PullState[]> {
    return (await this.queue()).list();
  }

  /**
   * Uploads one norming score; like live uploads it never throws for hub trouble, the outcome
   * tells the outbox what to do. A late score is stored all the same, with the hub's message.
   */
  async uploadScore(sessionId: string, record: ScoreRecord, baseRevision: number): Promise<UploadOutcome> {
    try {
      const receipt = await this.options.client.ok('putNormingScore', {
        params: { sessionId, scoreId: record.id },
        json: { baseRevision, record },
      });
      const { scoreId, packetId, revision, receivedAt, message } = receipt;
      return {
        kind: 'stored',
        receipt: { scoreId, packetId, revision, receivedAt },
        ...(receipt.late ? { notice: message ?? 'This score arrived after the reveal and is not counted.' } : {}),
      };
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      switch (error.code) {
        case 'unreachable':
          return { kind: 'retry', reason: error.message };
        case 'signed-out':
          return { kind: 'signed-out', reason: 'Sign in to the hub to upload.' };
        case 'conflict':
          // The hub holds another version under this id or revision: nothing for the conflict
          // screen to merge (it never sends another's score), so the assessor is told why.
          return { kind: 'rejected', reason: error.message };
        case 'not-found':
          return { kind: 'rejected', reason: 'The hub no longer lists you in this norming session.' };
        default:
          return { kind: 'rejected', reason: error.message };
      }
    }
  }

  /** The hub said a session changed (or its stream reconnected: sessionId null): the page reads again. */
  changed(sessionId: string | null, status: NormingSessionSummary['status'] | null): void {
    this.options.events?.emit('norming.changed', { sessionId, status });
  }

  stopRetries(): void {
    for (const queue of this.queues.values()) queue.stopRetries();
  }

  /** One anchor queue per workspace, like assignment pulls: a download belongs to who asked for it. */
  private async queue(): Promise<PullQueue> {
    const workspace = await this.options.currentWorkspace();
    let queue = this.queues.get(workspace.id);
    if (!queue) {
      const { client, events, tellCurrent } = this.options;
      queue = new PullQueue(async (packetId, onProgress) => {
        const outcome = await pullPacket(client, workspace.store, packetId, onProgress, anchorFrom);
        if (outcome.ok) tellCurrent(workspace, () => events?.emit('library.changed', {}));
        return outcome;
      });
      const changed = queue;
      queue.onChange(() =>
        tellCurrent(workspace, () => events?.emit('norming.anchorPullsChanged', { pulls: changed.list() })),
      );
      this.queues.set(workspace.id, queue);
    }
    return queue;
  }
}
