import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { PkObservable } from '../observable/observable.js';
import './pk-incidents.js';
import type { PkIncidents } from './incidents.js';
import { currentCase } from '../../state/current-case.js';
import { emulatorControl } from '../../../../../test/helpers/emulator.js';
import { resetState, signInToEmulator, waitUntil, type RequestLog } from '../../../../../test/helpers/ribbon-apps.js';
import { loadThemes } from '../../test-helpers/focus-ring.js';

const part = (el: PkIncidents, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PkIncidents, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const titles = (el: PkIncidents) => parts(el, 'incident__title').map((t) => t.textContent!.trim());
const listed = (el: PkIncidents) => waitUntil(() => parts(el, 'incident').length > 0, 'the incidents are listed');

async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function open(el: PkIncidents, title: string): Promise<void> {
  await listed(el);
  await click(parts(el, 'incident').find((b) => b.textContent!.includes(title))!);
  await waitUntil(() => part(el, 'details'), 'the details');
}

describe('pk-incidents', () => {
  afterEach(async () => {
    resetState();
    await emulatorControl('faults', {});
  });

  describe('the list', () => {
    it('lists the incidents newest first', async () => {
      await signInToEmulator();
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await listed(el);
      expect(titles(el)).to.deep.equal([
        'Malware executed on ws-fin-0142',
        'Lookups of disputed.example.com',
        'Command-and-control traffic to evil.example.net',
        'Phishing e-mail from attacker@evil.example.net',
        'Suspicious sign-ins from 203.0.113.9',
        'Potentially unwanted application on lt-eng-0207',
      ]);
      await expect(el).to.be.accessible();
    });

    it('filters by status with the keyboard and searches', async () => {
      await signInToEmulator();
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await listed(el);
      part(el, 'status-filter')!.focus();
      await sendKeys({ press: 'ArrowDown' }); // New
      await waitUntil(() => titles(el).length === 1, 'one New incident');
      expect(titles(el)).to.deep.equal(['Malware executed on ws-fin-0142']);
      part(el, 'status-filter')!.focus();
      await sendKeys({ press: 'Home' });
      await waitUntil(() => titles(el).length === 6, 'every status again');
      part(el, 'search')!.focus();
      await sendKeys({ type: 'phishing' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(el).length === 1, 'the search result');
      expect(titles(el)).to.deep.equal(['Phishing e-mail from attacker@evil.example.net']);
    });

    it('keeps what is typed in the search box while the list loads, and searches for it on Enter', async () => {
      await signInToEmulator();
      await emulatorControl('faults', { latencyMs: 1500, paths: ['/ctia/incident/search'] });
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      part(el, 'search')!.focus();
      await sendKeys({ type: 'phishing' });
      await listed(el); // the list load ends after the typing and renders the toolbar again
      expect((part(el, 'search') as HTMLInputElement).value).to.equal('phishing');
      await emulatorControl('faults', {});
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(el).length === 1, 'the search result');
      expect(titles(el)).to.deep.equal(['Phishing e-mail from attacker@evil.example.net']);
    });

    it('pages through them', async () => {
      await signInToEmulator();
      const el = await fixture<PkIncidents>(html`<pk-incidents page-size="4"></pk-incidents>`);
      await listed(el);
      expect(part(el, 'pager')!.textContent).to.contain('1–4 of 6');
      await click([...part(el, 'pager')!.querySelectorAll('button')][1]!);
      await waitUntil(() => part(el, 'pager')?.textContent?.includes('5–6 of 6'), 'the second page');
      expect(titles(el)).to.deep.equal([
        'Suspicious sign-ins from 203.0.113.9',
        'Potentially unwanted application on lt-eng-0207',
      ]);
    });

    it('shows the incidents it could read when one in the page is malformed, and says one could not be read', async () => {
      await signInToEmulator();
      // The emulator takes the first item of each search reply (here the newest incident) out of the documented shape.
      await emulatorControl('faults', { invalidItemRate: 1, paths: ['/ctia/incident/search'] });
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await waitUntil(
        () => parts(el, 'incident').length > 0 && part(el, 'message--warning'),
        'the list and the notice',
      );
      expect(part(el, 'message--warning')!.textContent!.trim()).to.equal(
        '1 incident could not be read and is not shown.',
      );
      expect(titles(el)).to.deep.equal([
        'Lookups of disputed.example.com',
        'Command-and-control traffic to evil.example.net',
        'Phishing e-mail from attacker@evil.example.net',
        'Suspicious sign-ins from 203.0.113.9',
        'Potentially unwanted application on lt-eng-0207',
      ]);
      // The one left out still counts in the range.
      expect(part(el, 'pager')!.textContent).to.contain('1–6 of 6');
      expect(part(el, 'error')).to.equal(null);
      await expect(el).to.be.accessible();
      // A search whose only match cannot be read: the notice, not "No incidents match."
      part(el, 'search')!.focus();
      await sendKeys({ type: 'phishing' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(el, 'incident').length === 0 && part(el, 'message--warning'), 'the notice alone');
      expect(part(el, 'message--warning')!.textContent!.trim()).to.equal(
        '1 incident could not be read and is not shown.',
      );
      expect(el.shadowRoot!.textContent).not.to.contain('No incidents match.');
      await expect(el).to.be.accessible();
    });

    it('says what failed and retries', async () => {
      await signInToEmulator();
      // A 4xx: the SDK does not retry it, so the error shows at once.
      await emulatorControl('faults', { errorRate: 1, errorStatus: 400, paths: ['/ctia/incident'] });
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await waitUntil(() => part(el, 'error'), 'the error');
      expect(part(el, 'error')!.textContent).to.contain('HTTP 400');
      await expect(el).to.be.accessible();
      await emulatorControl('faults', {});
      await click(part(el, 'retry')!);
      await listed(el);
    });
  });

  describe('an incident', () => {
    it('opens to its details and related observables, and Escape goes back to it', async () => {
      await signInToEmulator();
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await open(el, 'Malware executed');
      expect(part(el, 'title')!.textContent).to.equal('Malware executed on ws-fin-0142');
      expect(part(el, 'description')!.textContent).to.contain('EICAR test file');
      expect(part(el, 'fields')!.textContent).to.contain('High');
      await waitUntil(() => el.shadowRoot!.querySelectorAll('pk-observable').length > 0, 'related observables');
      const related = [...el.shadowRoot!.querySelectorAll<PkObservable>('pk-observable')].map((o) => o.value);
      expect(related).to.include.members([
        '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
        '198.51.100.7',
      ]);
      expect(part(el, 'related')!.textContent).to.contain('Mentioned in its description');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(el, 'details'), 'back to the list');
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('Malware executed');
    });

    it('changes its status through the status route, which stamps the time', async () => {
      const client = await signInToEmulator();
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await open(el, 'Suspicious sign-ins');
      const id = (await client.incidents.list({ query: 'sign-ins' })).items[0]!.id;
      const select = part(el, 'status-change')!.querySelector('select')!;
      select.value = 'Closed: False Positive';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await click(part(el, 'status-change')!.querySelector('button')!);
      await waitUntil(() => part(el, 'fields')!.textContent!.includes('Closed: False Positive'), 'the new status');
      expect(part(el, 'fields')!.textContent).to.contain('Closed');
      const stored = await client.incidents.get(id);
      expect(stored.status).to.equal('Closed: False Positive');
      expect(stored.incident_time['closed']).to.be.a('string');
      await client.incidents.setStatus(id, 'Hold: Internal');
    });

    it('adds its observables to a new case, then links the current case to it', async () => {
      const log: RequestLog = [];
      const client = await signInToEmulator({ log });
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await open(el, 'Phishing e-mail');
      await waitUntil(() => part(el, 'add-new'), 'the add buttons');
      expect(part(el, 'link-note')!.textContent).to.contain('Choose a current case');
      await click(part(el, 'add-new')!);
      await waitUntil(() => currentCase.get(), 'a current case');
      const id = currentCase.get()!.id;
      const cb = await client.casebooks.get(id);
      expect(cb.observables!.map((o) => o.value)).to.include.members([
        'attacker@evil.example.net',
        'http://evil.example.net/payload.exe',
      ]);
      await waitUntil(() => part(el, 'link'), 'the link button');
      await click(part(el, 'link')!);
      await waitUntil(() => log.some((l) => /^POST \/ctia\/incident\/[^/]+\/link$/.test(l)), 'the link request');
      await client.casebooks.delete(id);
    });
  });

  describe('signed out and missing scopes', () => {
    it('offers sign-in when signed out', async () => {
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      const requested = oneEvent(el, 'pk-request-sign-in');
      await click(part(el, 'sign-in')!);
      await requested;
      await expect(el).to.be.accessible();
    });

    it('names the scope it needs', async () => {
      await signInToEmulator({ scope: 'casebook enrich:read' });
      const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
      await el.updateComplete;
      expect(part(el, 'missing-scopes')!.textContent).to.contain('private-intel/incident');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in the dark theme, list and details', async () => {
      await loadThemes();
      document.documentElement.classList.add('pk-theme-dark');
      try {
        await signInToEmulator();
        const el = await fixture<PkIncidents>(html`<pk-incidents></pk-incidents>`);
        await listed(el);
        await expect(el).to.be.accessible();
        await open(el, 'Command-and-control');
        await waitUntil(() => el.shadowRoot!.querySelectorAll('pk-observable').length > 0, 'related observables');
        await expect(el).to.be.accessible();
      } finally {
        document.documentElement.classList.remove('pk-theme-dark');
      }
    });
  });
});
