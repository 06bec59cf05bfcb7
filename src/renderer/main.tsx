import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startHubWatch } from './app/hub-watch';
import { startAppOutbox } from './app/outbox';
import './styles/app.css';

performance.mark('anchor:renderer-start');
const container = document.getElementById('root');
if (!container) throw new Error('Anchor: the page has no #root element');
// Uploads of submitted reviews continue from wherever the last run stopped.
startAppOutbox();
startHubWatch();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
