import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createOrbitalClient } from '@pivotkit/sdk';
import './pk-orbital.js';
import type { PkOrbital } from './orbital.js';
import { DEMO_CREDENTIALS, emulatorUrl } from '../../../../../test/helpers/emulator.js';
import { resetState, signInToEmulator, waitUntil } from '../../../../../test/helpers/ribbon-apps.js';
import { loadThemes } from '../../test-helpers/focus-ring.js';

const part = (el: PkOrbital, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PkOrbital, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const EVIL = { type: 'domain', value: 'evil.example.net' };

async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function orbitalClient() {
  const url = await emulatorUrl();
  return createOrbitalClient({
    baseUrl: `${url}/v0`,
    tokenProvider: async () => {
      const res = await fetch(`${url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
  });
}

describe('pk-orbital', () => {
  afterEach(() => resetState());

  it('lists the questions for a domain, each opening the Orbital console with its query', async () => {
    await signInToEmulator();
    const el = await fixture<PkOrbital>(html`<pk-orbital .observable=${EVIL}></pk-orbital>`);
    const texts = parts(el, 'question__text').map((q) => q.textContent);
    expect(texts).to.deep.equal(['Which hosts resolved evil.example.net?', 'Which hosts browsed to evil.example.net?']);
    const link = part(el, 'console-link') as HTMLAnchorElement;
    const url = new URL(link.href);
    expect(url.origin).to.equal('https://orbital.amp.cisco.com');
    expect(url.searchParams.get('sql')).to.equal(part(el, 'sql')!.textContent);
    expect(link.target).to.equal('_blank');
    expect(part(el, 'note')!.textContent).to.contain('Orbital API');
    await expect(el).to.be.accessible();
  });

  it('follows what is typed in the observable box', async () => {
    await signInToEmulator();
    const el = await fixture<PkOrbital>(html`<pk-orbital></pk-orbital>`);
    expect(part(el, 'status')!.textContent).to.contain('Enter an observable');
    part(el, 'observable')!.focus();
    await sendKeys({ type: '203.0.113.9' });
    await el.updateComplete;
    expect(parts(el, 'question__text').map((q) => q.textContent)).to.deep.equal([
      'Which hosts are connected to 203.0.113.9?',
      'Which hosts have 203.0.113.9 in their ARP cache?',
    ]);
  });

  it('runs a question live through the Orbital API and shows the hosts that matched', async () => {
    await signInToEmulator();
    const orbital = await orbitalClient();
    const el = await fixture<PkOrbital>(html`<pk-orbital .observable=${EVIL} .orbital=${orbital}></pk-orbital>`);
    await click(part(el, 'run')!);
    await waitUntil(() => part(el, 'results'), 'the results');
    expect(part(el, 'results')!.querySelector('[role="status"]')!.textContent).to.equal('3 hosts answered, 2 matches');
    expect(parts(el, 'host').map((h) => h.getAttribute('aria-label'))).to.deep.equal(['ws-fin-0142', 'lt-eng-0207']);
    expect(part(el, 'host')!.querySelector('td')!.textContent).to.equal('evil.example.net');
    await expect(el).to.be.accessible();
  });

  it('keeps what is typed in the endpoint selectors box when it renders again', async () => {
    await signInToEmulator();
    const orbital = await orbitalClient();
    const el = await fixture<PkOrbital>(html`<pk-orbital .observable=${EVIL} .orbital=${orbital}></pk-orbital>`);
    const box = part(el, 'nodes') as HTMLInputElement;
    box.select();
    await sendKeys({ type: 'host:ws-fin-0142' });
    el.requestUpdate(); // what a run's progress does, before the box loses focus
    await el.updateComplete;
    expect(box.value).to.equal('host:ws-fin-0142');
    expect(el.nodes).to.equal('host:ws-fin-0142');
  });

  it('says which scope it needs without it', async () => {
    await signInToEmulator({ scope: 'casebook enrich:read' });
    const el = await fixture<PkOrbital>(html`<pk-orbital .observable=${EVIL}></pk-orbital>`);
    expect(part(el, 'missing-scopes')!.textContent).to.contain('orbital');
    expect(part(el, 'question')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers sign-in when signed out', async () => {
    const el = await fixture<PkOrbital>(html`<pk-orbital></pk-orbital>`);
    const requested = oneEvent(el, 'pk-request-sign-in');
    await click(part(el, 'sign-in')!);
    await requested;
    await expect(el).to.be.accessible();
  });

  it('has no axe violations in the dark theme with results', async () => {
    await loadThemes();
    document.documentElement.classList.add('pk-theme-dark');
    try {
      await signInToEmulator();
      const orbital = await orbitalClient();
      const el = await fixture<PkOrbital>(html`<pk-orbital .observable=${EVIL} .orbital=${orbital}></pk-orbital>`);
      await click(part(el, 'run')!);
      await waitUntil(() => part(el, 'results'), 'the results');
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.classList.remove('pk-theme-dark');
    }
  });
});
