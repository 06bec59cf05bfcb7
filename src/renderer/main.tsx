import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';

performance.mark('anchor:renderer-start');
const container = document.getElementById('root');
if (!container) throw new Error('Anchor: the page has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
