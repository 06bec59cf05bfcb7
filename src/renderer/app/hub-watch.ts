import { bridge } from '../bridge';
import { db } from '../data/db';
import { HUB_STATUS_KEY, refreshAssignments, rememberHubStatus } from '../data/hub-account';

/** How often the page asks the main process (a local call; the main process holds the hub's event stream). */
const WATCH_MS = 3_000;

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * The one place the screens learn the hub's state from: the main process listens to the hub's
 * event stream and counts assignment and window changes; when the count moves (and when the page
 * starts), the assignments are fetched again (new ones appear, unassigned ones and closed
 * windows' evidence go). The status it saves in Dexie is what every screen shows, including a
 * session that ended (signed out elsewhere, or browser mode restarted).
 */
export function startHubWatch(): void {
  if (timer) return;
  let seenVersion: number | undefined;
  let seenWorkspace: string | undefined;
  const check = async () => {
    const status = await bridge['hub.status']({});
    const known = (await db.settings.get(HUB_STATUS_KEY))?.value;
    if (JSON.stringify(known) !== JSON.stringify(status)) await rememberHubStatus(status);
    // The first look after the page loads refreshes too: a change may have come in since the
    // screens fetched the list.
    // …and so does a switch to another person's workspace (rememberHubStatus switched it).
    if (status.user && (status.assignmentsVersion !== seenVersion || status.workspace.id !== seenWorkspace)) {
      await refreshAssignments();
    }
    seenVersion = status.assignmentsVersion;
    seenWorkspace = status.workspace.id;
  };
  const run = () => void check().catch((error: unknown) => console.warn('hub watch:', error));
  run(); // at once: the last run's saved status may be stale (signed out, browser mode restarted)
  timer = setInterval(run, WATCH_MS);
}
