import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from '@pivotkit/elements';
import '@pivotkit/elements/themes/pivotkit.css';
import { createClient } from '@pivotkit/sdk';
import { App } from './App.js';
import './style.css';

// The emulator's demo client; with the real service, use a tokenProvider and a relay (examples/relay).
const api =
  new URLSearchParams(location.search).get('api') ?? import.meta.env['VITE_PIVOTKIT_API'] ?? 'http://localhost:8787';
const client = createClient({
  baseUrls: { visibility: api, privateIntel: api },
  credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
});
configure({ client });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
