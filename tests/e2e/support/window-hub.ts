import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningHub } from '../../../src/hub/server';
import { createUser } from '../../../src/hub/services/users';
import type { Role } from '../../../src/shared/contract/hub-session';
import { expandDashboard } from '../../../src/shared/committee/dashboard-wire';
import type { DashboardWire, WindowDashboard } from '../../../src/shared/contract/window-dashboard';
import { startHubFromTemplate } from '../../support/hub-start';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../../support/packets';
import { hubApi } from './hub-api';

/** The password of every account on a window hub. */
export const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

export interface WindowHubOptions<Name extends string> {
  /** Names the temporary folder (anchor-<prefix>-…). */
  prefix: string;
  /** Every account and its roles; the first admin sets things up, the first chair reads the dashboard. */
  users: Record<Name, Role[]>;
  window: { name: string; closesInDays: number; decisionsInDays: number; scoringPolicy?: unknown };
}

export interface WindowHub<Name extends string> {
  running: RunningHub;
  url: string;
  windowId: string;
  windowName: string;
  /** Account name → user id. */
  ids: Record<Name, string>;
  /** A hub call as that account; throws on anything but 2xx. */
  as<T = unknown>(who: Name, method: string, path: string, body?: unknown): Promise<T>;
  /** The HTTP status of a GET as that account (for the refusals). */
  status(who: Name, path: string): Promise<number>;
  /** Uploads a packet of the test credential for this candidate (optionally from a school); returns its id. */
  upload(pseudonym: string, options?: { school?: string }): Promise<string>;
  /** Assigns a packet by hand to an assessor in the window. */
  assign(packetId: string, who: Name): Promise<unknown>;
  /**
   * Uploads a submitted score on the one criterion ("design") through the hub's PUT, as that
   * assessor: "Not yet" below Proficient, feedback naming the assessor; `minutes` spent on it when given.
   */
  score(who: Name, packetId: string, levelId: string, options?: { minutes?: number }): Promise<unknown>;
  /** The window's dashboard as the first chair. */
  dashboard(): Promise<WindowDashboard>;
  /** Waits (up to 10 s) until the dashboard passes the check: routing runs after an upload's answer. */
  until(check: (dashboard: WindowDashboard) => boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real hub over HTTP with accounts and one open review window, for the committee's end-to-end
 * stories. Tokens are issued in-process (no sign-in throttle); everything else goes over the
 * hub's real routes, as the apps' calls would.
 */
export async function startWindowHub<Name extends string>(options: WindowHubOptions<Name>): Promise<WindowHub<Name>> {
  const dir = await tempDir(`anchor-${options.prefix}-`);
  const running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  const names = Object.keys(options.users) as Name[];
  const ids = {} as Record<Name, string>;
  const tokens = {} as Record<Name, string>;
  for (const name of names) {
    const user = await createUser(
      running.hub,
      { username: name, password: PASSWORD, roles: options.users[name] },
      null,
    );
    ids[name] = user.id;
    tokens[name] = (await running.hub.tokens.signIn(user.id)).accessToken;
  }
  const first = (role: Role): Name => {
    const name = names.find((n) => options.users[n].includes(role));
    if (!name) throw new Error(`the window hub needs an account with the role ${role}`);
    return name;
  };
  const admin = first('admin');
  const as = <T>(who: Name, method: string, path: string, body?: unknown) =>
    hubApi<T>(running.url, method, path, tokens[who], body);

  const now = running.hub.now();
  const { name: windowName, closesInDays, decisionsInDays, scoringPolicy } = options.window;
  const window = await as<{ id: string }>(admin, 'POST', '/api/v1/windows', {
    name: windowName,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + closesInDays * DAY).toISOString(),
    decisionsDueAt: new Date(now + decisionsInDays * DAY).toISOString(),
    ...(scoringPolicy ? { scoringPolicy } : {}),
  });
  const files = await defaultFiles();
  const dashboard = async () =>
    expandDashboard(await as<DashboardWire>(first('chair'), 'GET', `/api/v1/windows/${window.id}/dashboard`));

  return {
    running,
    url: running.url,
    windowId: window.id,
    windowName,
    ids,
    as,
    status: async (who, path) =>
      (await fetch(`${running.url}${path}`, { headers: { Authorization: `Bearer ${tokens[who]}` } })).status,
    async upload(pseudonym, { school } = {}) {
      const packetId = randomUUID();
      const file = await writePacket(dir, `${packetId}.anchor`, {
        files,
        manifest: { ...manifestFor(files, packetId), candidate: { pseudonym } },
      });
      const query = school ? `?school=${encodeURIComponent(school)}` : '';
      await as(admin, 'POST', `/api/v1/packets${query}`, new Uint8Array(await readFile(file)));
      return packetId;
    },
    assign: (packetId, who) =>
      as(admin, 'POST', '/api/v1/assignments', { windowId: window.id, packetId, assessorId: ids[who] }),
    score(who, packetId, levelId, { minutes } = {}) {
      const timing =
        minutes === undefined
          ? {}
          : {
              createdAt: '2026-10-02T09:00:00.000Z',
              submittedAt: new Date(Date.parse('2026-10-02T09:00:00.000Z') + minutes * 60_000).toISOString(),
            };
      const record = scoreRecord(packetId, who, {
        criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the lesson video.' }],
        decision: { kind: levelId === 'l1' || levelId === 'l2' ? 'not-yet' : 'earned' },
        candidateFeedback: { overall: `${who}: the lesson plan is clear.`, byCriterion: [] },
        ...timing,
      });
      return as(who, 'PUT', `/api/v1/scores/${record.id}`, { baseRevision: 0, record });
    },
    dashboard,
    async until(check) {
      for (let i = 0; i < 400 && !check(await dashboard()); i++) await new Promise((r) => setTimeout(r, 25));
    },
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
