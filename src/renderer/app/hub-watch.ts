import type { HubStatus } from '../../shared/contract/hub-session';
import { bridge } from '../bridge';
import { db } from '../data/db';
import { refreshAssignments, rememberHubStatus } from '../data/hub-account';
import { mirrorLibrary } from '../data/library-sync';

let started = false;

/**
 * The one place the screens learn the hub's state from. The main process listens to the hub's
 * event stream and pushes what changed (hub.statusChanged, hub.assignmentsChanged,
 * library.changed); this saves the status in Dexie, where every screen reads it (offline too,
 * and including a session that ended), lists the assignments again when they changed (new ones
 * appear, unassigned ones and closed windows' evidence go), and mirrors the library when the main
 * process added or removed packets.
 */
export function startHubWatch(): void {
  if (started) return;
  started = true;
  let seenVersion: number | undefined;
  let seenWorkspace: string | undefined;
  const warn = (error: unknown) => console.warn('hub watch:', error);

  const saveStatus = async (reported: HubStatus) => {
    // A different person or hub switches every screen to that workspace (rememberHubStatus);
    // a status read before the one shown is dropped, and the newer one carries on.
    const status = await rememberHubStatus(reported);
    // …whose assignments are then listed, like any change the hub announced.
    if (status.user && (status.assignmentsVersion !== seenVersion || status.workspace.id !== seenWorkspace)) {
      seenVersion = status.assignmentsVersion;
      seenWorkspace = status.workspace.id;
      await refreshAssignments();
    }
  };

  bridge.on('hub.statusChanged', (status) => void saveStatus(status).catch(warn));
  bridge.on('hub.assignmentsChanged', ({ version }) => {
    if (version === seenVersion) return;
    seenVersion = version;
    void refreshAssignments().catch(warn);
  });
  bridge.on('library.changed', () => {
    void bridge['packets.list']({})
      .then((packets) => mirrorLibrary(db, packets))
      .catch(warn);
  });
  // Once at start: the last run's saved status may be stale (signed out, browser mode restarted),
  // and a change may have come in since the screens last fetched the list.
  void bridge['hub.status']({}).then(saveStatus).catch(warn);
}
