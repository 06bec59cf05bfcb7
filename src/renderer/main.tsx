import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startHubWatch } from './app/hub-watch';
import { startAppOutbox } from './app/outbox';
import { bridge } from './bridge';
import { enterWorkspace, LOCAL_WORKSPACE, useWorkspace } from './data/workspace';
import './styles/app.css';

performance.mark('anchor:renderer-start');
const container = document.getElementById('root');
if (!container) throw new Error('Anchor: the page has no #root element');

/** Every screen belongs to one workspace: a switch of person or hub remounts them all on its database. */
function Root() {
  const workspace = useWorkspace();
  return <App key={workspace.id} />;
}

// A new run's link opened in a tab that still shows the last run differs only in its fragment,
// which browsers treat as in-page navigation: load the page again so it takes the new secrets.
window.addEventListener('hashchange', () => {
  if (window.location.hash.includes('anchor-token=')) window.location.reload();
});

// Whose work to show comes from the main process (who is signed in where) before anything is
// read; if it cannot answer, the local workspace (imported packets) is the safe one to show.
void bridge['hub.status']({})
  .then((status) => status.workspace)
  .catch(() => LOCAL_WORKSPACE)
  .then(enterWorkspace)
  .then(() => {
    // Uploads of submitted reviews continue from wherever the last run stopped.
    startAppOutbox();
    startHubWatch();
    createRoot(container).render(
      <StrictMode>
        <Root />
      </StrictMode>,
    );
  });
