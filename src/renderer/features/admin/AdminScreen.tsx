import { ADMIN_SECTIONS, routeHref, type AdminSection } from '../../app/route';
import { useHubStatus } from '../hub/useHubStatus';
import { AssignmentsSection } from './AssignmentsSection';
import { PacketsSection } from './PacketsSection';
import { QualificationsSection } from './QualificationsSection';
import { UsersSection } from './UsersSection';
import { WindowsSection } from './WindowsSection';
import './admin.css';

const TITLES: Record<AdminSection, string> = {
  windows: 'Review windows',
  packets: 'Packets',
  users: 'Users',
  assignments: 'Assignments',
  qualifications: 'Qualifications',
};

/**
 * Running the hub (admins): one section at a time, chosen from a plain list of links so each is
 * a reload-safe address and the keyboard reaches it with Tab. The hub refuses anyone else anyway;
 * the check here only spares them a screen of refusals.
 */
export function AdminScreen({ section }: { section: AdminSection }) {
  const status = useHubStatus();
  const isAdmin = status?.user?.roles.includes('admin') ?? false;
  return (
    <div className="screen admin">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'hub' })}>
          ← Hub
        </a>
        <h1>
          <span className="brand">Anchor</span> Administration
        </h1>
      </header>
      {status === undefined ? (
        <main className="admin-body">
          <p>Loading…</p>
        </main>
      ) : !isAdmin ? (
        <main className="admin-body">
          <p role="alert">
            Administration needs an admin account. <a href={routeHref({ screen: 'hub' })}>Sign in on the hub screen</a>{' '}
            with one.
          </p>
        </main>
      ) : (
        <div className="admin-layout">
          <nav aria-label="Administration sections" className="admin-nav">
            <ul>
              {ADMIN_SECTIONS.map((s) => (
                <li key={s}>
                  <a
                    href={routeHref({ screen: 'admin', section: s })}
                    aria-current={s === section ? 'page' : undefined}
                  >
                    {TITLES[s]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main className="admin-body" aria-labelledby="admin-section-title">
            <h2 id="admin-section-title">{TITLES[section]}</h2>
            {section === 'windows' && <WindowsSection />}
            {section === 'packets' && <PacketsSection />}
            {section === 'users' && <UsersSection />}
            {section === 'assignments' && <AssignmentsSection />}
            {section === 'qualifications' && <QualificationsSection />}
          </main>
        </div>
      )}
    </div>
  );
}
