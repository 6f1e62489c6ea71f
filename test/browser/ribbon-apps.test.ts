import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { registerRibbonApp } from '../../packages/elements/src/components/ribbon/pk-ribbon.js';
import type { PkRibbon } from '../../packages/elements/src/components/ribbon/pk-ribbon.js';
import { session } from '../../packages/elements/src/state/session.js';
import { currentCase } from '../../packages/elements/src/state/current-case.js';
import { caseChanges } from '../../packages/elements/src/state/case-changes.js';
import { settings } from '../../packages/elements/src/state/settings.js';
import {
  appButton,
  deepActive,
  describeEl,
  items,
  part,
  resetRibbonState,
  ribbonFixture,
  settled,
  signInWithDialog,
  tabTo,
} from './ribbon-helpers.js';

const BUILT_IN: [id: string, tag: string][] = [
  ['home', 'pk-home'],
  ['casebook', 'pk-casebook'],
  ['incidents', 'pk-incidents'],
  ['orbital', 'pk-orbital'],
  ['search', 'pk-enrich-search'],
  ['find', 'pk-find-observables'],
  ['settings', 'pk-settings'],
];

/** Whether focus is somewhere inside `el` (through its shadow roots). */
function focusWithin(el: Element): boolean {
  for (let n: Node | null = deepActive(); n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === el) return true;
  }
  return false;
}

/** The headings in `root` and in the shadow roots below it. */
function headingsIn(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const n of root.querySelectorAll<HTMLElement>('*')) {
    if (/^h[1-6]$/.test(n.localName) || n.getAttribute('role') === 'heading') found.push(n);
    if (n.shadowRoot) found.push(...headingsIn(n.shadowRoot));
  }
  return found;
}

