import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { createClient } from '@pivotkit/sdk';
import { createEmulatorHandlers } from '@pivotkit/server/msw';
import { http, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { session } from '../../packages/elements/src/state/session.js';
import { configure } from '../../packages/elements/src/config.js';
import {
  DEMO_CREDENTIALS,
  appButton,
  centre,
  deepActive,
  emulatorUrl,
  part,
  press,
  resetRibbonState,
  ribbonFixture,
  signInParts,
  signInWithDialog,
  typeCredentials,
} from './ribbon-helpers.js';
import type { PkRibbon } from '../../packages/elements/src/components/ribbon/pk-ribbon.js';

// A second API in the page itself (msw) stands for another region, with an API client the emulator process does
// not know, and fewer scopes than the demo client.
const NARROW = { clientId: 'narrow-client', clientSecret: 'narrow-secret-4c1e', scopes: ['enrich:read', 'casebook'] };

describe('<pk-ribbon> sign-in against the emulator', () => {
  let worker: ReturnType<typeof setupWorker>;
  before(async () => {
    const { handlers } = createEmulatorHandlers({ origin: location.origin, clients: [NARROW] });
    // Everything else (the emulator process, the dead port) goes to the network, without msw's warnings.
    worker = setupWorker(
      ...handlers,
      http.all('*', () => passthrough()),
    );
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true });
  });
  after(() => worker.stop());
  beforeEach(resetRibbonState);
  afterEach(() => resetMouse());

  /** nam: the emulator process; eu: the in-page API; apjc: nothing listens there. */
  async function regions() {
    const url = await emulatorUrl();
    return { nam: url, eu: location.origin, apjc: 'http://127.0.0.1:9' };
  }

  async function ribbon(): Promise<PkRibbon> {
    const el = await ribbonFixture();
    el.baseUrls = await regions();
    await el.updateComplete;
    return el;
  }

  it('signs in through the dialog with the keyboard alone, from the shortcut', async () => {
    const el = await ribbon();
    await press('Alt+Shift+KeyK');
    await typeCredentials(el, DEMO_CREDENTIALS);
    await waitUntil(() => session.get().status === 'signed-in', 'signed in', { timeout: 4000 });
    const p = signInParts(el);
    await waitUntil(() => !p.dialog.open, 'the dialog closes');
    expect(session.get().clientId).to.equal('demo-client');
    expect(session.get().region).to.equal('nam');
    expect(p.secret.value, 'the typed secret is gone from the input').to.equal('');
  });

  it('opens the credentials on a right-click of the bar or of the Casebook button', async () => {
    const el = await ribbon();
    const p = signInParts(el);
    await sendMouse({ type: 'click', button: 'right', position: centre(part(el, 'handle')) });
    await waitUntil(() => p.dialog.open, 'right-click on the bar opens it');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !p.dialog.shadowRoot!.querySelector('dialog')!.open, 'Escape closes it');
    await sendMouse({ type: 'click', button: 'right', position: centre(appButton(el, 'casebook')) });
    await waitUntil(() => p.dialog.open, 'right-click on Casebook opens it');
  });

  it('names wrong credentials, keeping the client ID and region', async () => {
    const el = await ribbon();
    await el.editCredentials();
    await typeCredentials(el, { clientId: 'demo-client', clientSecret: 'not-the-secret' });
    const p = signInParts(el);
    await waitUntil(() => p.error(), 'an error', { timeout: 4000 });
    expect(p.error()!.textContent).to.include('client ID or secret was refused');
    expect(session.get().status).to.equal('signed-out');
    expect(session.get().client, 'the refused client is dropped').to.equal(undefined);
    expect(p.clientId.value).to.equal('demo-client');
    expect(p.region.value).to.equal('nam');
    expect(p.dialog.open).to.equal(true);
    await expect(p.signIn).to.be.accessible();
  });

  it('says when the credentials belong to another region', async () => {
    const el = await ribbon();
    await el.editCredentials();
    await typeCredentials(el, { clientId: NARROW.clientId, clientSecret: NARROW.clientSecret });
    const p = signInParts(el);
    await waitUntil(() => p.error(), 'an error', { timeout: 6000 });
    expect(p.error()!.textContent).to.equal(
      'North America does not know this API client, Europe does: choose Europe as the region.',
    );
  });

  it('lists the missing scopes with what they disable', async () => {
    const el = await ribbon();
    await el.editCredentials();
    await typeCredentials(el, { clientId: NARROW.clientId, clientSecret: NARROW.clientSecret, region: 'eu' });
    const p = signInParts(el);
    await waitUntil(() => p.missing(), 'the missing scopes', { timeout: 4000 });
    const text = p.missing()!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('inspect:read: without it, Inspect (detection by the API) will not work.');
    expect(text).to.include('private-intel/incident: without it, Incidents');
    expect(text).to.include('orbital: without it, Orbital will not work.');
    expect(session.get().status).to.equal('signed-in');
    expect(session.get().region).to.equal('eu');
    await expect(p.signIn).to.be.accessible();
  });

  it('names a dead network', async () => {
    const el = await ribbon();
    await el.editCredentials();
    await typeCredentials(el, { ...DEMO_CREDENTIALS, region: 'apjc' });
    const p = signInParts(el);
    await waitUntil(() => p.error(), 'an error', { timeout: 8000 });
    expect(p.error()!.textContent).to.include('Could not reach 127.0.0.1:9');
  });

  it('shows the session and the granted scopes in Home, never the secret', async () => {
    const el = await ribbon();
    await signInWithDialog(el);
    await el.open('home');
    await waitUntil(() => el.shadowRoot!.querySelector('pk-home'), 'Home');
    const home = el.shadowRoot!.querySelector('pk-home')!;
    await home.updateComplete;
    const text = home.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('demo-client');
    expect(text).to.include('North America');
    expect(text).to.include('inspect:read Enables Inspect (detection by the API)');
    expect(text).to.include('orbital Enables Orbital');
    expect(text).not.to.include('demo-secret');
    await expect(el).to.be.accessible();
  });

  it('switches region only after signing out', async () => {
    const el = await ribbon();
    await signInWithDialog(el);
    await el.editCredentials();
    const p = signInParts(el);
    await waitUntil(() => p.dialog.open, 'open');
    expect(p.region.disabled, 'locked while signed in').to.equal(true);
    expect(p.signIn.shadowRoot!.textContent).to.include('Sign out first to switch region.');
    p.signOut()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => session.get().status === 'signed-out' && !p.region.disabled, 'signed out, region free');
    await waitUntil(() => deepActive() === p.region, 'focus moves to the region');
    expect(session.get().client).to.equal(undefined);
    p.clientId.focus();
    await typeCredentials(el, { clientId: NARROW.clientId, clientSecret: NARROW.clientSecret, region: 'eu' });
    await waitUntil(() => session.get().status === 'signed-in', 'signed in again', { timeout: 4000 });
    expect(session.get().region).to.equal('eu');
  });

  it('serves no cached verdict after signing out', async () => {
    // The page loaded hundreds of modules: make room in the resource timing buffer, which counts the calls.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(5000);
    const el = await ribbon();
    await signInWithDialog(el);
    const domain = { type: 'domain', value: `cache-check-${Date.now()}.example.com` };
    const deliberate = () =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/iroh-enrich/deliberate/observables'))
        .length;
    await session.get().client!.enrich.deliberate([domain]);
    const asked = deliberate();
    await session.get().client!.enrich.deliberate([domain]);
    expect(deliberate(), 'the second ask is served from the cache').to.equal(asked);
    await el.open('home');
    await waitUntil(() => el.shadowRoot!.querySelector('pk-home'), 'Home');
    const home = el.shadowRoot!.querySelector('pk-home')!;
    const signOut = [...home.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Sign out')!;
    signOut.click();
    await waitUntil(() => session.get().status === 'signed-out', 'signed out');
    await signInWithDialog(el);
    await session.get().client!.enrich.deliberate([domain]);
    expect(deliberate(), 'asked the service again').to.equal(asked + 1);
  });

  it('signs a host-configured client in without a dialog', async () => {
    const url = await emulatorUrl();
    let asked = 0;
    const client = createClient({
      baseUrls: { visibility: url, privateIntel: url },
      tokenProvider: async () => {
        asked++;
        const res = await fetch(`${url}/iroh/oauth2/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${btoa('demo-client:demo-secret')}`,
          },
          body: 'grant_type=client_credentials',
        });
        return res.json();
      },
    });
    configure({ client });
    const el = await ribbon();
    const signIn = part(el, 'sign-in');
    signIn.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => session.get().status === 'signed-in', 'signed in');
    expect(asked).to.equal(1);
    expect(signInParts(el).dialog.open).to.equal(false);
    expect(deepActive()).not.to.equal(signInParts(el).clientId);
  });
});
