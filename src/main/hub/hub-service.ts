import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BridgeError } from '../../shared/contract/bridge';
import type { AssignmentView, ConflictView, QualificationNotice } from '../../shared/contract/assignments';
import type { HubStatus, PullState, UploadOutcome } from '../../shared/contract/hub-bridge';
import type { ScoreDestination } from '../../shared/contract/scores';
import type { ScoreRecord } from '../../shared/domain/score';
import type { BridgeLog } from '../bridge/dispatch';
import type { BridgeEventBus } from '../bridge/events';
import type { LocalHub } from './local-hub';
import { HubClient } from './hub-client';
import { EvidenceRetention, isReadingCopy, type PurgedPacket } from './evidence-retention';
import { HubError, toBridgeError } from './hub-error';
import { NormingStaff } from './norming-staff';
import { forwardWindowChange } from './window-dashboard';
import { HubEventListener } from './hub-event-listener';
import { NormingParticipant } from './norming-participant';
import { pullPacket, pulledFrom } from './pull';
import { PullQueue } from './pull-queue';
import type { TokenStore } from './token-store';
import { sortUnfinishedDownloads } from './unfinished-downloads';
import { describeWorkspace, type WorkspaceOwner } from '../workspaces/workspace-id';
import type { OpenWorkspace, Workspaces } from '../workspaces/workspaces';

/** What is remembered about the hub besides the tokens: nothing secret, only form defaults. */
const HubPreferences = z.object({ lastHubUrl: z.string().optional(), lastUsername: z.string().optional() });
type HubPreferences = z.infer<typeof HubPreferences>;

export interface HubServiceOptions {
  dataDir: string;
  /** Each person's packets and downloads; the signed-in user's answers every call. */
  workspaces: Workspaces;
  tokens: TokenStore;
  log: BridgeLog;
  /** Where the page hears of changes (status, pulls, assignments, library); absent in tests that need none. */
  events?: BridgeEventBus;
  /** The first-run local demo hub; absent where it is not offered (browser mode without --demo). */
  demoHub?: LocalHub;
  /** The clock for window closing times (tests move it). */
  now?: () => number;
}

/**
 * The hub as the desktop app sees it (main process in Electron, host process in browser mode):
 * sign-in with tokens kept in the TokenStore, assignments, pulls with progress, score uploads
 * whose outcome tells the renderer's outbox what to do next, and the local demo hub.
 */
export class HubService {
  readonly client: HubClient;
  /** A participant's side of norming: sessions, anchor downloads, uploads to a session. */
  readonly norming: NormingParticipant;
  /** One pull queue per workspace: a pull belongs to the person who asked for it, wherever the session goes next. */
  private readonly queues = new Map<string, PullQueue>();
  private readonly retentions = new Map<string, EvidenceRetention>();
  private readonly events: HubEventListener;
  /** The facilitator's norming board (norming-staff.ts); its hub events are forwarded from here. */
  readonly normingStaff: NormingStaff;
  private assignmentsVersion = 0;
  /** Orders the statuses this process reads (HubStatus.revision). */
  private readonly statusRun = randomUUID();
  private statusSequence = 0;
  private readonly preferencesFile: string;
  private remembered: Promise<HubPreferences> | undefined;

  constructor(private readonly options: HubServiceOptions) {
    this.client = new HubClient(options.tokens);
    this.normingStaff = new NormingStaff(this.client, options.events);
    this.norming = new NormingParticipant({
      client: this.client,
      currentWorkspace: () => this.currentWorkspace(),
      tellCurrent: (workspace, tell) => this.tellCurrent(workspace, tell),
      events: options.events,
    });
    this.events = new HubEventListener(
      this.client,
      (event) => {
        // Norming events say nothing about the queue: listing assignments again for each of 50 submissions would be waste.
        // Nor do scores, norming events and adjudications: none changes the caller's own assignments.
        if (
          event.type !== 'score.received' &&
          event.type !== 'adjudication.opened' &&
          !event.type.startsWith('norming.')
        )
          this.assignmentsChanged();
        this.normingStaff.onHubEvent(event);
        forwardWindowChange(options.events, event);
        if (event.type === 'norming.sessionChanged') this.norming.changed(event.sessionId, event.status);
      },
      () => {
        this.assignmentsChanged();
        this.norming.changed(null, null);
      },
      options.log,
      undefined,
      () => this.statusChanged(),
    );
    this.preferencesFile = join(options.dataDir, 'hub.json');
  }

  /**
   * Purges evidence whose review window has closed (also offline), and starts the demo hub with
   * the app when it was set up before, so a saved session keeps working.
   */
  async open(): Promise<this> {
    await mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    // Every workspace's closed windows, not only the signed-in person's: evidence leaves on time.
    for (const workspace of await this.options.workspaces.all()) {
      const purged = await this.retention(workspace).purgeExpired();
      if (purged.length > 0)
        this.options.log('hub: removed evidence no longer needed', {
          workspace: workspace.id,
          purged: purged.map(({ packetId, reason }) => ({ packetId, reason })),
        });
    }
    if (await this.client.currentUser()) this.events.start();
    const demo = this.options.demoHub;
    if (demo && (await demo.exists())) {
      void this.startDemoHub().catch((error: unknown) =>
        this.options.log('demo hub: could not start', { error: String(error) }),
      );
    }
    return this;
  }