/** Opens an app the way a keyboard user does: Tab into the toolbar, arrows to its button, Enter. */
async function openByKeyboard(el: PkRibbon, id: string): Promise<HTMLElement> {
  const target = appButton(el, id);
  const all = items(el);
  const current = all.find((b) => b.tabIndex === 0)!;
  await tabTo(current);
  for (let i = 0; i < all.length && deepActive() !== target; i++) await sendKeys({ press: 'ArrowRight' });
  if (deepActive() !== target) throw new Error(`arrows never reached ${describeEl(target)}`);
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.shadowRoot!.querySelector(`[data-ribbon-app="${id}"]`), `${id} opens`, { timeout: 4000 });
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-ribbon-app="${id}"]`)!;
}

describe('<pk-ribbon> apps', () => {
  beforeEach(resetRibbonState);

  it('loads each built-in app on first open, by keyboard, with focus inside it', async function () {
    this.timeout(30_000);
    const el = await ribbonFixture();
    await signInWithDialog(el);
    for (const [id, tag] of BUILT_IN) {
      if (id !== 'home' && id !== 'settings') {
        expect(customElements.get(tag), `${tag} is not loaded before its first open`).to.equal(undefined);
      }
      const app = await openByKeyboard(el, id);
      expect(app.localName).to.equal(tag);
      expect(customElements.get(tag)).to.exist;
      expect(appButton(el, id).getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => focusWithin(app), `focus moves into ${id}`);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => el.openApp === null, `${id} closes`);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations with each app open (${theme})`, async function () {
      this.timeout(60_000);
      settings.set({ theme });
      const el = await ribbonFixture();
      await signInWithDialog(el);
      for (const [id] of BUILT_IN) {
        const app = (await el.open(id))!;
        await (app as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        // Each app's first data (cases, incidents, modules) is in before axe looks.
        await waitUntil(() => !app.shadowRoot?.querySelector('[role="status"][aria-busy="true"]'), `${id} settles`);
        await settled(el);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('names the casebook’s panel with one “Casebook” heading, the panel’s own', async () => {
    const el = await ribbonFixture();
    await signInWithDialog(el);
    const casebook = await openByKeyboard(el, 'casebook');
    await waitUntil(() => casebook.shadowRoot?.querySelector('[part~="list-view"]'), 'the case list', {
      timeout: 8000,
    });
    const named = headingsIn(part(el, 'panel')).filter((h) => h.textContent!.trim() === 'Casebook');
    expect(named.map(describeEl)).to.deep.equal([describeEl(part(el, 'panel__title'))]);
    // Without its heading, the casebook's panel is still named (not by an id that is not there).
    const section = casebook.shadowRoot!.querySelector('[part~="panel"]')!;
    expect(section.getAttribute('aria-label')).to.equal('Casebook');
    expect(section.hasAttribute('aria-labelledby')).to.equal(false);
    await waitUntil(() => !casebook.shadowRoot!.querySelector('[role="status"][aria-busy="true"]'), 'it settles');
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('shows the current case’s observable count on the Casebook button and follows changes', async () => {
    const el = await ribbonFixture();
    await signInWithDialog(el);
    const client = session.get().client!;
    const cb = await client.casebooks.create({
      title: 'Ribbon count',
      observables: [
        { type: 'domain', value: 'a.example.com' },
        { type: 'ip', value: '203.0.113.7' },
      ],
    });
    currentCase.set({ id: cb.id, title: 'Ribbon count' });
    const button = appButton(el, 'casebook');
    await waitUntil(() => button.querySelector('[part~="item__count"]')?.textContent === '2', 'count 2');
    expect(button.getAttribute('aria-label')).to.equal('Casebook, 2 observables in “Ribbon count”');
    // Added from somewhere else (the pivot menu, another tab): the change notice carries the case.
    const after = await client.casebooks.addObservables(cb.id, [{ type: 'domain', value: 'b.example.com' }]);
    caseChanges.emit({ caseId: cb.id, kind: 'observables', casebook: after });
    await waitUntil(() => button.querySelector('[part~="item__count"]')?.textContent === '3', 'count 3');
    // A notice without the case: the ribbon asks for it.
    await client.casebooks.addObservables(cb.id, [{ type: 'domain', value: 'c.example.com' }]);
    caseChanges.emit({ caseId: cb.id, kind: 'observables' });
    await waitUntil(() => button.querySelector('[part~="item__count"]')?.textContent === '4', 'count 4');
    await client.casebooks.delete(cb.id);
  });

  it('gives a new case the default TLP chosen in the Settings app', async function () {
    this.timeout(30_000);
    const el = await ribbonFixture();
    await signInWithDialog(el);
    const client = session.get().client!;
    for (const tlp of ['red', 'white'] as const) {
      const app = (await el.open('settings'))!;
      await (app as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      const select = [...app.shadowRoot!.querySelectorAll('fieldset')]
        .find((f) => f.querySelector('legend')?.textContent?.includes('TLP'))!
        .querySelector('select')!;
      select.value = tlp;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const casebook = (await el.open('casebook')) as HTMLElement & { caseId: string };
      // It shows the case made last time round: back to the list.
      casebook.caseId = '';
      await waitUntil(() => casebook.shadowRoot?.querySelector('[part~="new-case"]'), 'the case list', {
        timeout: 8000,
      });
      casebook.shadowRoot!.querySelector<HTMLButtonElement>('[part~="new-case"]')!.click();
      await waitUntil(() => /^casebook-/.test(casebook.caseId), 'the new case reaches the server', { timeout: 8000 });
      expect((await client.casebooks.get(casebook.caseId)).tlp, `with ${tlp} in Settings`).to.equal(tlp);
    }
  });

  it('adds a host app before Settings and loads it only when opened', async () => {
    let loads = 0;
    const off = registerRibbonApp({
      id: 'acme-assets',
      label: 'Assets',
      icon: html`<svg viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" /></svg>`,
      tag: 'acme-assets',
      scopes: ['asset:read'],
      load: async () => {
        loads++;
        if (!customElements.get('acme-assets'))
          customElements.define(
            'acme-assets',
            class extends HTMLElement {
              connectedCallback() {
                this.innerHTML = '<button type="button">Look up</button>';
              }
            },
          );
      },
    });
    try {
      const el = await ribbonFixture();
      const ids = items(el)
        .map((b) => b.dataset.app)
        .filter(Boolean);
      expect(ids.slice(-2)).to.deep.equal(['acme-assets', 'settings']);
      expect(loads).to.equal(0);
      const app = await openByKeyboard(el, 'acme-assets');
      expect(app.localName).to.equal('acme-assets');
      expect(loads).to.equal(1);
      await sendKeys({ press: 'Escape' });
      await el.open('acme-assets');
      expect(loads, 'loaded once').to.equal(1);
    } finally {
      off();
    }
  });

  it('says when an app fails to load, and tries again on Retry', async () => {
    let fail = true;
    const off = registerRibbonApp({
      id: 'flaky',
      label: 'Flaky',
      tag: 'acme-flaky',
      load: async () => {
        if (fail) throw new Error('offline');
        if (!customElements.get('acme-flaky')) customElements.define('acme-flaky', class extends HTMLElement {});
      },
    });
    try {
      const el = await ribbonFixture();
      await el.open('flaky');
      const message = part(el, 'message');
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.include('Flaky could not be loaded: offline');
      await settled(el);
      await expect(el).to.be.accessible();
      fail = false;
      message.querySelector('button')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('acme-flaky'), 'loaded on retry');
    } finally {
      off();
    }
  });

  it('refuses a malformed or duplicate app', () => {
    expect(() => registerRibbonApp({ id: 'home', label: 'x', tag: 'x-y' })).to.throw(/already registered/);
    expect(() => registerRibbonApp({ id: 'bad id', label: 'x', tag: 'x-y' })).to.throw(/is not/);
    expect(() => registerRibbonApp({ id: 'ok', label: 'x', tag: 'div' })).to.throw(/custom element name/);
  });

  it('applies the theme chosen in Settings to the bar and its panels', async () => {
    const el = await ribbonFixture();
    const bar = part(el, 'bar');
    settings.set({ theme: 'dark' });
    await el.updateComplete;
    expect(getComputedStyle(bar).colorScheme).to.equal('dark');
    expect(getComputedStyle(bar).backgroundColor).to.equal('rgb(27, 31, 39)');
    settings.set({ theme: 'light' });
    await el.updateComplete;
    expect(getComputedStyle(bar).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('turns dark on a light page that has its own theme tokens', async () => {
    // As themes/pivotkit.css does, with the page forced light.
    const style = document.createElement('style');
    style.textContent = ':root { color-scheme: light; --pk-color-surface: light-dark(#fefefe, #101010); }';
    document.head.append(style);
    try {
      const el = await ribbonFixture();
      expect(getComputedStyle(part(el, 'bar')).backgroundColor, 'auto follows the page').to.equal('rgb(254, 254, 254)');
      settings.set({ theme: 'dark' });
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'bar')).backgroundColor).to.equal('rgb(27, 31, 39)');
    } finally {
      style.remove();
    }
  });
});
