import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PkRibbon } from '../../packages/elements/src/components/ribbon/pk-ribbon.js';
import type { session as Session } from '../../packages/elements/src/state/session.js';
import type { currentCase as CurrentCase } from '../../packages/elements/src/state/current-case.js';
import type { ribbonLayout as Layout, ribbonView as View } from '../../packages/elements/src/state/ribbon-layout.js';
import type { settings as Settings } from '../../packages/elements/src/state/settings.js';
import { createClient } from '@pivotkit/sdk';
import {
  DEMO_CREDENTIALS,
  deepActive,
  emulatorUrl,
  part,
  resetRibbonState,
  signInParts,
  typeCredentials,
} from './ribbon-helpers.js';

interface PageState {
  session: typeof Session;
  currentCase: typeof CurrentCase;
  ribbonLayout: typeof Layout;
  ribbonView: typeof View;
  settings: typeof Settings;
}
type ConsoleWindow = Window & { pk: PageState; pkLogs: string[]; pkReady?: boolean };

const SECRET = DEMO_CREDENTIALS.clientSecret;
const PAGE = new URL('./ribbon-fixtures/console.html', import.meta.url).href;

/** A page of the console in a frame; `load` navigates it (a real page load each time). */
function consoleFrame() {
  const frame = document.createElement('iframe');
  frame.title = 'console page';
  frame.style.cssText = 'width: 1400px; height: 700px; border: 0';
  document.body.append(frame);
  const win = () => frame.contentWindow as ConsoleWindow;
  return {
    frame,
    win,
    ribbon: () => frame.contentDocument!.querySelector('pk-ribbon') as PkRibbon,
    async load(query: Record<string, string>) {
      const url = `${PAGE}?${new URLSearchParams({ ...query, n: String(Math.random()) })}`;
      const loaded = new Promise<void>((resolve) =>
        addEventListener('message', function on(e) {
          if (e.source !== frame.contentWindow || !(e.data as { pkPage?: string })?.pkPage) return;
          removeEventListener('message', on);
          resolve();
        }),
      );
      frame.src = url;
      await loaded;
      await this.ribbon().updateComplete;
    },
  };
}

/** Every string an origin keeps in localStorage, sessionStorage, cookies and IndexedDB, as one text. */
async function storedText(win: Window): Promise<string> {
  const parts: string[] = [win.document.cookie];
  for (const storage of [win.localStorage, win.sessionStorage]) {
    for (let i = 0; i < storage.length; i++) parts.push(storage.key(i)!, storage.getItem(storage.key(i)!)!);
  }
  const dec = new TextDecoder();
  const text = (v: unknown): string => {
    if (v instanceof ArrayBuffer) return dec.decode(new Uint8Array(v));
    if (ArrayBuffer.isView(v)) return dec.decode(v as Uint8Array);
    if (v instanceof CryptoKey) return '[CryptoKey]';
    if (v && typeof v === 'object') return Object.values(v).map(text).join('\n');
    return String(v);
  };
  for (const { name } of await win.indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = win.indexedDB.open(name!);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    for (const store of db.objectStoreNames) {
      const tx = db.transaction(store, 'readonly');
      const all = await new Promise<unknown[]>((resolve) => {
        const r = tx.objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const r = tx.objectStore(store).getAllKeys();
        r.onsuccess = () => resolve(r.result);
      });
      parts.push(name!, store, ...keys.map(String), ...all.map(text));
    }
    db.close();
  }
  return parts.join('\n');
}

/** The document's markup with every open shadow root and every form field's current value. */
function domText(doc: Document): string {
  const out: string[] = [doc.documentElement.outerHTML];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out.push(el.value);
      if (el.shadowRoot) {
        out.push(el.shadowRoot.innerHTML);
        walk(el.shadowRoot);
      }
    }
  };
  walk(doc);
  return out.join('\n');
}

