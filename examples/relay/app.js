// The page's whole Pivotkit set-up when a backend relay holds the secret: a tokenProvider instead of
// credentials, and the relay's URL for both API hosts.
import { configure, createClient, decorate } from '@pivotkit/elements/pivotkit.js';

const { relay } = await (await fetch('./config.json')).json();
const client = createClient({
  baseUrls: { visibility: relay, privateIntel: relay },
  // The relay answers with a placeholder token and the real scopes and lifetime; it adds the real token
  // to each forwarded call itself.
  tokenProvider: async () => {
    const res = await fetch(`${relay}/iroh/oauth2/token`, { method: 'POST' });
    if (!res.ok) throw new Error(`the relay refused a token (${res.status})`);
    return res.json();
  },
});
configure({ client });
decorate(document.querySelector('#alerts'));
const status = document.querySelector('#session');
client.signIn().then(
  (s) => (status.textContent = `Signed in through the relay (${s.scopes.length} scopes); this page holds no secret`),
  (e) => (status.textContent = `Not signed in: ${e.message}`),
);
