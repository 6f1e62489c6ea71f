import { expect } from '@open-wc/testing';
import { createStore, entries } from 'idb-keyval';
import {
  CREDENTIALS_DB,
  TOKEN_KEY,
  forgetAll,
  forgetCredentials,
  loadCredentials,
  loadToken,
  saveCredentials,
  saveToken,
  savedTokenProvider,
} from './credentials.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY, matchesShortcut, parseSettings, parseShortcut, settings } from './settings.js';
import { parseLayout, parseView, ribbonLayout, LAYOUT_KEY } from './ribbon-layout.js';

const SECRET = 'canary-secret-5d1a';

/** Every byte IndexedDB holds for the credentials database, as text, to search for the secret. */
async function credentialBytes(): Promise<string> {
  const all = await entries(createStore(CREDENTIALS_DB, 'records'));
  const parts: string[] = [];
  for (const [k, v] of all) {
    parts.push(String(k));
    if (v instanceof CryptoKey) continue;
    const s = v as { iv: Uint8Array; data: ArrayBuffer };
    parts.push(new TextDecoder().decode(s.iv), new TextDecoder().decode(new Uint8Array(s.data)));
  }
  return parts.join('\n');
}

describe('ribbon state', () => {
  afterEach(async () => {
    await forgetAll();
    settings.reset();
  });

  describe('encrypted credentials', () => {
    it('round-trips the credentials and keeps no readable secret in IndexedDB', async () => {
      await saveCredentials({ clientId: 'client-1', clientSecret: SECRET, region: 'eu' });
      expect(await loadCredentials()).to.deep.equal({ clientId: 'client-1', clientSecret: SECRET, region: 'eu' });
      const bytes = await credentialBytes();
      expect(bytes).not.to.include(SECRET);
      expect(bytes).not.to.include('client-1');
    });

    it('keeps its key non-extractable', async () => {
      await saveCredentials({ clientId: 'c', clientSecret: SECRET, region: 'nam' });
      const all = await entries(createStore(CREDENTIALS_DB, 'records'));
      const key = all.map(([, v]) => v).find((v): v is CryptoKey => v instanceof CryptoKey)!;
      expect(key.extractable).to.equal(false);
      expect(key.usages).to.have.members(['encrypt', 'decrypt']);
      const exported = await crypto.subtle.exportKey('raw', key).then(
        () => 'exported',
        (e: Error) => e.name,
      );
      expect(exported).to.equal('InvalidAccessError');
    });

    it('reads nothing once forgotten, and nothing from a tampered record', async () => {
      await saveCredentials({ clientId: 'c', clientSecret: SECRET, region: 'nam' });
      const store = createStore(CREDENTIALS_DB, 'records');
      const record = (await entries(store)).find(([k]) => k === 'credentials')![1] as { data: ArrayBuffer };
      new Uint8Array(record.data)[0]! ^= 1;
      const { set } = await import('idb-keyval');
      await set('credentials', record, store);
      expect(await loadCredentials()).to.equal(undefined);
      await forgetCredentials();
      expect(await entries(store)).to.deep.equal([]);
    });
  });

  describe('session token', () => {
    it('keeps the token for this tab until it expires', () => {
      const now = Date.now();
      saveToken({ accessToken: 'tok', expiresAt: now + 300_000, scope: 'casebook', clientId: 'c', region: 'nam' });
      expect(loadToken(now)?.accessToken).to.equal('tok');
      expect(loadToken(now + 250_000)).to.equal(undefined);
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
    });

    it('serves the saved token with the seconds it has left, then refuses', async () => {
      let now = 1_000_000;
      const provider = savedTokenProvider(
        { accessToken: 'tok', expiresAt: now + 120_000, scope: 'a b', clientId: 'c', region: 'eu' },
        () => now,
      );
      expect(await provider()).to.deep.include({ access_token: 'tok', expires_in: 120, scope: 'a b' });
      now += 120_000;
      const err = await provider().catch((e: Error) => e);
      expect(err).to.be.instanceOf(Error);
    });
  });

  describe('settings', () => {
    it('fills what is missing or malformed with the defaults', () => {
      const s = parseSettings({ theme: 'neon', mids: ['a', 3, ''], defaultTlp: 'red', shortcuts: { search: 'S' } });
      expect(s.theme).to.equal('auto');
      expect(s.mids).to.deep.equal(['a']);
      expect(s.defaultTlp).to.equal('red');
      expect(s.shortcuts.search).to.equal(DEFAULT_SETTINGS.shortcuts.search);
    });

    it('stores changes and tells subscribers', () => {
      const seen: string[] = [];
      const off = settings.subscribe((s) => seen.push(s.theme));
      settings.set({ theme: 'dark' });
      settings.set({ theme: 'dark' });
      off();
      expect(seen).to.deep.equal(['dark']);
      expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).theme).to.equal('dark');
    });

    it('parses shortcuts and matches them on the key code', () => {
      expect(parseShortcut('Alt+Shift+S')).to.deep.equal({
        alt: true,
        ctrl: false,
        shift: true,
        meta: false,
        code: 'KeyS',
      });
      expect(parseShortcut('Shift+S'), 'no modifier that stops typing').to.equal(undefined);
      const e = new KeyboardEvent('keydown', { code: 'KeyS', key: 'ß', altKey: true, shiftKey: true });
      expect(matchesShortcut(e, 'Alt+Shift+S')).to.equal(true);
      expect(matchesShortcut(e, 'Alt+S')).to.equal(false);
    });
  });

  describe('layout and view', () => {
    it('clamps what it reads', () => {
      expect(parseLayout({ height: 20, offset: 7 })).to.deep.equal({ height: 160, offset: 1 });
      expect(parseView({ expanded: 'yes', openApp: '<img>', lastSearch: 5 })).to.deep.equal({
        expanded: true,
        openApp: null,
        lastSearch: '',
      });
    });

    it('remembers the layout per origin', () => {
      ribbonLayout.set({ height: 333 });
      expect(JSON.parse(localStorage.getItem(LAYOUT_KEY)!).height).to.equal(333);
      ribbonLayout.set({ height: 420, offset: 0 });
    });
  });
});
