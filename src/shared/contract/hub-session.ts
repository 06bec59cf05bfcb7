import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';
import { Workspace } from './workspace';

// Signing in to a hub: the hub's session routes, and the bridge's view of the session (tokens
// never cross the bridge; the main process keeps them).

/**
 * What an account may do. A `lead` (scoring lead) back-reads scored packets; `platform` is the
 * issuing organisation's machine account, which reads released outcomes only.
 */
export const Role = z.enum(['assessor', 'facilitator', 'chair', 'admin', 'lead', 'platform'], {
  error: 'must be one of assessor, facilitator, chair, admin, lead, platform',
});
export type Role = z.infer<typeof Role>;

export const Username = z.string({ error: 'must be text' }).regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
  error: 'must be 2–64 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit',
});

// ── on the hub ────────────────────────────────────────────────────────────────────────────
export const SignInRequest = z.strictObject({
  username: z.string({ error: 'must be text' }).min(1).max(64),
  password: z.string({ error: 'must be text' }).min(1).max(1024),
});
export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const UserView = z.strictObject({ id: Uuid, username: z.string(), roles: z.array(Role) });
export type UserView = z.infer<typeof UserView>;

export const SessionResponse = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: IsoDateTime,
  refreshTokenExpiresAt: IsoDateTime,
  user: UserView,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

// ── over the bridge ───────────────────────────────────────────────────────────────────────
export const HubStatus = z.strictObject({
  /** The signed-in account, or null. */
  user: UserView.nullable(),
  /** The hub signed in to, else the last one used (to prefill the sign-in form). */
  hubUrl: z.string().nullable(),
  /** The last user name signed in with, to prefill the form. */
  lastUsername: z.string().nullable(),
  /** How tokens are protected at rest, for the hub screen ("sealed by the OS key store (…)"). */
  tokenProtection: z.string(),
  /** True while the hub's event stream is open: new assignments show up as they happen. */
  live: z.boolean(),
  /**
   * Grows with every assignment or window change the hub announced, and with every (re)connection
   * of the event stream (changes while it was down went unseen); the renderer refreshes when it moves.
   */
  assignmentsVersion: z.number().int().min(0),
  /** The local demo hub: offered when no hub is configured (first run). */
  demoHub: z.strictObject({ available: z.boolean(), url: z.string().nullable() }),
  /** Whose work is shown: the signed-in user's workspace, else the local one (imported packets). */
  workspace: Workspace,
  /**
   * When this status was read, in the main process's order: `run` is new with every start of it,
   * `sequence` grows with every status it reads. The page keeps the newest, so a slow answer read
   * before a sign-in cannot arrive after it and sign the screens out again.
   */
  revision: z.strictObject({ run: z.string().min(1), sequence: z.number().int().min(0) }),
});
export type HubStatus = z.infer<typeof HubStatus>;

export const SignInInput = z.strictObject({
  hubUrl: z
    .string()
    .trim()
    .min(1, { error: 'enter the hub address' })
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: 'must be an http:// or https:// address, such as https://hub.example.org',
      }),
    ),
  username: z.string().trim().min(1, { error: 'enter your user name' }).max(64),
  password: z.string().min(1, { error: 'enter your password' }).max(1024),
});

export const HUB_SESSION_CHANNELS = {
  'hub.status': { input: z.strictObject({}), output: HubStatus },
  /** The password passes through once; the main process keeps only the hub's tokens. */
  'hub.signIn': { input: SignInInput, output: HubStatus },
  'hub.signOut': { input: z.strictObject({}), output: HubStatus },
  /** Starts (or reconnects to) the local demo hub offered on first run. */
  'hub.startDemo': { input: z.strictObject({}), output: HubStatus },
} as const;

export const HUB_SESSION_EVENTS = {
  /** Sign-in, sign-out, the hub's event stream opening or dropping, or an assignment change counted. */
  'hub.statusChanged': HubStatus,
} as const;
