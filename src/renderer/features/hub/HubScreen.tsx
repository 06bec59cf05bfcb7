import { routeHref } from '../../app/route';
import { AssignmentsPanel } from './AssignmentsPanel';
import { ConflictsOfInterest } from './ConflictsOfInterest';
import { HubAccount } from './HubAccount';
import { UploadsPanel } from './UploadsPanel';
import { useHubStatus } from './useHubStatus';

/** The hub screen: account, assigned packets to download, the score outbox, conflicts of interest. */
export function HubScreen() {
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
      </header>
      <main className="hub-body">
        <HubAccount status={status} />
        <AssignmentsPanel signedIn={signedIn} />
        <UploadsPanel />
        {status?.user?.roles.includes('assessor') && <ConflictsOfInterest />}
      </main>
    </div>
  );
}
