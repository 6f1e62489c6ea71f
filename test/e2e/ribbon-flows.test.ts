// The ribbon on the demo console, as an analyst uses it: `node scripts/demo.mjs` (what `npm run demo` runs) on
// free ports, then the enrichment search with pasted text and the keyboard alone, "Find observables" on the page,
// an incident's status, the ribbon's state on the next page, and no client secret left anywhere. Every result is
// checked in the emulator, not in the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apiGet,
  fetchCasebook,
  freePort,
  openBrowser,
  ribbonItem,
  shortId,
  startCommand,
  type Page,
  type Started,
} from './support.js';

/** The id of the current case, once it differs from `before`. */
async function currentCaseAfter(page: Page, before: string | null): Promise<string> {
  await page.waitForFunction(
    (b: string | null) => {
      const now = localStorage.getItem('pk-current-case');
      return now !== null && now !== b;
    },
    {},
    before,
  );
  return (await page.evaluate(() => localStorage.getItem('pk-current-case')))!;
}

/** Every text the page holds in storage it can read (local, session, IndexedDB, cookies) and in its DOM. */
function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [document.cookie];
    for (const s of [localStorage, sessionStorage]) {
      for (let i = 0; i < s.length; i++) parts.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((ok, fail) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        parts.push(JSON.stringify(all, (_k, v: unknown) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v)));
      }
      db.close();
    }
    // The DOM, shadow roots and form values included.
    const stack: Node[] = [document.documentElement];
    while (stack.length) {
      const n = stack.pop()!;
      if (n instanceof Element) {
        parts.push(n.outerHTML.length < 200_000 ? [...n.attributes].map((a) => a.value).join(' ') : '');
        if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) parts.push(n.value);
        if (n.shadowRoot) stack.push(n.shadowRoot);
      } else if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
      stack.push(...n.childNodes);
    }
    return parts.join('\n');
  });
}

