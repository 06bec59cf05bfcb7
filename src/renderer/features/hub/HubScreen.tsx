import { routeHref } from '../../app/route';
import { AssignmentsPanel } from './AssignmentsPanel';
import { ConflictsOfInterest } from './ConflictsOfInterest';
import { HubAccount } from './HubAccount';
import { NormingSessionsPanel } from '../norming-board/NormingSessionsPanel';
import { MyQualifications } from '../qualifications/MyQualifications';
import { UploadsPanel } from './UploadsPanel';
import { WindowsPanel } from '../window-dashboard/WindowsPanel';
import { useHubStatus } from './useHubStatus';

/**
 * The hub screen: account, assigned packets to download, the score outbox, conflicts of interest.
 * With startDemo (#/hub/demo, the queue's first-run "Try the demo hub"), the local demo hub starts at once.
 */
export function HubScreen({ startDemo = false }: { startDemo?: boolean }) {
  const status = useHubStatus();
  const signedIn = Boolean(status?.user);
  return (
    <div className="screen hub">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'library' })}>
          ← Packet queue
        </a>
        <h1>
          <span className="brand">Anchor</span> Hub
        </h1>
        {signedIn && (
          <nav className="topbar-actions" aria-label="Hub sections">
            <a href={routeHref({ screen: 'my-norming' })}>My norming sessions</a>
            {status?.user?.roles.includes('admin') && (
              <a href={routeHref({ screen: 'admin', section: 'windows' })}>Administration</a>
            )}
            {status?.user?.roles.some((role) => role === 'chair' || role === 'admin') && (
              <a href={routeHref({ screen: 'audit' })}>Audit trail</a>
            )}
          </nav>
        )}
      </header>
      <main className="hub-body">
        <HubAccount status={status} startDemo={startDemo} />
        <AssignmentsPanel signedIn={signedIn} />
        <UploadsPanel />
        {status?.user?.roles.includes('assessor') && <MyQualifications key={status.user.id} userId={status.user.id} />}
        {status?.user?.roles.includes('assessor') && <ConflictsOfInterest />}
        {status?.user?.roles.some((role) => role === 'facilitator' || role === 'admin') && <NormingSessionsPanel />}
        {status?.user?.roles.some((role) => role === 'chair' || role === 'admin') ? (
          <WindowsPanel />
        ) : (
          status?.user?.roles.includes('lead') && <WindowsPanel backReadingOnly />
        )}
      </main>
    </div>
  );
}