  /** Whose work every call is about: the signed-in hub user's workspace, else the local one. */
  async owner(): Promise<WorkspaceOwner> {
    const user = await this.client.currentUser();
    return user && { hubUrl: user.hubUrl, userId: user.id, username: user.username };
  }

  async currentWorkspace(): Promise<OpenWorkspace> {
    return this.options.workspaces.get(await this.owner());
  }

  /** The pull queue of the signed-in person's workspace. */
  async pulls(): Promise<PullQueue> {
    return this.queueFor(await this.currentWorkspace());
  }

  async status(): Promise<HubStatus> {
    // Numbered before anything is read: a status numbered later read everything later.
    const revision = { run: this.statusRun, sequence: ++this.statusSequence };
    const [user, preferences, demoUrl] = await Promise.all([
      this.client.currentUser(),
      this.preferences(),
      this.options.demoHub?.url(),
    ]);
    return {
      user: user ? { id: user.id, username: user.username, roles: user.roles } : null,
      hubUrl: user?.hubUrl ?? preferences.lastHubUrl ?? null,
      lastUsername: preferences.lastUsername ?? null,
      tokenProtection: this.options.tokens.protection,
      live: user !== undefined && this.events.connected,
      assignmentsVersion: this.assignmentsVersion,
      demoHub: { available: this.options.demoHub !== undefined, url: demoUrl ?? null },
      workspace: describeWorkspace(user && { hubUrl: user.hubUrl, userId: user.id, username: user.username }),
      revision,
    };
  }

  async signIn(hubUrl: string, username: string, password: string): Promise<HubStatus> {
    const user = await this.client.signIn(hubUrl, username, password).catch(toBridgeError);
    await this.savePreferences({ lastHubUrl: new URL(hubUrl).origin, lastUsername: user.username });
    // A new session (perhaps another account or hub): listen with it from now on.
    this.events.stop();
    this.events.start();
    return this.statusChanged();
  }

  async signOut(): Promise<HubStatus> {
    this.events.stop();
    (await this.pulls()).stopRetries();
    this.norming.stopRetries();
    await this.client.signOut();
    return this.statusChanged();
  }

  /** Starts the local demo hub and offers its address in the sign-in form. */
  async startDemo(): Promise<HubStatus> {
    if (!this.options.demoHub) {
      throw new BridgeError('The local demo hub is not offered here; start Anchor with --demo.', 'forbidden');
    }
    const url = await this.startDemoHub();
    const preferences = await this.preferences();
    await this.savePreferences({ lastHubUrl: url, lastUsername: preferences.lastUsername ?? 'assessor1' });
    return this.statusChanged();
  }

  /**
   * The hub's current list; pulled packets it no longer lists, or whose window closed, leave this
   * computer, and so do unfinished downloads of them. Unfinished downloads of packets it does list
   * (Anchor was closed mid-pull) are resumed.
   */
  async assignments(): Promise<{
    assignments: AssignmentView[];
    fetchedAt: string;
    purged: PurgedPacket[];
    resumed: string[];
    notices: QualificationNotice[];
  }> {
    const workspace = await this.currentWorkspace();
    const { assignments, notices } = await this.client.assignmentList().catch(toBridgeError);
    const hubUrl = (await this.client.currentUser())?.hubUrl;
    const purged = hubUrl ? await this.retention(workspace).afterListing(hubUrl, assignments) : [];
    const pulls = this.queueFor(workspace);
    pulls.forget(purged.map((p) => p.packetId));
    if (purged.length > 0) this.options.events?.emit('library.changed', {});
    const { resume, removed } = await sortUnfinishedDownloads(
      workspace.store.downloadsDir,
      new Set(assignments.map((a) => a.packetId)),
      pulls.list(),
    );
    if (removed.length > 0) this.options.log('hub: deleted unfinished downloads no longer assigned', { removed });
    if (resume.length > 0) pulls.enqueue(resume);
    return { assignments, fetchedAt: new Date().toISOString(), purged, resumed: resume, notices };
  }

  async pull(packetIds: readonly string[]): Promise<PullState[]> {
    if (!(await this.client.currentUser())) throw new BridgeError('Sign in to a hub first.', 'forbidden');
    return (await this.pulls()).enqueue(packetIds);
  }

