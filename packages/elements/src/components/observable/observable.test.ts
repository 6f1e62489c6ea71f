import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createClient, memoryVerdictCache, type Observable, type ObservableVerdict } from '@pivotkit/sdk';
import './pk-observable.js';
import { OBSERVABLE_MIME, type PkObservable } from './observable.js';
import { closePivotMenu, getPivotMenu } from '../pivot-menu/shared.js';
import { configure } from '../../config.js';
import { registerTranslation } from '../../i18n/index.js';
import en from '../../test-helpers/english.js';
import { countingClient } from '../../../../../test/helpers/counting-client.js';
import { DEMO_CREDENTIALS, MODULE_IDS, emulatorUrl } from '../../../../../test/helpers/emulator.js';
import { settings } from '../../state/settings.js';
import { expectFocusRing, loadThemes } from '../../test-helpers/focus-ring.js';

const SHA256 = 'e008033699eb7000131ee66c03d33b809d5bba48f1c557ea14b86e68363d6de0';
const LONG_URL =
  'https://login-microsoft-secure.account-verify-update.com/common/oauth2/authorize?client_id=8f2e&state=aHR0cHM6Ly9leGFtcGxl';
const HOSTILE = '<img src=x onerror=alert(1)>';

const part = (el: PkObservable, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

function verdict(o: Observable, disposition: 1 | 2 | 3 | 4 | 5, conflict = false): ObservableVerdict {
  const names = { 1: 'Clean', 2: 'Malicious', 3: 'Suspicious', 4: 'Common', 5: 'Unknown' } as const;
  return {
    observable: o,
    disposition,
    dispositionName: names[disposition],
    modules: [{ module: 'Talos', moduleInstanceId: 't', disposition, dispositionName: names[disposition] }],
    conflict,
  };
}

describe('pk-observable', () => {
  describe('rendering', () => {
    it('shows the type icon with its name, the value as text and a named pivot button', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      expect(part(el, 'type-icon')!.getAttribute('aria-label')).to.equal('IP address');
      expect(part(el, 'value')!.textContent).to.equal('45.83.12.9');
      const pivot = part(el, 'pivot')!;
      expect(pivot.getAttribute('aria-label')).to.equal('Pivot on IP address 45.83.12.9');
      expect(pivot.getAttribute('aria-haspopup')).to.equal('menu');
      expect(pivot.getAttribute('aria-expanded')).to.equal('false');
    });

    it('draws a different icon and name for each type', async () => {
      const seen = new Map<string, string>();
      for (const type of ['ip', 'ipv6', 'domain', 'url', 'sha256', 'sha1', 'md5', 'email']) {
        const el = await fixture<PkObservable>(html`<pk-observable no-enrich type=${type} value="x"></pk-observable>`);
        const icon = part(el, 'type-icon')!;
        expect(icon.getBoundingClientRect().width).to.be.greaterThan(0);
        seen.set(getComputedStyle(icon).maskImage, icon.getAttribute('aria-label')!);
      }
      expect(seen.size).to.equal(8);
      expect(new Set(seen.values()).size).to.equal(8);
    });

    it('cuts a long hash in the middle but keeps the whole value in the text, the title and a copy', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="sha256" value=${SHA256}></pk-observable>`,
      );
      const value = part(el, 'value')!;
      const head = part(el, 'value__head')!;
      const tail = part(el, 'value__tail')!;
      expect(tail.textContent).to.equal(SHA256.slice(-6));
      expect(head.scrollWidth).to.be.greaterThan(head.clientWidth); // the ellipsis is drawn in the head
      expect(getComputedStyle(head).textOverflow).to.equal('ellipsis');
      expect(tail.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(value.textContent).to.equal(SHA256);
      expect(value.title).to.equal(SHA256);
      expect(value.getBoundingClientRect().width).to.be.lessThan(400);
    });

    it('keeps the end of a long URL visible', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="url" value=${LONG_URL}></pk-observable>`,
      );
      expect(part(el, 'value__tail')!.textContent).to.equal(LONG_URL.slice(-14));
      expect(part(el, 'value')!.textContent).to.equal(LONG_URL);
    });

    it('does not cut a short value', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="domain" value="evil.com"></pk-observable>`,
      );
      expect(part(el, 'value__tail')).to.equal(null);
      expect(part(el, 'value__head')!.scrollWidth).to.equal(part(el, 'value__head')!.clientWidth);
    });

    it('renders a hostile value as text only', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="url" .value=${HOSTILE}></pk-observable>`,
      );
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(part(el, 'value')!.textContent).to.equal(HOSTILE);
      expect(part(el, 'pivot')!.getAttribute('aria-label')).to.equal(`Pivot on URL ${HOSTILE}`);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    });

    it('never makes a javascript: URL a link', async () => {
      const value = 'javascript:alert(document.domain)//https://evil.example.net/';
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="url" .value=${value}></pk-observable>`,
      );
      expect(el.shadowRoot!.querySelector('a, [href]')).to.equal(null);
      expect(part(el, 'value')!.textContent).to.equal(value);
    });

    it('shows only the pivot button in inline mode, with no text of its own', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable inline no-enrich type="domain" value="evil.com"></pk-observable>`,
      );
      expect(part(el, 'value')).to.equal(null);
      expect(part(el, 'drag-handle')).to.equal(null);
      expect(part(el, 'pivot')).to.exist;
      expect(el.textContent).to.equal('');
    });
  });

  describe('verdict', () => {
    it('shows the verdict badge once a verdict is known', async () => {
      const o = { type: 'ip', value: '45.83.12.9' };
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value=${o.value}></pk-observable>`,
      );
      expect(part(el, 'verdict')).to.equal(null);
      el.verdict = verdict(o, 2);
      await el.updateComplete;
      const badge = part(el, 'verdict') as HTMLElement & { disposition: number };
      expect(badge.localName).to.equal('pk-verdict-badge');
      expect(badge.disposition).to.equal(2);
    });

    it('drops the verdict when the observable changes, unless a new one comes with it', async () => {
      const a = { type: 'ip', value: '45.83.12.9' };
      const b = { type: 'ip', value: '45.83.12.10' };
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value=${a.value} .verdict=${verdict(a, 2)}></pk-observable>`,
      );
      el.value = b.value;
      await el.updateComplete;
      expect(el.verdict).to.equal(undefined);
      expect(part(el, 'verdict')).to.equal(null);
      el.value = a.value;
      el.verdict = verdict(a, 3);
      await el.updateComplete;
      expect(el.verdict?.disposition).to.equal(3);
    });

    it('says the modules disagree instead of picking a colour', async () => {
      const o = { type: 'ip', value: '45.83.12.9' };
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value=${o.value} .verdict=${verdict(o, 2, true)}></pk-observable>`,
      );
      expect(part(el, 'verdict')!.getAttribute('label')).to.equal('Disputed');
    });

    it('hides Unknown in inline mode but shows it in full mode', async () => {
      const o = { type: 'ip', value: '45.83.12.9' };
      const inline = await fixture<PkObservable>(
        html`<pk-observable inline no-enrich type="ip" value=${o.value} .verdict=${verdict(o, 5)}></pk-observable>`,
      );
      expect(part(inline, 'verdict')).to.equal(null);
      const full = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value=${o.value} .verdict=${verdict(o, 5)}></pk-observable>`,
      );
      expect(part(full, 'verdict')).to.exist;
    });

    it('asks its client for the verdict once it is visible', async () => {
      const client = countingClient({ disposition: () => 3 });
      const el = await fixture<PkObservable>(
        html`<pk-observable type="domain" value="verdict-once.com" .client=${client.client}></pk-observable>`,
      );
      const batch = await client.nextCall();
      expect(batch).to.deep.equal([{ type: 'domain', value: 'verdict-once.com' }]);
      await client.settled();
      await el.updateComplete;
      expect(el.verdict?.disposition).to.equal(3);
      expect((part(el, 'verdict') as HTMLElement & { disposition: number }).disposition).to.equal(3);
    });
  });

  it('follows the page-wide client when configure() changes it', async () => {
    const a = countingClient({ disposition: () => 1 });
    const b = countingClient({ disposition: () => 2 });
    configure({ client: a.client });
    try {
      const el = await fixture<PkObservable>(
        html`<pk-observable type="domain" value="switch.example.com"></pk-observable>`,
      );
      await a.nextCall();
      await a.settled();
      await el.updateComplete;
      expect(el.verdict?.disposition).to.equal(1);
      configure({ client: b.client });
      expect((await b.nextCall()).map((o) => o.value)).to.deep.equal(['switch.example.com']);
      await b.settled();
      await el.updateComplete;
      expect(el.verdict?.disposition).to.equal(2);
    } finally {
      configure({ client: undefined });
    }
  });

  it('asks only the modules of the mids setting, and asks again when the setting changes', async function () {
    this.timeout(30000);
    const url = await emulatorUrl();
    // One verdict cache for the whole test: a verdict of one module set must never answer for another.
    const client = createClient({
      baseUrls: { visibility: url, privateIntel: url },
      credentials: DEMO_CREDENTIALS,
      cache: memoryVerdictCache(),
    });
    await client.signIn();
    const modules = (el: PkObservable) => el.verdict?.modules.map((m) => m.module).sort();
    settings.set({ mids: [MODULE_IDS.dns] });
    try {
      const el = await fixture<PkObservable>(
        html`<pk-observable type="domain" value="disputed.example.com" .client=${client}></pk-observable>`,
      );
      await waitUntil(() => el.verdict, 'a verdict', { timeout: 8000 });
      expect(modules(el)).to.deep.equal(['DNS Shield']);
      expect(el.verdict!.dispositionName).to.equal('Malicious');
      expect(el.verdict!.conflict).to.equal(false);
      // Changed (as the Settings app does, here or in another tab): asked again, no reload.
      settings.set({ mids: [MODULE_IDS.reputation] });
      await waitUntil(() => modules(el)?.[0] === 'Reputation Feed', 'the new module set answers', { timeout: 8000 });
      expect(modules(el)).to.deep.equal(['Reputation Feed']);
      expect(el.verdict!.dispositionName).to.equal('Clean');
      settings.set({ mids: [] });
      await waitUntil(() => modules(el)?.length === 2, 'every module answers', { timeout: 8000 });
      expect(el.verdict!.conflict).to.equal(true);
      settings.set({ mids: [MODULE_IDS.dns] });
      await waitUntil(() => modules(el)?.length === 1, 'from the cache, for DNS Shield alone', { timeout: 8000 });
      expect(modules(el)).to.deep.equal(['DNS Shield']);
    } finally {
      settings.reset();
    }
  });

  describe('pivot menu', () => {
    afterEach(() => closePivotMenu());

    for (const key of ['Enter', ' ', 'ArrowDown', 'ArrowUp']) {
      it(`opens the shared menu with ${key === ' ' ? 'Space' : key} and keeps aria-expanded right`, async () => {
        const el = await fixture<PkObservable>(
          html`<pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
        );
        const pivot = part(el, 'pivot')!;
        pivot.focus();
        const opened = oneEvent(document, 'pk-pivot-open');
        await sendKeys({ press: key === ' ' ? 'Space' : key });
        const event = await opened;
        expect(event.detail.observable).to.deep.equal({ type: 'ip', value: '45.83.12.9' });
        expect(event.detail.anchor).to.equal(pivot);
        const menu = getPivotMenu()!;
        expect(menu.open).to.equal(true);
        await el.updateComplete;
        expect(pivot.getAttribute('aria-expanded')).to.equal('true');
        const closed = oneEvent(menu, 'pk-pivot-close');
        await sendKeys({ press: 'Escape' });
        await closed;
        await el.updateComplete;
        expect(pivot.getAttribute('aria-expanded')).to.equal('false');
        expect(el.shadowRoot!.activeElement).to.equal(pivot);
      });
    }

    it('opens on a click and closes on a second click', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      const pivot = part(el, 'pivot')!;
      const r = pivot.getBoundingClientRect();
      const at: [number, number] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
      const opened = oneEvent(document, 'pk-pivot-open');
      await sendMouse({ type: 'click', position: at });
      await opened;
      await el.updateComplete;
      expect(pivot.getAttribute('aria-expanded')).to.equal('true');
      const closed = oneEvent(getPivotMenu()!, 'pk-pivot-close');
      await sendMouse({ type: 'click', position: at });
      await closed;
      await el.updateComplete;
      expect(pivot.getAttribute('aria-expanded')).to.equal('false');
      expect(getPivotMenu()!.open).to.equal(false);
      await resetMouse();
    });

    it('moves aria-expanded to the observable whose menu is open', async () => {
      const box = await fixture<HTMLDivElement>(
        html`<div>
          <pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>
          <pk-observable no-enrich type="domain" value="invoice-portal.net"></pk-observable>
        </div>`,
      );
      const [a, b] = [...box.querySelectorAll('pk-observable')] as PkObservable[];
      await a!.showMenu();
      await b!.showMenu();
      await Promise.all([a!.updateComplete, b!.updateComplete]);
      expect(part(a!, 'pivot')!.getAttribute('aria-expanded')).to.equal('false');
      expect(part(b!, 'pivot')!.getAttribute('aria-expanded')).to.equal('true');
      expect(getPivotMenu()!.observable).to.deep.equal({ type: 'domain', value: 'invoice-portal.net' });
    });

    it('stays closed when the host cancels pk-pivot-open', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('pk-pivot-open', cancel);
      part(el, 'pivot')!.focus();
      await sendKeys({ press: 'Enter' });
      document.removeEventListener('pk-pivot-open', cancel);
      await el.updateComplete;
      expect(getPivotMenu()?.open ?? false).to.equal(false);
      expect(part(el, 'pivot')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('opens the menu when nobody takes a keyboard pick', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      part(el, 'drag-handle')!.focus();
      const opened = oneEvent(document, 'pk-pivot-open');
      await sendKeys({ press: 'Enter' });
      await opened;
      expect(getPivotMenu()!.open).to.equal(true);
    });
  });

  describe('drag and drop', () => {
    it('puts the observable as JSON and the value as text in the drag data', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="sha256" value=${SHA256}></pk-observable>`,
      );
      const handle = part(el, 'drag-handle')!;
      expect(handle.getAttribute('draggable')).to.equal('true');
      const dataTransfer = new DataTransfer();
      handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
      expect(JSON.parse(dataTransfer.getData(OBSERVABLE_MIME))).to.deep.equal({ type: 'sha256', value: SHA256 });
      expect(dataTransfer.getData('text/plain')).to.equal(SHA256);
    });

    it('drags from the pivot button in inline mode', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable inline no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      const dataTransfer = new DataTransfer();
      part(el, 'pivot')!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
      expect(dataTransfer.getData('text/plain')).to.equal('45.83.12.9');
    });

    it('offers nothing to drag with no-drag', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-drag no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      expect(part(el, 'drag-handle')).to.equal(null);
      const dataTransfer = new DataTransfer();
      part(el, 'pivot')!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
      expect(dataTransfer.types).to.deep.equal([]);
    });

    it('fires pk-observable-pick when the handle is activated with the keyboard', async () => {
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>`,
      );
      part(el, 'drag-handle')!.focus();
      const take = (e: Event) => e.preventDefault();
      document.addEventListener('pk-observable-pick', take);
      const picked = oneEvent(document, 'pk-observable-pick');
      await sendKeys({ press: 'Space' });
      document.removeEventListener('pk-observable-pick', take);
      const event = await picked;
      expect(event.detail.observable).to.deep.equal({ type: 'ip', value: '45.83.12.9' });
      // Taken by a drop target: the menu does not open.
      expect(getPivotMenu()?.open ?? false).to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('is accessible in full mode with a verdict', async () => {
      const o = { type: 'url', value: LONG_URL };
      const el = await fixture<PkObservable>(
        html`<pk-observable no-enrich type="url" value=${LONG_URL} .verdict=${verdict(o, 2)}></pk-observable>`,
      );
      await expect(el).to.be.accessible();
    });

    it('is accessible in inline mode', async () => {
      const o = { type: 'ip', value: '45.83.12.9' };
      const el = await fixture<HTMLElement>(
        html`<p>
          From 45.83.12.9<pk-observable
            inline
            no-enrich
            type="ip"
            value="45.83.12.9"
            .verdict=${verdict(o, 3)}
          ></pk-observable>
        </p>`,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('focus', () => {
    for (const theme of ['light', 'dark']) {
      it(`shows a focus ring on each of its buttons from the keyboard (${theme} theme)`, async () => {
        await loadThemes();
        document.documentElement.classList.add(`pk-theme-${theme}`);
        try {
          const wrap = await fixture<HTMLDivElement>(
            html`<div>
              <button id="start">start</button>
              <pk-observable no-enrich type="ip" value="45.83.12.9"></pk-observable>
              <p>From 45.83.12.10<pk-observable inline no-enrich type="ip" value="45.83.12.10"></pk-observable></p>
            </div>`,
          );
          const [full, inline] = [...wrap.querySelectorAll('pk-observable')];
          wrap.querySelector<HTMLButtonElement>('#start')!.focus();
          for (const [el, name] of [
            [full!, 'drag-handle'],
            [full!, 'pivot'],
            [inline!, 'pivot'],
          ] as const) {
            await sendKeys({ press: 'Tab' });
            const active = el.shadowRoot!.activeElement;
            expect(active?.getAttribute('part')).to.equal(name);
            expectFocusRing(active!);
          }
        } finally {
          document.documentElement.classList.remove(`pk-theme-${theme}`);
        }
      });
    }
  });

  describe('localization', () => {
    it('takes its accessible names from a registered translation for the nearest lang', async () => {
      registerTranslation({
        ...en,
        $code: 'x-test',
        pivotOn: (o) => `Pivotieren: ${o.value}`,
        disputed: 'Umstritten',
        verdictLabel: (name) => `Urteil: ${name}`,
      });
      const o = { type: 'ip', value: '45.83.12.9' };
      const wrap = await fixture<HTMLDivElement>(
        html`<div lang="x-test">
          <pk-observable no-enrich type="ip" value=${o.value} .verdict=${verdict(o, 2, true)}></pk-observable>
        </div>`,
      );
      const el = wrap.querySelector('pk-observable')!;
      await el.updateComplete;
      expect(part(el, 'pivot')!.getAttribute('aria-label')).to.equal('Pivotieren: 45.83.12.9');
      // The badge inside the observable's shadow root finds the same lang through it.
      const badge = part(el, 'verdict')!;
      expect(badge.getAttribute('label')).to.equal('Umstritten');
      await (badge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const base = badge.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.getAttribute('aria-label')).to.equal('Urteil: Umstritten');
    });
  });
});
