import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createClient, type Observable, type PivotkitClient, type TokenResponse } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, MODULE_IDS, emulatorControl, emulatorUrl } from '../../../../../test/helpers/emulator.js';
import { settings } from '../../state/settings.js';
import { registerTranslation } from '../../i18n/index.js';
import en from '../../test-helpers/english.js';
import { CURRENT_CASE_KEY } from './current-case.js';
import type { PkPivotOpenEvent } from '../../events/pivot-open.js';
import { closePivotMenu, getPivotMenu, openPivotMenu, setPivotMenuItems } from './shared.js';
import { expectFocusRing, loadThemes } from '../../test-helpers/focus-ring.js';
import { motionEnded } from '../../test-helpers/motion.js';

// Conditions, not timers: generous limits so a busy CI machine (two cores shared by the whole suite) does not fail them.
const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });

// The emulator's demo table (packages/server/src/emulator/intel.ts) gives these fixed answers.
const SUSPICIOUS_IP: Observable = { type: 'ip', value: '203.0.113.9' };
const EVIL_DOMAIN: Observable = { type: 'domain', value: 'evil.example.net' };
const DISPUTED: Observable = { type: 'domain', value: 'disputed.example.com' };
const MODULE_ERROR: Observable = { type: 'domain', value: 'module-error.example.com' };

async function demoClient(): Promise<PivotkitClient> {
  const url = await emulatorUrl();
  const client = createClient({
    baseUrls: { visibility: url, privateIntel: url },
    credentials: DEMO_CREDENTIALS,
    cache: false,
  });
  await client.signIn();
  return client;
}

