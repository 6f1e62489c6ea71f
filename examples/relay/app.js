// The page's whole Pivotkit set-up when a backend relay holds the secret: a tokenProvider instead of
// credentials, and the relay's URL for both API hosts.
import { configure, createClient, decorate, session } from '@pivotkit/elements/pivotkit.js';

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
// Through the shared session, so the ribbon and the casebook see the sign-in too.
session.signIn().then((ok) => {
  status.textContent = ok
    ? `Signed in through the relay (${client.session?.scopes.length ?? 0} scopes); this page holds no secret`
    : `Not signed in: ${session.get().error?.message ?? 'unknown error'}`;
});