async function signInInFrame(page: ReturnType<typeof consoleFrame>) {
  const el = page.ribbon();
  page.frame.focus();
  await el.editCredentials();
  await typeCredentials(el, DEMO_CREDENTIALS);
  await waitUntil(() => page.win().pk.session.get().status === 'signed-in', 'signed in', { timeout: 4000 });
  await waitUntil(() => !signInParts(el).dialog.shadowRoot!.querySelector('dialog')!.open, 'dialog closed');
}

describe('<pk-ribbon> across page loads', () => {
  let page: ReturnType<typeof consoleFrame>;
  beforeEach(async () => {
    await resetRibbonState();
    page = consoleFrame();
  });
  afterEach(() => page.frame.remove());

  it('finds the ribbon in the same state on the next page: layout, open app, search text, case', async function () {
    this.timeout(30_000);
    const api = await emulatorUrl();
    await page.load({ api, page: 'alerts' });
    await signInInFrame(page);
    let el = page.ribbon();
    // Move it to the right end and grow the panel, with the keyboard.
    part(el, 'handle').focus();
    await sendKeys({ press: 'End' });
    expect(page.win().pk.ribbonLayout.get().offset).to.equal(1);
    const search = (await el.open('search', { focus: true }))!;
    await sendKeys({ type: 'beacon to 203.0.113.7' });
    expect((search as HTMLElement & { value: string }).value).to.equal('beacon to 203.0.113.7');
    part(el, 'splitter').focus();
    await sendKeys({ press: 'ArrowUp' });
    const client = createClient({ baseUrls: { visibility: api, privateIntel: api }, credentials: DEMO_CREDENTIALS });
    const cb = await client.casebooks.create({
      title: 'Across pages',
      observables: [{ type: 'ip', value: '203.0.113.7' }],
    });
    page.win().pk.currentCase.set({ id: cb.id, title: 'Across pages' });
    await el.updateComplete;
    const before = {
      right: part(el, 'bar').getBoundingClientRect().right,
      height: part(el, 'panel').getBoundingClientRect().height,
    };

    await page.load({ api, page: 'incident' });
    el = page.ribbon();
    await waitUntil(() => el.shadowRoot!.querySelector('pk-enrich-search'), 'the search app is open again');
    const again = el.shadowRoot!.querySelector('pk-enrich-search') as HTMLElement & { value: string };
    expect(new URL(page.win().location.href).searchParams.get('page')).to.equal('incident');
    expect(el.openApp).to.equal('search');
    expect(again.value, 'the search text is back').to.equal('beacon to 203.0.113.7');
    expect(el.expanded).to.equal(true);
    // At the right end on both pages (the bar is one button wider signed out).
    expect(part(el, 'bar').getBoundingClientRect().right).to.be.closeTo(before.right, 1);
    expect(part(el, 'panel').getBoundingClientRect().height).to.be.closeTo(before.height, 1);
    expect(page.win().pk.currentCase.get()?.id).to.equal(cb.id);
    // By default the secret stayed in the first page's memory: this page asks again.
    expect(page.win().pk.session.get().status).to.equal('signed-out');
    await client.casebooks.delete(cb.id);
  });

  it('opens and resizes the panel by keyboard right after a page load, before its code was preloaded', async () => {
    // The panel's code loads with import() (panel.ts): on the first open, or when the bar is idle.
    await page.load({ api: await emulatorUrl() });
    const el = page.ribbon();
    page.frame.focus();
    el.shadowRoot!.querySelector<HTMLElement>('[data-app="home"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'panel')?.matches(':popover-open'), 'the panel opens');
    await waitUntil(() => el.shadowRoot!.querySelector('pk-home'), 'Home loads');
    expect(el.shadowRoot!.querySelector('#panel-title')!.textContent).to.equal('Home');
    expect(getComputedStyle(part(el, 'panel')).position, 'with its styles').to.equal('fixed');
    const splitter = part(el, 'splitter');
    splitter.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(splitter.getAttribute('aria-valuenow')).to.equal('436');
    expect(page.win().pk.ribbonLayout.get().height).to.equal(436);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'panel').matches(':popover-open')).to.equal(false);
  });

  it('preloads the panel’s code once the bar is idle, with nothing open', async () => {
    await page.load({ api: await emulatorUrl() });
    const el = page.ribbon();
    // Idle comes when nothing else runs; a condition, not a timer.
    await waitUntil(() => part(el, 'panel'), 'the idle preload renders the (closed) panel', { timeout: 8000 });
    expect(part(el, 'panel').matches(':popover-open')).to.equal(false);
    expect(el.openApp).to.equal(null);
  });

  it('keeps the session across pages with the token in sessionStorage, when the host allows it', async function () {
    this.timeout(20_000);
    const api = await emulatorUrl();
    await page.load({ api, allow: 'session-token' });
    page.win().pk.settings.set({ persistence: 'session-token' });
    await signInInFrame(page);
    await page.load({ api, allow: 'session-token', page: '2' });
    await waitUntil(() => page.win().pk.session.get().status === 'signed-in', 'signed in on the next page');
    expect(page.win().pk.session.get().clientId).to.equal('demo-client');
    expect(await storedText(page.win())).not.to.include(SECRET);
    // Signing out forgets the token too.
    page.win().pk.session.signOut();
    const { signOutEverywhere } = await import('../../packages/elements/src/components/sign-in/session-actions.js');
    await signOutEverywhere();
    expect(sessionStorage.getItem('pk-session-token')).to.equal(null);
  });

  it('keeps encrypted credentials across visits, when the host allows it, and none in clear', async function () {
    this.timeout(20_000);
    const api = await emulatorUrl();
    await page.load({ api, allow: 'encrypted-credentials' });
    page.win().pk.settings.set({ persistence: 'encrypted-credentials' });
    await signInInFrame(page);
    // A new visit: a new tab has no sessionStorage.
    sessionStorage.clear();
    await page.load({ api, allow: 'encrypted-credentials', page: '2' });
    await waitUntil(() => page.win().pk.session.get().status === 'signed-in', 'signed in again from IndexedDB', {
      timeout: 4000,
    });
    expect(await storedText(page.win())).not.to.include(SECRET);
  });

  it('ignores a persistence choice the host does not allow', async () => {
    const api = await emulatorUrl();
    await page.load({ api });
    page.win().pk.settings.set({ persistence: 'session-token' });
    await signInInFrame(page);
    expect(sessionStorage.getItem('pk-session-token')).to.equal(null);
  });

  it('leaves no client secret in storage, cookies, the DOM or the console after the whole flow', async function () {
    this.timeout(40_000);
    const api = await emulatorUrl();
    await page.load({ api });
    const el = page.ribbon();
    // A failed attempt first, then the real one, then every app, then sign-out.
    page.frame.focus();
    await el.editCredentials();
    await typeCredentials(el, { clientId: 'demo-client', clientSecret: `${SECRET}-typo` });
    await waitUntil(() => signInParts(el).error(), 'the refusal');
    signInParts(el).clientId.focus();
    await typeCredentials(el, DEMO_CREDENTIALS);
    await waitUntil(() => page.win().pk.session.get().status === 'signed-in', 'signed in', { timeout: 4000 });
    for (const id of ['home', 'casebook', 'incidents', 'orbital', 'search', 'find', 'settings']) {
      const app = await el.open(id);
      await (app as HTMLElement & { updateComplete?: Promise<unknown> })?.updateComplete;
    }
    expect(domText(page.frame.contentDocument!), 'DOM while signed in').not.to.include(SECRET);
    await el.open('home');
    const home = el.shadowRoot!.querySelector('pk-home')!;
    [...home.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Sign out')!.click();
    await waitUntil(() => page.win().pk.session.get().status === 'signed-out', 'signed out');
    expect(deepActive()).to.exist;
    expect(await storedText(page.win()), 'storage, cookies, IndexedDB').not.to.include(SECRET);
    expect(domText(page.frame.contentDocument!), 'DOM').not.to.include(SECRET);
    expect(page.win().pkLogs.join('\n'), 'console').not.to.include(SECRET);
  });
});
