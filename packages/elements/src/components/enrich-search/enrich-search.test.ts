import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { PkObservable } from '../observable/observable.js';
import './pk-enrich-search.js';
import type { PkEnrichSearch } from './enrich-search.js';
import { currentCase } from '../../state/current-case.js';
import { MODULE_IDS, emulatorControl } from '../../../../../test/helpers/emulator.js';
import { settings } from '../../state/settings.js';
import {
  paste,
  resetState,
  signInToEmulator,
  waitUntil,
  type RequestLog,
} from '../../../../../test/helpers/ribbon-apps.js';
import { loadThemes } from '../../test-helpers/focus-ring.js';

const TEXT = `Alert 4711: ws-fin-0142 resolved evil.example.net (198.51.100.7) and fetched
hxxp://evil.example.net/payload.exe; the user also visited phish.example.org and cisco.com. Again: 198.51.100.7.`;

const part = (el: PkEnrichSearch, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PkEnrichSearch, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const textarea = (el: PkEnrichSearch) => el.shadowRoot!.querySelector('textarea')!;
const observables = (el: PkEnrichSearch) => [...el.shadowRoot!.querySelectorAll<PkObservable>('pk-observable')];

async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function pasted(el: PkEnrichSearch, text: string): Promise<void> {
  paste(textarea(el), text);
  await el.updateComplete;
}

describe('pk-enrich-search', () => {
  afterEach(async () => {
    resetState();
    await emulatorControl('faults', {});
  });

  describe('before anything is sent', () => {
    it('lists the pasted observables de-duplicated, with what enriching will send, and sends nothing', async () => {
      const log: RequestLog = [];
      await signInToEmulator({ log });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      const before = log.length;
      await pasted(el, TEXT);
      expect(observables(el).map((o) => `${o.type}:${o.value}`)).to.deep.equal([
        'domain:evil.example.net',
        'ip:198.51.100.7',
        'url:http://evil.example.net/payload.exe',
        'domain:phish.example.org',
        'domain:cisco.com',
      ]);
      expect(part(el, 'summary')!.textContent).to.match(/^5 observables, will send 5 enrich requests to /);
      expect(part(el, 'note')!.textContent).to.contain('2 duplicates removed');
      expect(log.slice(before)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('reads one value per line as bulk input', async () => {
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      textarea(el).focus();
      await sendKeys({ type: 'evil.example.net' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'invoice.zip' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'nonsense' });
      await el.updateComplete;
      expect(observables(el).map((o) => o.value)).to.deep.equal(['evil.example.net', 'invoice.zip']);
      expect(part(el, 'note')!.textContent).to.contain('Not an observable: nonsense');
    });

    it('asks the Inspect API when pasted text has no observable it can find', async () => {
      const log: RequestLog = [];
      await signInToEmulator({ log });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, 'nothing to see here');
      await waitUntil(() => log.includes('POST /iroh/iroh-inspect/inspect'), 'inspect is asked');
      await waitUntil(() => part(el, 'status')?.textContent?.includes('Inspect API'), 'the answer shows');
      expect(textarea(el).value).to.equal('nothing to see here');
    });

    it('asks the Inspect API when the analyst asks, and lists what it found', async () => {
      const log: RequestLog = [];
      await signInToEmulator({ log });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, 'see cisco.com');
      await click(part(el, 'inspect')!);
      await waitUntil(() => log.includes('POST /iroh/iroh-inspect/inspect'), 'inspect is asked');
      await waitUntil(() => observables(el).some((o) => o.value === 'cisco.com'), 'its observables are listed');
    });
  });

  describe('enriching', () => {
    it('shows verdicts and each module as it answers, and counts the modules honestly next time', async () => {
      await signInToEmulator();
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, TEXT);
      await click(part(el, 'enrich')!);
      await waitUntil(() => observables(el).every((o) => o.verdict), 'every observable has a verdict');
      const byValue = new Map(observables(el).map((o) => [o.value, o.verdict!.dispositionName]));
      expect(byValue.get('evil.example.net')).to.equal('Malicious');
      expect(byValue.get('cisco.com')).to.equal('Clean');
      const modules = parts(el, 'module').map((m) => m.textContent!.trim());
      expect(modules.some((m) => m.startsWith('Reputation Feed:'))).to.equal(true);
      expect(modules.some((m) => m.startsWith('DNS Shield:'))).to.equal(true);
      await expect(el).to.be.accessible();
      // The modules are known now: the next list says how many.
      await click(part(el, 'clear')!);
      await pasted(el, 'cisco.com');
      expect(part(el, 'summary')!.textContent).to.equal('1 observable, will send 1 enrich request to 3 modules');
    });

    it('asks only the modules chosen in the settings, and drops their verdicts when the choice changes', async () => {
      await signInToEmulator();
      settings.set({ mids: [MODULE_IDS.dns] });
      try {
        const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
        await pasted(el, 'evil.example.net\ndisputed.example.com');
        expect(part(el, 'summary')!.textContent).to.equal('2 observables, will send 2 enrich requests to 1 module');
        await click(part(el, 'enrich')!);
        await waitUntil(() => observables(el).every((o) => o.verdict), 'every observable has a verdict');
        expect(parts(el, 'module').map((m) => m.textContent!.split(':')[0])).to.deep.equal(['DNS Shield']);
        for (const o of observables(el)) expect(o.verdict!.modules.map((m) => m.module)).to.deep.equal(['DNS Shield']);
        // Another choice, without a reload: the old verdicts go, the next Enrich asks the new module.
        settings.set({ mids: [MODULE_IDS.reputation] });
        await el.updateComplete;
        expect(observables(el).some((o) => o.verdict)).to.equal(false);
        expect(parts(el, 'module')).to.have.length(0);
        await click(part(el, 'enrich')!);
        await waitUntil(() => observables(el).every((o) => o.verdict), 'verdicts from the new module');
        expect(parts(el, 'module').map((m) => m.textContent!.split(':')[0])).to.deep.equal(['Reputation Feed']);
        const disputed = observables(el).find((o) => o.value === 'disputed.example.com')!;
        expect(disputed.verdict!.dispositionName).to.equal('Clean');
        await expect(el).to.be.accessible();
      } finally {
        settings.reset();
      }
    });

    it('cancels, keeping what arrived and the text', async () => {
      await signInToEmulator();
      await emulatorControl('faults', { latencyMs: 3000, paths: ['/iroh/iroh-enrich/'] });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, TEXT);
      await click(part(el, 'enrich')!);
      await waitUntil(() => part(el, 'cancel'), 'the Cancel button');
      await click(part(el, 'cancel')!);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Enrichment cancelled'), 'the cancel is said');
      expect(textarea(el).value).to.equal(TEXT);
      expect(part(el, 'enrich')).to.exist;
    });

    it('says what failed and keeps the text when the API fails', async () => {
      await signInToEmulator();
      await emulatorControl('faults', { errorRate: 1, errorStatus: 500, paths: ['/iroh/iroh-enrich/'] });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, TEXT);
      await click(part(el, 'enrich')!);
      await waitUntil(() => part(el, 'error'), 'the error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'error')!.textContent).to.match(/HTTP 500/);
      expect(textarea(el).value).to.equal(TEXT);
      await expect(el).to.be.accessible();
    });
  });

  describe('adding to a case', () => {
    it('adds all to a new case, which becomes current, then to the current case', async () => {
      const client = await signInToEmulator();
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, 'evil.example.net 198.51.100.7');
      await click(part(el, 'add-all-new')!);
      await waitUntil(() => currentCase.get(), 'a current case');
      const id = currentCase.get()!.id;
      let cb = await client.casebooks.get(id);
      expect(cb.observables).to.deep.equal([
        { type: 'domain', value: 'evil.example.net' },
        { type: 'ip', value: '198.51.100.7' },
      ]);
      await waitUntil(() => part(el, 'add-all'), 'the current-case button');
      expect(part(el, 'add-all')!.textContent).to.contain(cb.title!);
      await click(part(el, 'clear')!);
      await pasted(el, 'phish.example.org');
      await click(part(el, 'add-all')!);
      await waitUntil(async () => {
        cb = await client.casebooks.get(id);
        return cb.observables?.length === 3;
      }, 'the current case has the third observable');
      await client.casebooks.delete(id);
    });

    it('gives a new case the default TLP from Settings', async () => {
      const client = await signInToEmulator();
      try {
        for (const tlp of ['red', 'white'] as const) {
          settings.set({ defaultTlp: tlp });
          currentCase.set(null);
          const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
          await pasted(el, 'evil.example.net');
          await click(part(el, 'add-all-new')!);
          await waitUntil(() => currentCase.get(), 'a current case');
          expect((await client.casebooks.get(currentCase.get()!.id)).tlp, `with ${tlp} in Settings`).to.equal(tlp);
        }
      } finally {
        settings.reset();
      }
    });

    it('says so when adding fails, keeping the text', async () => {
      await signInToEmulator();
      await emulatorControl('faults', { errorRate: 1, errorStatus: 503, paths: ['/ctia/casebook'] });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, 'evil.example.net');
      await click(part(el, 'add-all-new')!);
      await waitUntil(() => part(el, 'error'), 'the error');
      expect(part(el, 'error')!.textContent).to.contain('Could not add to the case');
      expect(textarea(el).value).to.equal('evil.example.net');
    });
  });

  describe('signed out and missing scopes', () => {
    it('finds observables signed out and offers sign-in instead of Enrich', async () => {
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, 'evil.example.net');
      expect(observables(el)).to.have.length(1);
      expect((part(el, 'enrich') as HTMLButtonElement).disabled).to.equal(true);
      const requested = oneEvent(el, 'pk-request-sign-in');
      await click(part(el, 'sign-in')!);
      await requested;
      await expect(el).to.be.accessible();
    });

    it('names the scope enriching needs when the token lacks it', async () => {
      await signInToEmulator({ scope: 'casebook inspect:read' });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, 'evil.example.net');
      expect(part(el, 'missing-scopes')!.textContent).to.contain('enrich/observables/deliberate:read');
      expect((part(el, 'enrich') as HTMLButtonElement).disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard and themes', () => {
    it('finds with Ctrl+Enter and enriches with the keyboard alone', async () => {
      await signInToEmulator();
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      textarea(el).focus();
      await sendKeys({ type: 'cisco.com' });
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      part(el, 'enrich')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => observables(el)[0]?.verdict, 'a verdict');
    });

    it('makes both rows of actions toolbars: one Tab stop each, arrows between the buttons', async () => {
      await signInToEmulator();
      currentCase.set({ id: 'casebook-toolbar-test', title: 'Toolbar test' });
      const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
      await pasted(el, TEXT);
      const focused = () => el.shadowRoot!.activeElement?.getAttribute('part');
      const press = async (key: string) => {
        await sendKeys({ press: key });
        await el.updateComplete;
      };
      expect(part(el, 'toolbar')!.getAttribute('role')).to.equal('toolbar');
      expect(part(el, 'actions')!.getAttribute('role')).to.equal('toolbar');
      // Named by the text box's label, and as the list they act on.
      const by = el.shadowRoot!.getElementById(part(el, 'toolbar')!.getAttribute('aria-labelledby')!);
      expect(by?.textContent).to.equal('Enrichment search');
      expect(part(el, 'actions')!.getAttribute('aria-label')).to.equal('Observables');
      textarea(el).focus();
      await press('Tab');
      expect(focused()).to.equal('detect');
      await press('ArrowRight');
      expect(focused()).to.equal('inspect');
      await press('ArrowRight');
      expect(focused()).to.equal('clear');
      await press('ArrowRight');
      expect(focused()).to.equal('detect');
      await press('End');
      expect(focused()).to.equal('clear');
      expect(part(el, 'toolbar')!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
      // Tab goes on to the next toolbar, not to the next button.
      await press('Tab');
      expect(focused()).to.equal('enrich');
      await press('ArrowRight');
      expect(focused()).to.equal('add-all');
      await press('ArrowRight');
      expect(focused()).to.equal('add-all-new');
      await press('Home');
      expect(focused()).to.equal('enrich');
      await press('ArrowLeft');
      expect(focused()).to.equal('add-all-new');
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(focused()).to.equal('clear');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in the dark theme with results', async () => {
      await loadThemes();
      document.documentElement.classList.add('pk-theme-dark');
      try {
        await signInToEmulator();
        const el = await fixture<PkEnrichSearch>(html`<pk-enrich-search></pk-enrich-search>`);
        await pasted(el, TEXT);
        await click(part(el, 'enrich')!);
        await waitUntil(() => observables(el).every((o) => o.verdict), 'verdicts');
        await expect(el).to.be.accessible();
      } finally {
        document.documentElement.classList.remove('pk-theme-dark');
      }
    });
  });
});