describe('the ribbon on the demo console (npm run demo)', () => {
  let demo: Started;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let origin: string;
  let api: string;
  const consoleLines: string[] = [];

  before(async () => {
    const [pagePort, apiPort] = [await freePort(), await freePort()];
    origin = `http://localhost:${pagePort}`;
    api = `http://localhost:${apiPort}`;
    demo = await startCommand(process.execPath, ['scripts/demo.mjs', '--data', ':memory:'], {
      env: { PORT: String(pagePort), API_PORT: String(apiPort) },
      ready: /demo ready/,
    });
    browser = await openBrowser();
    page = browser.page;
    page.on('console', (m) => consoleLines.push(m.text()));
    // A real paste reads the system clipboard; the page may write it, as a copy from another window would.
    await page
      .browserContext()
      .overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.goto(`${origin}/`);
    await page.waitForSelector('#session.ok');
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('searches pasted text and adds all it found to a new case, with the keyboard alone', async () => {
    const before = await page.evaluate(() => localStorage.getItem('pk-current-case'));
    await page.evaluate(() =>
      navigator.clipboard.writeText(
        'Seen from 198.51.100.7 and evil.example.net, payload at hxxp://phish[.]example.org/login\nnot an observable',
      ),
    );
    // The ribbon's shortcut for the search (Settings shows it), then paste into the box it focuses.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyS');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('part') === 'input';
    });
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyV', { commands: ['Paste'] });
    await page.keyboard.up('Control');
    const addAll = await page.waitForSelector('pk-ribbon >>> pk-enrich-search >>> [part~="add-all-new"]');
    // Tab from the box to the toolbar that holds "Add all to a new case", then the arrow keys within it (a
    // WAI-ARIA toolbar is one Tab stop), as a keyboard user does; then Enter.
    for (let i = 0; i < 16; i++) {
      const where = await addAll!.evaluate((b) => {
        if (b.matches(':focus')) return 'there';
        const bar = b.closest('[role="toolbar"]');
        return bar && bar.contains((b.getRootNode() as ShadowRoot).activeElement) ? 'toolbar' : 'elsewhere';
      });
      if (where === 'there') break;
      await page.keyboard.press(where === 'toolbar' ? 'ArrowRight' : 'Tab');
    }
    assert.equal(await addAll!.evaluate((b) => b.matches(':focus')), true, 'Tab reaches "Add all to a new case"');
    await page.keyboard.press('Enter');
    const id = await currentCaseAfter(page, before);
    const stored = await fetchCasebook(api, id);
    const values = stored.observables.map((o) => `${o.type}:${o.value}`).sort();
    assert.deepEqual(
      values,
      ['domain:evil.example.net', 'domain:phish.example.org', 'ip:198.51.100.7', 'url:http://phish.example.org/login'],
      JSON.stringify(stored),
    );
  });

  it('finds the observables on the page and adds the chosen ones to the current case', async () => {
    const caseId = (await page.evaluate(() => localStorage.getItem('pk-current-case')))!;
    const before = (await fetchCasebook(api, caseId)).observables.length;
    await (await ribbonItem(page, 'Find observables')).asLocator().click();
    await (await page.waitForSelector('pk-ribbon >>> pk-find-observables >>> [part~="scan"]'))!.asLocator().click();
    const typeFilter = await page.waitForSelector('pk-ribbon >>> pk-find-observables >>> [part~="filters"] select');
    await typeFilter!.select('sha256');
    const selectAll = await page.waitForSelector('pk-ribbon >>> pk-find-observables >>> [part~="selection"] input');
    await selectAll!.asLocator().click();
    // The page's hashes: in its text, and in the pivot buttons decoration put in place of the text.
    const inPage = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const values = [...main.querySelectorAll('pk-observable')].map(
        (o) => (o as HTMLElement & { value: string }).value,
      );
      const all = `${main.textContent} ${values.join(' ')}`.match(/\b[0-9a-f]{64}\b/gi) ?? [];
      return [...new Set(all.map((h) => h.toLowerCase()))];
    });
    assert.ok(inPage.length > 0);
    // Every hash of the page is listed (the grid is windowed: its count says so, the case below has them all).
    const count = await page.$eval('pk-ribbon >>> pk-find-observables >>> [part~="selection"] [part~="status"]', (e) =>
      e.textContent!.trim(),
    );
    assert.equal(count, `${inPage.length} of ${inPage.length} selected`);
    await (await page.waitForSelector('pk-ribbon >>> pk-find-observables >>> [part~="add"]:not([disabled])'))!
      .asLocator()
      .click();
    // Done when the page's live region says so, and the selection is cleared.
    await page.waitForFunction(
      (n: number) => [...document.querySelectorAll('[aria-live]')].some((r) => r.textContent?.includes(`Added ${n}`)),
      {},
      inPage.length,
    );
    const stored = await fetchCasebook(api, caseId);
    const hashes = stored.observables.filter((o) => o.type === 'sha256').map((o) => o.value.toLowerCase());
    assert.deepEqual(new Set(hashes), new Set(inPage));
    assert.equal(stored.observables.length, before + inPage.length);
  });

  it("changes an incident's status, and the emulator stores it", async () => {
    await (await ribbonItem(page, 'Incidents')).asLocator().click();
    const row = await page.waitForFunction(() => {
      const incidents = document.querySelector('pk-ribbon')?.shadowRoot?.querySelector('pk-incidents')?.shadowRoot;
      return [...(incidents?.querySelectorAll('[part~="incident"]') ?? [])].find((b) =>
        b.textContent?.includes('Suspicious sign-ins from 203.0.113.9'),
      );
    });
    await (row.asElement() as NonNullable<Awaited<ReturnType<Page['$']>>>).asLocator().click();
    const select = await page.waitForSelector('pk-ribbon >>> pk-incidents >>> [part~="status-change"] select');
    await select!.select('Closed: Confirmed Threat');
    await (await page.waitForSelector('pk-ribbon >>> pk-incidents >>> [part~="status-change"] button:not([disabled])'))!
      .asLocator()
      .click();
    await page.waitForFunction(() => {
      const incidents = document.querySelector('pk-ribbon')?.shadowRoot?.querySelector('pk-incidents')?.shadowRoot;
      return incidents?.querySelector('[part~="fields"]')?.textContent?.includes('Closed: Confirmed Threat');
    });
    const found = await apiGet<{ id: string; title: string; status: string }[]>(
      api,
      `/ctia/incident/search?limit=100&query=${encodeURIComponent('title:"Suspicious sign-ins from 203.0.113.9"')}`,
    );
    const incident = found.find((i) => i.title === 'Suspicious sign-ins from 203.0.113.9');
    assert.ok(incident, JSON.stringify(found));
    const stored = await apiGet<{ status: string }>(api, `/ctia/incident/${encodeURIComponent(shortId(incident.id))}`);
    assert.equal(stored.status, 'Closed: Confirmed Threat');
  });

  it('looks the same on the next page: the open app, the panel height and the last search', async () => {
    const splitter = await page.waitForSelector('pk-ribbon >>> [part~="splitter"]');
    const height = () =>
      page.$eval('pk-ribbon >>> [part~="panel"]', (p) => Math.round(p.getBoundingClientRect().height));
    const was = await height();
    await splitter!.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await page.waitForFunction(
      (h: number) => {
        const panel = document.querySelector('pk-ribbon')?.shadowRoot?.querySelector('[part~="panel"]');
        return Math.round(panel?.getBoundingClientRect().height ?? 0) > h;
      },
      {},
      was,
    );
    const resized = await height();
    const search = await page
      .$eval('pk-ribbon >>> pk-enrich-search >>> [part~="input"]', (t) => (t as HTMLTextAreaElement).value)
      .catch(() => null);
    // The console's own navigation, as a person clicks it.
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="./web.html"]')]);
    await page.waitForSelector('#session.ok');
    await page.waitForSelector('pk-ribbon >>> pk-incidents');
    assert.equal(await height(), resized);
    const title = await page.$eval('pk-ribbon >>> [part~="panel__title"]', (h) => h.textContent!.trim());
    assert.match(title, /Incidents/);
    await (await ribbonItem(page, 'Search')).asLocator().click();
    await page.waitForSelector('pk-ribbon >>> pk-enrich-search >>> [part~="input"]');
    const kept = await page.$eval(
      'pk-ribbon >>> pk-enrich-search >>> [part~="input"]',
      (t) => (t as HTMLTextAreaElement).value,
    );
    assert.match(kept, /198\.51\.100\.7/);
    if (search !== null) assert.equal(kept, search);
  });

  it('leaves the client secret nowhere the page can read, nor in the console', async () => {
    const everything = await everythingStored(page);
    assert.ok(everything.includes('pk-current-case'), 'the walk read the storage');
    assert.equal(everything.includes('demo-secret'), false);
    assert.equal(
      consoleLines.some((l) => l.includes('demo-secret')),
      false,
    );
    assert.deepEqual(browser.errors, []);
  });
});
