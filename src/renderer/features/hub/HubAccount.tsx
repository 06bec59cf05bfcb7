import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HubStatus } from '../../../shared/contract/hub-bridge';
import { wakeOutbox } from '../../app/outbox';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { refreshAssignments, rememberHubStatus } from '../../data/hub-account';
import { retryNow } from '../../data/outbox';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from './ErrorLine';

const DEMO_PASSWORD = 'anchor-demo';

/** Sign-in form, or who is signed in where; on first run, the offer of a local demo hub. */
export function HubAccount({
  status,
  startDemo: startDemoNow = false,
}: {
  status: HubStatus | undefined;
  startDemo?: boolean;
}) {
  const [hubUrl, setHubUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'sign-in' | 'demo' | 'sign-out'>();
  const [error, setError] = useState<string>();

  // Prefill from the last hub and user name used (never the password).
  useEffect(() => {
    if (status?.hubUrl) setHubUrl((current) => current || status.hubUrl!);
    if (status?.lastUsername) setUsername((current) => current || status.lastUsername!);
  }, [status?.hubUrl, status?.lastUsername]);

  const run = async (kind: NonNullable<typeof busy>, action: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void run('sign-in', async () => {
      await rememberHubStatus(await bridge['hub.signIn']({ hubUrl, username, password }));
      setPassword('');
      await refreshAssignments();
      // Uploads that waited for a sign-in can go now.
      await retryNow();
      wakeOutbox();
    });
  };

  const startDemo = () =>
    void run('demo', async () => {
      const next = await rememberHubStatus(await bridge['hub.startDemo']({}));
      setHubUrl(next.demoHub.url ?? '');
      setUsername(next.lastUsername ?? 'assessor1');
      setPassword(DEMO_PASSWORD);
    });

  // Arrived by "Try the demo hub" (#/hub/demo): start it once the status says it is offered.
  const demoAsked = useRef(false);
  useEffect(() => {
    if (!startDemoNow || demoAsked.current || !status) return;
    demoAsked.current = true;
    // A reload shows the hub screen, not another start.
    window.history.replaceState(null, '', routeHref({ screen: 'hub' }));
    if (!status.user && status.demoHub.available) startDemo();
  });

  if (status?.user) {
    return (
      <section className="hub-card" aria-labelledby="hub-account-title">
        <h2 id="hub-account-title">Account</h2>
        <p>
          Signed in to <strong>{status.hubUrl}</strong> as <strong>{status.user.username}</strong>{' '}
          <span className="muted">({status.user.roles.join(', ')})</span>
        </p>
        <p className="muted small">
          Your hub session is kept {status.tokenProtection}; these pages never see it.{' '}
          {status.live
            ? 'Connected live: new assignments appear as the hub announces them.'
            : 'Not connected live right now; assignments refresh when you open this screen or the queue.'}
        </p>
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() =>
            void run('sign-out', async () => {
              await rememberHubStatus(await bridge['hub.signOut']({}));
            })
          }
        >
          Sign out
        </button>
        <ErrorLine error={error} />
      </section>
    );
  }

  const offerDemo = status?.demoHub.available && !status.demoHub.url;
  return (
    <section className="hub-card" aria-labelledby="hub-account-title">
      <h2 id="hub-account-title">Sign in to a hub</h2>
      <p className="muted small">
        The hub is where your organisation assigns packets and collects scores. Packets you download stay available
        offline; scores wait in the outbox until the hub can take them.
      </p>
      {offerDemo && (
        <div className="notice demo-offer">
          <p>
            <strong>No hub yet?</strong> Start a local demo hub on this computer, with demo packets assigned to{' '}
            <code>assessor1</code> … <code>assessor4</code> (password <code>{DEMO_PASSWORD}</code>).
          </p>
          <button type="button" onClick={startDemo} disabled={busy !== undefined}>
            {busy === 'demo' ? 'Starting the demo hub…' : 'Start a local demo hub'}
          </button>
        </div>
      )}
      {status?.demoHub.url && (
        <p className="muted small">
          The local demo hub is running at <code>{status.demoHub.url}</code> (password <code>{DEMO_PASSWORD}</code>).
        </p>
      )}
      <form className="sign-in" onSubmit={signIn}>
        <label>
          Hub address
          <input
            type="url"
            value={hubUrl}
            required
            placeholder="https://hub.example.org"
            onChange={(e) => setHubUrl(e.target.value)}
          />
        </label>
        <label>
          User name
          <input
            value={username}
            required
            autoComplete="username"
            autoCapitalize="none"
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            required
            autoComplete="current-password"
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy !== undefined}>
          {busy === 'sign-in' ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ErrorLine error={error} />
    </section>
  );
}