/** A client whose token was asked for fewer scopes, through a token provider (as a host backend would). */
async function clientWithScopes(scope: string): Promise<PivotkitClient> {
  const url = await emulatorUrl();
  const client = createClient({
    baseUrls: { visibility: url, privateIntel: url },
    cache: false,
    tokenProvider: async () => {
      const res = await fetch(`${url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
      });
      return (await res.json()) as TokenResponse;
    },
  });
  await client.signIn();
  return client;
}

/** A button that opens the shared menu on click, as <pk-observable> does. */
async function anchorFor(observable: Observable, client: PivotkitClient | undefined): Promise<HTMLButtonElement> {
  return fixture<HTMLButtonElement>(
    html`<button
      style="margin: 8px"
      @click=${(e: Event) => openPivotMenu({ anchor: e.currentTarget as HTMLElement, observable, client })}
    >
      ${observable.value}
    </button>`,
  );
}

const menu = () => getPivotMenu()!;
const root = () => menu().shadowRoot!;
const items = () => [...root().querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')];
const focused = () => root().activeElement as HTMLElement | null;
const label = (el: Element | null) => el?.querySelector('[part="item__label"]')?.textContent?.trim();
const item = (text: string) => items().find((i) => label(i) === text || label(i)?.startsWith(text));
const loaded = () =>
  waitUntil(() => !root().querySelector('[part~="note"]')?.textContent?.includes('…'), 'sections load');

async function click(el: Element) {
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function openWithPointer(observable: Observable, client: PivotkitClient | undefined) {
  const button = await anchorFor(observable, client);
  const opened = oneEvent(document, 'pk-pivot-open');
  await click(button);
  await opened;
  await waitUntil(() => focused()?.getAttribute('role') === 'menuitem', 'focus moves into the menu');
  return button;
}

describe('pk-pivot-menu', function () {
  this.timeout(30000);
  beforeEach(() => localStorage.removeItem(CURRENT_CASE_KEY));
  afterEach(async () => {
    closePivotMenu();
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  describe('opening', () => {
    it('opens on a pointer click and focuses the first item', async () => {
      const button = await openWithPointer(SUSPICIOUS_IP, await demoClient());
      expect(menu().open).to.equal(true);
      expect(menu().anchor === button).to.equal(true);
      expect(label(focused())).to.equal('Add to new case');
      expect(root().querySelector('[part="header__value"]')!.getAttribute('title')).to.equal(SUSPICIOUS_IP.value);
    });

    it('opens from the keyboard (Enter on the button)', async () => {
      const button = await anchorFor(SUSPICIOUS_IP, await demoClient());
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused()?.getAttribute('role') === 'menuitem', 'focus moves into the menu');
      expect(menu().open).to.equal(true);
      expect(label(focused())).to.equal('Add to new case');
    });

    it('stays closed when pk-pivot-open is cancelled', async () => {
      const button = await anchorFor(SUSPICIOUS_IP, await demoClient());
      const seen: PkPivotOpenEvent[] = [];
      const cancel = (e: PkPivotOpenEvent) => {
        seen.push(e);
        e.preventDefault();
      };
      document.addEventListener('pk-pivot-open', cancel, { once: true });
      await click(button);
      // The event really fired, for this observable and anchor, and the cancel is what kept it closed.
      expect(seen).to.have.length(1);
      expect(seen[0]!.detail.observable).to.deep.equal(SUSPICIOUS_IP);
      expect(seen[0]!.detail.anchor === button).to.equal(true);
      expect(menu().open).to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('moves with ArrowDown/ArrowUp (wrapping), Home and End', async () => {
      await openWithPointer(EVIL_DOMAIN, await demoClient());
      await loaded();
      const all = items();
      const at = () => all.indexOf(focused()!);
      const last = all.length - 1;
      expect(all.length).to.be.greaterThan(4);
      expect(at()).to.equal(0);
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal(1);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(at()).to.equal(last);
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal(0);
      await sendKeys({ press: 'End' });
      expect(at()).to.equal(last);
      await sendKeys({ press: 'Home' });
      expect(at()).to.equal(0);
    });

    it('jumps to the next item starting with a typed letter', async () => {
      await openWithPointer(EVIL_DOMAIN, await demoClient());
      await loaded();
      await sendKeys({ press: 'c' });
      expect(label(focused())).to.equal('Copy value');
      await sendKeys({ press: 'c' });
      expect(label(focused())).to.equal('Copy defanged value');
    });

    it('closes on Escape and returns focus to the button', async () => {
      const button = await openWithPointer(SUSPICIOUS_IP, await demoClient());
      const closed = oneEvent(document, 'pk-pivot-close');
      await sendKeys({ press: 'Escape' });
      expect((await closed).detail.reason).to.equal('escape');
      expect(menu().open).to.equal(false);
      expect(document.activeElement === button).to.equal(true);
    });

    it('closes on Tab, and Tab moves on from the button', async () => {
      const button = await openWithPointer(SUSPICIOUS_IP, await demoClient());
      const next = document.createElement('button');
      next.textContent = 'next';
      button.after(next);
      const closed = oneEvent(document, 'pk-pivot-close');
      await sendKeys({ press: 'Tab' });
      expect((await closed).detail.reason).to.equal('tab');
      expect(menu().open).to.equal(false);
      expect(document.activeElement === next).to.equal(true);
    });

    it('does not take focus back when closed while the user is elsewhere', async () => {
      const button = await openWithPointer(SUSPICIOUS_IP, await demoClient());
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'search');
      button.after(input);
      input.focus();
      closePivotMenu();
      expect(menu().open).to.equal(false);
      expect(document.activeElement === input).to.equal(true);
    });

    it('closes on a click outside', async () => {
      await openWithPointer(SUSPICIOUS_IP, await demoClient());
      const closed = oneEvent(document, 'pk-pivot-close');
      await sendMouse({ type: 'click', position: [700, 560] });
      expect((await closed).detail.reason).to.equal('outside');
      expect(menu().open).to.equal(false);
    });
  });

  describe('casebook', () => {
    it('adds the observable to a new case on the emulator, which becomes the current case', async () => {
      const client = await demoClient();
      await openWithPointer(SUSPICIOUS_IP, client);
      const added = oneEvent(document, 'pk-add-to-case');
      await sendKeys({ press: 'Enter' });
      expect((await added).detail).to.deep.equal({ observable: SUSPICIOUS_IP, caseId: null });
      await waitUntil(() => root().querySelector('[part="status"]')!.textContent!.includes('Added'), 'feedback');
      const id = localStorage.getItem(CURRENT_CASE_KEY)!;
      expect(id).to.match(/casebook-/);
      const stored = await client.casebooks.get(id);
      expect(stored.observables).to.deep.include(SUSPICIOUS_IP);
      expect(stored.title).to.contain(SUSPICIOUS_IP.value);
      expect(root().querySelector('[part="status"]')!.textContent).to.contain(stored.title!);
      expect(label(item('Add to current case')!)).to.equal(`Add to current case (${stored.title})`);
    });

    it('gives the new case the default TLP from Settings', async () => {
      const client = await demoClient();
      try {
        for (const tlp of ['red', 'white'] as const) {
          settings.set({ defaultTlp: tlp });
          localStorage.removeItem(CURRENT_CASE_KEY);
          await openWithPointer(SUSPICIOUS_IP, client);
          await waitUntil(() => label(focused()) === 'Add to new case', 'on "Add to new case"');
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => /^casebook-/.test(localStorage.getItem(CURRENT_CASE_KEY) ?? ''), 'the new case');
          const stored = await client.casebooks.get(localStorage.getItem(CURRENT_CASE_KEY)!);
          expect(stored.tlp, `with ${tlp} in Settings`).to.equal(tlp);
          closePivotMenu();
        }
      } finally {
        settings.reset();
      }
    });

    it('adds to the current case, named in the item', async () => {
      const client = await demoClient();
      const kase = await client.casebooks.create({ title: 'Week 47 phishing', observables: [EVIL_DOMAIN] });
      localStorage.setItem(CURRENT_CASE_KEY, kase.id);
      await openWithPointer(SUSPICIOUS_IP, client);
      await waitUntil(() => label(item('Add to current case')!) === 'Add to current case (Week 47 phishing)');
      await sendKeys({ press: 'ArrowDown' });
      const added = oneEvent(document, 'pk-add-to-case');
      await sendKeys({ press: ' ' });
      expect((await added).detail.caseId).to.equal(kase.id);
      await waitUntil(() => root().querySelector('[part="status"]')!.textContent!.includes('Week 47 phishing'));
      expect((await client.casebooks.get(kase.id)).observables).to.deep.include.members([EVIL_DOMAIN, SUSPICIOUS_IP]);
    });

    it('does nothing when the host cancels pk-add-to-case', async () => {
      await openWithPointer(SUSPICIOUS_IP, await demoClient());
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('pk-add-to-case', cancel, { once: true });
      await sendKeys({ press: 'Enter' });
      await menu().updateComplete;
      expect(localStorage.getItem(CURRENT_CASE_KEY)).to.equal(null);
      expect(root().querySelector('[part="status"]')!.textContent).to.equal('');
    });
  });

  describe('response', () => {
    async function openOnAction(client: PivotkitClient) {
      await openWithPointer(EVIL_DOMAIN, client);
      await waitUntil(() => item('Block this domain'), 'the block action loads');
      for (let i = items().length; i > 0 && label(focused()) !== 'Block this domain'; i--) {
        await sendKeys({ press: 'ArrowDown' });
      }
      expect(label(focused())).to.equal('Block this domain');
      await sendKeys({ press: 'Enter' });
      // The confirmation is a <pk-dialog>; its native <dialog> sits in the pk-dialog's shadow root.
      const confirmation = root().querySelector('pk-dialog')!.shadowRoot!;
      const dialog = confirmation.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'the confirmation opens');
      // Its opening motion ends first (mid-fade, Cancel measured 4.32:1 once, at random).
      await motionEnded(confirmation);
      return dialog;
    }

    it('asks for confirmation with Cancel as the default, then triggers and records a note in the current case', async () => {
      const client = await demoClient();
      const kase = await client.casebooks.create({ title: 'Response log' });
      localStorage.setItem(CURRENT_CASE_KEY, kase.id);
      const dialog = await openOnAction(client);
      expect(dialog.getAttribute('role')).to.equal('alertdialog');
      expect(root().activeElement!.textContent!.trim()).to.equal('Cancel');
      await expect(menu()).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      expect(root().activeElement!.textContent!.trim()).to.equal('Run');
      await sendKeys({ press: 'Tab' }); // focus stays in the dialog
      expect(root().activeElement!.textContent!.trim()).to.equal('Cancel');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      const triggered = oneEvent(document, 'pk-response-triggered');
      await sendKeys({ press: 'Enter' });
      const { detail } = await triggered;
      expect(detail.action.title).to.equal('Block this domain');
      expect(detail.result.status).to.equal('success');
      expect(detail.observable).to.deep.equal(EVIL_DOMAIN);
      expect(dialog.open).to.equal(false);
      await waitUntil(() => root().querySelector('[part="status"]')!.textContent!.includes('succeeded'));
      // The emulator now offers to unblock: the action really ran, and the menu shows the new offer.
      const after = await client.response.actions([EVIL_DOMAIN]);
      expect(after.actions.map((a) => a.title)).to.include('Unblock this domain');
      await waitUntil(() => item('Unblock this domain'), 'the menu offers to unblock');
      expect(focused()!.closest('[data-section="response"]')).to.exist;
      await waitUntil(async () => ((await client.casebooks.get(kase.id)).texts ?? []).length > 0, 'the note');
      const note = (await client.casebooks.get(kase.id)).texts![0]!;
      expect(note.text).to.contain('Block this domain').and.contain('demo-client').and.contain('success');
      expect(note.text).to.match(/When: \d{4}-\d\d-\d\dT/);
      // Put the emulator back for the other tests.
      const unblock = after.actions.find((a) => a.title === 'Unblock this domain')!;
      await client.response.trigger(unblock);
    });

    it('does nothing when the confirmation is cancelled (Escape closes only the dialog)', async () => {
      const client = await demoClient();
      // Counted when the menu calls trigger, not when the network write ends: a wrong trigger is seen at once.
      const triggered: string[] = [];
      const trigger = client.response.trigger.bind(client.response);
      client.response.trigger = (action, opts) => {
        triggered.push(action.title);
        return trigger(action, opts);
      };
      let fired = false;
      const onTriggered = () => (fired = true);
      document.addEventListener('pk-response-triggered', onTriggered);
      const dialog = await openOnAction(client);
      await sendKeys({ press: 'Escape' });
      expect(dialog.open).to.equal(false);
      expect(menu().open).to.equal(true);
      expect(label(focused())).to.equal('Block this domain');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open);
      await sendKeys({ press: 'Enter' }); // Enter on Cancel, the default button
      expect(dialog.open).to.equal(false);
      expect(triggered).to.deep.equal([]);
      // Nothing is running either: the item is not busy and no "Running …" status was shown.
      expect(item('Block this domain')!.getAttribute('aria-busy')).to.equal(null);
      expect(root().querySelector('[part="status"]')!.textContent).to.equal('');
      document.removeEventListener('pk-response-triggered', onTriggered);
      expect(fired).to.equal(false);
      const actions = await client.response.actions([EVIL_DOMAIN]);
      expect(actions.actions.map((a) => a.title)).to.include('Block this domain');
    });
  });

  describe('verdicts', () => {
    it('shows each module with its disposition name', async () => {
      await openWithPointer(EVIL_DOMAIN, await demoClient());
      await waitUntil(() => root().querySelector('[part="verdicts"]')!.getAttribute('aria-busy') === 'false');
      const rows = [...root().querySelectorAll('[part="verdict"]')];
      expect(rows.map((r) => r.querySelector('[part="verdict__module"]')!.textContent)).to.include('DNS Shield');
      const badge = rows[0]!.querySelector('pk-verdict-badge')!;
      expect(badge.disposition).to.equal(2);
      expect(root().querySelectorAll('[part="conflict"]').length).to.equal(0);
    });

    it('says so when modules disagree', async () => {
      await openWithPointer(DISPUTED, await demoClient());
      await waitUntil(() => root().querySelector('[part="conflict"]'), 'the conflict notice');
      expect(root().querySelector('[part="conflict"]')!.textContent).to.contain('Modules disagree');
    });

    it('shows that modules are being asked until they answer', async () => {
      await emulatorControl('faults', { latencyMs: 300, paths: ['/iroh/iroh-enrich/deliberate'] });
      try {
        await openWithPointer(EVIL_DOMAIN, await demoClient());
        const verdicts = root().querySelector('[part="verdicts"]')!;
        expect(verdicts.getAttribute('aria-busy')).to.equal('true');
        expect(verdicts.textContent).to.contain('Asking modules');
        await waitUntil(() => verdicts.getAttribute('aria-busy') === 'false', 'modules answer');
        expect(verdicts.querySelectorAll('pk-verdict-badge').length).to.be.greaterThan(0);
      } finally {
        await emulatorControl('faults', {});
      }
    });

    it('asks only the modules of the mids setting, and asks again when it changes while open', async () => {
      const moduleNames = () =>
        [...root().querySelectorAll('[part="verdict"] [part="verdict__module"]')].map((m) => m.textContent).sort();
      settings.set({ mids: [MODULE_IDS.dns] });
      try {
        await openWithPointer(DISPUTED, await demoClient());
        await waitUntil(() => moduleNames().length > 0, 'the verdicts');
        await waitUntil(() => root().querySelector('[part="verdicts"]')!.getAttribute('aria-busy') === 'false');
        expect(moduleNames()).to.deep.equal(['DNS Shield']);
        expect(root().querySelector('[part="conflict"]')).to.equal(null);
        settings.set({ mids: [MODULE_IDS.reputation, MODULE_IDS.dns] });
        await waitUntil(() => moduleNames().length === 2, 'both modules');
        expect(moduleNames()).to.deep.equal(['DNS Shield', 'Reputation Feed']);
        await waitUntil(() => root().querySelector('[part="conflict"]'), 'the conflict notice');
      } finally {
        settings.reset();
      }
    });

    it("shows a module's error beside the modules that answered", async () => {
      await openWithPointer(MODULE_ERROR, await demoClient());
      await waitUntil(() => root().querySelector('[part~="verdict--error"]'), 'the module error');
      const error = root().querySelector('[part~="verdict--error"]')!;
      expect(error.textContent).to.contain('DNS Shield');
      const ok = [...root().querySelectorAll('[part="verdict"]')].find((r) =>
        r.textContent!.includes('Reputation Feed'),
      );
      expect(ok!.querySelector('pk-verdict-badge')!.disposition).to.equal(3);
      await expect(menu()).to.be.accessible();
    });
  });

  describe('scopes and sign-in', () => {
    it('shows sections the token does not allow as disabled, with the missing scopes', async () => {
      await openWithPointer(EVIL_DOMAIN, await clientWithScopes('enrich:read'));
      const newCase = item('Add to new case')!;
      expect(newCase.getAttribute('aria-disabled')).to.equal('true');
      expect(newCase.querySelector('[part="item__reason"]')!.textContent).to.match(/needs the .*casebook/);
      const response = root().querySelector('[data-section="response"] [role="menuitem"]')!;
      expect(response.getAttribute('aria-disabled')).to.equal('true');
      expect(response.textContent).to.contain('response/trigger:write');
      let added = false;
      document.addEventListener('pk-add-to-case', () => (added = true), { once: true });
      await sendKeys({ press: 'Enter' });
      expect(added).to.equal(false);
      await expect(menu()).to.be.accessible();
    });

    it('offers to sign in when there is no client', async () => {
      await openWithPointer(SUSPICIOUS_IP, undefined);
      expect(label(focused())).to.equal('Sign in to Threat Response…');
      const asked = oneEvent(document, 'pk-request-sign-in');
      await sendKeys({ press: 'Enter' });
      await asked;
      expect(menu().open).to.equal(false);
    });
  });

  describe('untrusted content', () => {
    it('renders a hostile value as text', async () => {
      const hostile: Observable = { type: 'domain', value: '<img src=x onerror="window.__pwned=1">.example' };
      await openWithPointer(hostile, await demoClient());
      await loaded();
      expect(root().querySelectorAll('img').length).to.equal(0);
      expect(root().querySelector('[part="header__value"]')!.getAttribute('title')).to.equal(hostile.value);
      expect(root().querySelector('[part="header"] .visually-hidden')!.textContent).to.equal(hostile.value);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('never renders a javascript: refer URL as a link', async () => {
      const real = await demoClient();
      // The emulator's links are all https; add a hostile one as a compromised module would.
      const client: PivotkitClient = Object.create(real, {
        enrich: {
          value: {
            ...real.enrich,
            refer: async (obs: Observable[]) => {
              const r = await real.enrich.refer(obs);
              const evil = { ...r.links[0]!, title: 'Evil lookup', url: 'javascript:alert(document.domain)' };
              return { ...r, links: [...r.links, evil] };
            },
          },
        },
      });
      await openWithPointer(EVIL_DOMAIN, client);
      await waitUntil(() => item('Evil lookup'), 'links load');
      const evil = item('Evil lookup')!;
      expect(evil.localName).not.to.equal('a');
      expect(evil.hasAttribute('href')).to.equal(false);
      expect(evil.getAttribute('aria-disabled')).to.equal('true');
      expect(evil.textContent).to.contain('javascript:alert(document.domain)');
      const links = [...root().querySelectorAll('a')];
      expect(links.length).to.be.greaterThan(0);
      for (const a of links) {
        expect(a.href).to.match(/^https?:/);
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('noopener noreferrer');
      }
    });
  });

  describe('copy and host items', () => {
    /**
     * Replaces `navigator.clipboard.writeText` with a recorder for one test: headless Chromium may refuse the real
     * clipboard, and a test must know which of the two outcomes it is checking. The own property shadows
     * `Clipboard.prototype.writeText`; deleting it restores the real method.
     */
    function stubClipboard(result: 'resolve' | 'reject'): { written: string[]; restore(): void } {
      const written: string[] = [];
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: (text: string) => {
          written.push(text);
          return result === 'resolve'
            ? Promise.resolve()
            : Promise.reject(new DOMException('denied', 'NotAllowedError'));
        },
      });
      return {
        written,
        restore: () => void delete (navigator.clipboard as { writeText?: unknown }).writeText,
      };
    }

    async function copyWith(itemLabel: string) {
      await openWithPointer({ type: 'url', value: 'https://evil.example.net/login?x=1' }, await demoClient());
      await loaded();
      await sendKeys({ press: 'End' });
      if (itemLabel === 'Copy value') await sendKeys({ press: 'ArrowUp' });
      expect(label(focused())).to.equal(itemLabel);
      await sendKeys({ press: 'Enter' });
      const status = root().querySelector('[part="status"]')!;
      await waitUntil(() => status.textContent!.trim() !== '', 'feedback');
      return status.textContent!.trim();
    }

    it('copies the exact value to the clipboard and says so', async () => {
      const clipboard = stubClipboard('resolve');
      try {
        const said = await copyWith('Copy value');
        expect(clipboard.written).to.deep.equal(['https://evil.example.net/login?x=1']);
        expect(said).to.equal('Copied: https://evil.example.net/login?x=1');
      } finally {
        clipboard.restore();
      }
    });

    it('copies the defanged value to the clipboard and says so', async () => {
      const clipboard = stubClipboard('resolve');
      try {
        const said = await copyWith('Copy defanged value');
        expect(clipboard.written).to.deep.equal(['hxxps://evil[.]example[.]net/login?x=1']);
        expect(said).to.equal('Copied: hxxps://evil[.]example[.]net/login?x=1');
      } finally {
        clipboard.restore();
      }
    });

    it('says the copy failed when the clipboard refuses, rather than claim success', async () => {
      const clipboard = stubClipboard('reject');
      try {
        const said = await copyWith('Copy defanged value');
        expect(clipboard.written).to.deep.equal(['hxxps://evil[.]example[.]net/login?x=1']);
        expect(said).to.equal('Could not copy: the clipboard is not available');
      } finally {
        clipboard.restore();
      }
    });

    it('shows host items and runs them with the observable', async () => {
      const ran: unknown[] = [];
      setPivotMenuItems([{ id: 'ticket', label: (o) => `Open a ticket for ${o.value}`, run: (o) => void ran.push(o) }]);
      try {
        const button = await openWithPointer(SUSPICIOUS_IP, await demoClient());
        await sendKeys({ press: 'End' });
        expect(label(focused())).to.equal(`Open a ticket for ${SUSPICIOUS_IP.value}`);
        expect(focused()!.dataset['id']).to.equal('ticket');
        await sendKeys({ press: 'Enter' });
        expect(ran).to.deep.equal([SUSPICIOUS_IP]);
        expect(menu().open).to.equal(false);
        expect(document.activeElement === button).to.equal(true);
      } finally {
        setPivotMenuItems([]);
      }
    });
  });

  describe('translation', () => {
    it("uses the translation for the page's language", async () => {
      registerTranslation({ ...en, $code: 'fr', addToNewCase: 'Ajouter à un nouveau dossier' });
      const lang = document.documentElement.lang;
      document.documentElement.lang = 'fr-CA';
      try {
        await openWithPointer(SUSPICIOUS_IP, await demoClient());
        expect(label(focused())).to.equal('Ajouter à un nouveau dossier');
      } finally {
        document.documentElement.lang = lang;
      }
    });
  });

  describe('accessibility', () => {
    it('has no axe violations when open', async () => {
      await openWithPointer(EVIL_DOMAIN, await demoClient());
      await loaded();
      await expect(menu()).to.be.accessible();
    });

    it('has no axe violations when open in the dark theme', async () => {
      await loadThemes();
      document.documentElement.classList.add('pk-theme-dark');
      try {
        await openWithPointer(DISPUTED, await demoClient());
        await waitUntil(() => root().querySelector('[part="conflict"]'), 'the conflict notice');
        await expect(menu()).to.be.accessible();
      } finally {
        document.documentElement.classList.remove('pk-theme-dark');
      }
    });

    it('has no axe violations when closed again', async () => {
      await openWithPointer(SUSPICIOUS_IP, await demoClient());
      const closed = oneEvent(document, 'pk-pivot-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(menu().open).to.equal(false);
      await expect(menu()).to.be.accessible();
    });

    it('has no axe violations when the modules disagree', async () => {
      await openWithPointer(DISPUTED, await demoClient());
      await waitUntil(() => root().querySelector('[part="conflict"]'), 'the conflict notice');
      await expect(menu()).to.be.accessible();
    });

    for (const theme of ['light', 'dark']) {
      it(`shows a focus ring on the item the keyboard moves to (${theme} theme)`, async () => {
        await loadThemes();
        document.documentElement.classList.add(`pk-theme-${theme}`);
        try {
          const button = await anchorFor(EVIL_DOMAIN, await demoClient());
          button.focus();
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => focused()?.getAttribute('role') === 'menuitem', 'focus moves into the menu');
          expectFocusRing(focused()!);
          await loaded();
          await sendKeys({ press: 'End' });
          expectFocusRing(focused()!);
        } finally {
          document.documentElement.classList.remove(`pk-theme-${theme}`);
        }
      });
    }

    it('has no axe violations when signed out', async () => {
      await openWithPointer(SUSPICIOUS_IP, undefined);
      await expect(menu()).to.be.accessible();
    });
  });
});