  /**
   * Uploads one submitted review; never throws for hub trouble, the outcome says what to do.
   * `workspaceId` is the workspace the review was written in: it goes only under that person's
   * session, never under whoever happens to be signed in now.
   */
  async uploadScore(
    record: ScoreRecord,
    baseRevision: number,
    workspaceId?: string,
    destination: ScoreDestination = { kind: 'live' },
  ): Promise<UploadOutcome> {
    if (workspaceId !== undefined && workspaceId !== (await this.currentWorkspace()).id) {
      return { kind: 'signed-out', reason: 'Waiting for its assessor to sign in to this hub.' };
    }
    if (destination.kind === 'norming') return this.norming.uploadScore(destination.sessionId, record, baseRevision);
    try {
      const result = await this.client.putScore(record, baseRevision);
      if (result.kind === 'stored') return result;
      return { kind: 'conflict', server: result.server, reason: result.message };
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      switch (error.code) {
        case 'unreachable':
          return { kind: 'retry', reason: error.message };
        case 'signed-out':
          return { kind: 'signed-out', reason: 'Sign in to the hub to upload.' };
        case 'not-found':
          return { kind: 'rejected', reason: 'The hub no longer lists this packet as assigned to you.' };
        default:
          return { kind: 'rejected', reason: error.message };
      }
    }
  }

  async conflicts(): Promise<ConflictView[]> {
    return this.client.conflicts().catch(toBridgeError);
  }

  async declareConflict(conflict: { school?: string; district?: string }): Promise<ConflictView> {
    return this.client
      .declareConflict({ school: conflict.school || undefined, district: conflict.district || undefined })
      .catch(toBridgeError);
  }

  async close(): Promise<void> {
    this.events.stop();
    for (const queue of this.queues.values()) queue.stopRetries();
    this.norming.stopRetries();
    await this.options.demoHub?.close();
  }

  private queueFor(workspace: OpenWorkspace): PullQueue {
    let queue = this.queues.get(workspace.id);
    if (!queue) {
      queue = new PullQueue(async (packetId, onProgress) => {
        const outcome = await pullPacket(this.client, workspace.store, packetId, onProgress, pulledFrom, isReadingCopy);
        if (outcome.ok) this.tellCurrent(workspace, () => this.options.events?.emit('library.changed', {}));
        return outcome;
      });
      const changed = queue;
      // Progress reaches the page only while its workspace is the one shown: one person's pulls are not another's business.
      queue.onChange(() =>
        this.tellCurrent(workspace, () => this.options.events?.emit('hub.pullsChanged', { pulls: changed.list() })),
      );
      this.queues.set(workspace.id, queue);
    }
    return queue;
  }

  /** Window closing times are remembered per workspace, beside its packets. */
  private retention(workspace: OpenWorkspace): EvidenceRetention {
    let retention = this.retentions.get(workspace.id);
    if (!retention) {
      retention = new EvidenceRetention(workspace.dir, workspace.store, this.options.now);
      this.retentions.set(workspace.id, retention);
    }
    return retention;
  }

  /** Runs `tell` if `workspace` is the signed-in person's (checked when the change happens). */
  private tellCurrent(workspace: OpenWorkspace, tell: () => void): void {
    void this.currentWorkspace()
      .then((current) => current.id === workspace.id && tell())
      .catch(() => undefined);
  }

  /** Tells the page the status moved (and returns it, for the call that moved it). */
  private async statusChanged(): Promise<HubStatus> {
    const status = await this.status();
    this.options.events?.emit('hub.statusChanged', status);
    return status;
  }

  /** The hub announced an assignment or window change, or its stream (re)connected: the page lists again. */
  private assignmentsChanged(): void {
    const version = ++this.assignmentsVersion;
    this.options.events?.emit('hub.assignmentsChanged', { version });
    void this.statusChanged().catch((error: unknown) =>
      this.options.log('hub: status after a change could not be read', { error: String(error) }),
    );
  }

  /**
   * Starts the demo hub; if it had to move to another port, a session signed in to its old
   * address follows it (the tokens are the demo hub's own).
   */
  private async startDemoHub(): Promise<string> {
    const demo = this.options.demoHub!;
    const url = await demo.start();
    const session = await this.options.tokens.load();
    if (demo.movedFrom && session?.hubUrl === demo.movedFrom) {
      await this.options.tokens.save({ ...session, hubUrl: url });
      await this.savePreferences({ ...(await this.preferences()), lastHubUrl: url });
    }
    return url;
  }

  /** Read once; this service is the file's only writer, so memory stays in step with it. */
  private async preferences(): Promise<HubPreferences> {
    this.remembered ??= readFile(this.preferencesFile, 'utf8').then(
      (text) => {
        try {
          return HubPreferences.parse(JSON.parse(text));
        } catch {
          return {};
        }
      },
      () => ({}),
    );
    return this.remembered;
  }

  private async savePreferences(preferences: HubPreferences): Promise<void> {
    this.remembered = Promise.resolve(preferences);
    const partial = `${this.preferencesFile}.partial`;
    await writeFile(partial, JSON.stringify(preferences), { mode: 0o600 });
    await rename(partial, this.preferencesFile);
  }
}
