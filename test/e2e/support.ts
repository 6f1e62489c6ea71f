// End-to-end support: start an example with its documented command, drive it in headless Chromium (puppeteer,
// which @web/test-runner already brings) with real mouse input, and check what the emulator stored.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { puppeteerCore as puppeteer } from '@web/test-runner-chrome';
import { chromiumArgs, requireChromium } from '../../scripts/lib/chromium.mjs';

type Browser = Awaited<ReturnType<typeof puppeteer.launch>>;
export type Page = Awaited<ReturnType<Browser['newPage']>>;
type Request = NonNullable<Awaited<ReturnType<Page['waitForRequest']>>>;

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A free loopback port (the OS picks it; nothing listens on it once this resolves). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface Started {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `command args` (in its own process group, so its children stop with it) and resolves once its output,
 * colour codes removed, matches `ready`; rejects with the output when it exits first, or stops it and rejects
 * when `ready` has not come after `timeoutMs` (default two minutes: a cold Vite start on a loaded machine).
 */
export function startCommand(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; ready: RegExp; timeoutMs?: number },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`${command} ${args.join(' ')} printed nothing matching ${opts.ready} in ${timeoutMs} ms:\n${out}`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += stripVTControlCharacters(chunk.toString('utf8'));
      if (opts.ready.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve({ child, output: () => out, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += stripVTControlCharacters(c.toString('utf8'))));
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before ready:\n${out}`));
    });
  });
}

const WAITS = ['waitForFunction', 'waitForSelector', 'waitForNetworkIdle'] as const;

interface Requests {
  /** The requests started and not finished or failed yet, with what they are and since when. */
  open: Map<Request, { url: string; since: number }>;
  /** When a request last started or ended. */
  last: number;
}
const tracked = new WeakMap<Page, Requests>();

/** The page's requests, followed from their events (once per page). */
function trackRequests(page: Page): Requests {
  let t = tracked.get(page);
  if (t) return t;
  const requests: Requests = { open: new Map(), last: Date.now() };
  const done = (r: Request) => {
    requests.open.delete(r);
    requests.last = Date.now();
  };
  page.on('request', (r) => {
    requests.open.set(r, { url: `${r.method()} ${r.url()}`, since: Date.now() });
    requests.last = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  // A new document: the old one's requests are gone, whether or not an event said so.
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    for (const r of requests.open.keys()) if (r.resourceType() !== 'document') requests.open.delete(r);
  });
  tracked.set(page, (t = requests));
  return t;
}

const openList = (open: Requests['open']) =>
  [...open.values()].map((r) => `${r.url} (${Date.now() - r.since} ms)`).join(', ') || 'none';

/**
 * Resolves once no request of `page` has been open for `idleMs`, as the page's request events tell. Used instead of
 * puppeteer's `waitForNetworkIdle`, whose own count now and then keeps a finished request open and times out on a
 * quiet page (puppeteer issues #8383 and #11235; seen here in one CI run in four).
 */
export async function waitForQuietNetwork(page: Page, idleMs = 500, timeoutMs = 30_000): Promise<void> {
  const t = trackRequests(page);
  const start = Date.now();
  for (;;) {
    const now = Date.now();
    if (t.open.size === 0 && now - t.last >= idleMs) return;
    if (now - start > timeoutMs)
      throw new Error(
        `the network was never quiet for ${idleMs} ms in ${timeoutMs} ms; still open: ${openList(t.open)}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Makes a failed wait of `page` say what it waited for and where the test asked for it: puppeteer's own
 * TimeoutError says only "Timed out after waiting 30000ms", which left a flaky run unexplained once.
 */
export function nameTimeouts(page: Page): void {
  const open = trackRequests(page).open;
  for (const name of WAITS) {
    const wait = (page[name] as (...a: unknown[]) => Promise<unknown>).bind(page);
    Object.defineProperty(page, name, {
      configurable: true,
      value: (...args: unknown[]) => {
        const caller = new Error().stack?.split('\n').slice(2, 4).join(' <') ?? '';
        return wait(...args).catch((e: unknown) => {
          if (!(e instanceof Error)) throw e;
          const first = args[0];
          const what =
            typeof first === 'function'
              ? String(first).replace(/\s+/g, ' ').slice(0, 240)
              : typeof first === 'string'
                ? first
                : JSON.stringify(first ?? {});
          const busy = name === 'waitForNetworkIdle' ? `\n  still open: ${openList(open)}` : '';
          throw new Error(`${name} failed (${e.message}): ${what}\n  asked ${caller.trim()}${busy}`, { cause: e });
        });
      },
    });
  }
}

/** Headless Chromium with a page that records console errors and uncaught exceptions. */
export async function openBrowser(): Promise<{
  browser: Browser;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}> {
  const browser = await puppeteer.launch({ executablePath: requireChromium(), headless: true, args: chromiumArgs });
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  page.setDefaultTimeout(30_000); // conditions, not delays: a loaded 2-core machine needs the margin
  nameTimeouts(page);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.location().url ? `${m.text()} (${m.location().url})` : m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { browser, page, errors, close: () => browser.close() };
}

/** Waits for the `<pk-observable>` of `value` (decorated or written in the page) and returns its pivot button. */
export async function observableButton(page: Page, value: string) {
  const handle = await page.waitForFunction(
    (v: string) => {
      const all = [...document.querySelectorAll<HTMLElement & { value: string }>('pk-observable')];
      for (const host of document.querySelectorAll('*')) {
        if (host.shadowRoot)
          all.push(...host.shadowRoot.querySelectorAll<HTMLElement & { value: string }>('pk-observable'));
      }
      return all.find((o) => o.value === v)?.shadowRoot?.querySelector('[part="pivot"]') ?? undefined;
    },
    {},
    value,
  );
  return handle.asElement() as NonNullable<Awaited<ReturnType<Page['$']>>>;
}

/**
 * What every example must do: with the page signed in, open the pivot menu of the observable `value` with a
 * real click, choose "Add to new case", and wait for the confirmation. Returns the new case's id (the current
 * case the menu stored).
 */
export async function pivotAndAddToNewCase(page: Page, value: string): Promise<string> {
  const button = await observableButton(page, value);
  await button.scrollIntoView();
  // Verdict badges arrive once the page is signed in and its observables are visible, and they widen the table's
  // columns: the button moves. A person aims once it stops moving; so does the click (the page's enrichment has
  // answered, then a locator's click waits for a box that is the same two frames running).
  await waitForQuietNetwork(page, 500);
  await button.asLocator().click();
  await page.waitForSelector('pk-pivot-menu[open]');
  const item = await page.waitForSelector('pk-pivot-menu >>> [data-id="new-case"]:not([aria-disabled])', {
    visible: true,
  });
  const before = await page.evaluate(() => localStorage.getItem('pk-current-case'));
  // The menu grows as its verdict rows load and may flip or shift: the same wait for a still target.
  await item!.asLocator().click();
  // The new case becomes the current case (the state layer keeps its id in localStorage) once the server made it;
  // the menu may have closed by then, so its status line is not waited on.
  await page.waitForFunction(
    (b) => {
      const now = localStorage.getItem('pk-current-case');
      return now !== null && now !== b;
    },
    {},
    before,
  );
  const id = await page.evaluate(() => localStorage.getItem('pk-current-case'));
  if (!id) throw new Error('the menu stored no current case');
  return id;
}

/** GET `path` from the emulator at `api`, signed in as the demo client; the parsed JSON body. */
export async function apiGet<T>(api: string, path: string): Promise<T> {
  const basic = Buffer.from('demo-client:demo-secret').toString('base64');
  const tokenRes = await fetch(`${api}/iroh/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const res = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The last path segment of a CTIA id (short or long form). */
export const shortId = (id: string): string => (id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : id);

/** The casebook `id` as the emulator at `api` stores it (signed in as the demo client). */
export function fetchCasebook(
  api: string,
  id: string,
): Promise<{ title: string; tlp?: string; observables: { type: string; value: string }[] }> {
  return apiGet(api, `/ctia/casebook/${encodeURIComponent(shortId(id))}`);
}

/** The `<pk-ribbon>`'s bar item whose label starts with `label`. */
export async function ribbonItem(page: Page, label: string) {
  const handle = await page.waitForFunction(
    (l: string) =>
      [...(document.querySelector('pk-ribbon')?.shadowRoot?.querySelectorAll('[part~="item"]') ?? [])].find((b) =>
        b.textContent?.trim().startsWith(l),
      ),
    {},
    label,
  );
  return handle.asElement() as NonNullable<Awaited<ReturnType<Page['$']>>>;
}

/**
 * Opens the casebook with a real click, from the ribbon's Casebook button when the page has a `<pk-ribbon>`, else
 * from the docked `<pk-casebook>`'s corner button, and waits until a `<pk-casebook>` (wherever it is mounted,
 * shadow roots included) shows `text`.
 */
export async function casebookShows(page: Page, text: string): Promise<void> {
  const opener = (await page.$('pk-ribbon'))
    ? await ribbonItem(page, 'Casebook')
    : await page.waitForSelector('pk-casebook >>> [part~="toggle"]', { visible: true });
  await opener!.asLocator().click();
  // No named inner functions: the test runner's transform would wrap them in a helper the page lacks.
  await page.waitForFunction(
    (t: string) => {
      const stack: Node[] = [document.body];
      const casebooks: Element[] = [];
      while (stack.length) {
        const n = stack.pop()!;
        if (n instanceof Element && n.localName === 'pk-casebook') casebooks.push(n);
        stack.push(...n.childNodes);
        if ((n as Element).shadowRoot) stack.push((n as Element).shadowRoot!);
      }
      return casebooks.some((cb) => {
        let all = '';
        const inner: Node[] = [cb];
        while (inner.length) {
          const n = inner.pop()!;
          if (n.nodeType === 3) all += ` ${n.textContent ?? ''}`;
          inner.push(...n.childNodes);
          if ((n as Element).shadowRoot) inner.push((n as Element).shadowRoot!);
        }
        return all.includes(t);
      });
    },
    {},
    text,
  );
}

/**
 * The end-to-end suite of the Vite example in `examples/<name>`: started with its documented command
 * (`node start.mjs`, on free ports), then `check`ed in headless Chromium against its own emulator, with no console
 * error on the page.
 */
export function describeViteExample(
  name: string,
  does: string,
  check: (page: Page, url: string, api: string) => Promise<void>,
): void {
  describe(`examples/${name}`, () => {
    let browser: Awaited<ReturnType<typeof openBrowser>>;
    let started: Started;
    let apiPort: number;
    const ready = new RegExp(`${name} example ready: (\\S+)`);
    before(async () => {
      const port = await freePort();
      apiPort = await freePort();
      started = await startCommand(process.execPath, ['start.mjs'], {
        cwd: join(root, 'examples', name),
        env: { PORT: String(port), API_PORT: String(apiPort) },
        ready,
      });
      browser = await openBrowser();
    });
    after(async () => {
      await browser?.close();
      await started?.stop();
    });
    it(does, async () => {
      await check(browser.page, ready.exec(started.output())![1]!, `http://localhost:${apiPort}`);
      if (browser.errors.length) throw new Error(`console errors on the page:\n${browser.errors.join('\n')}`);
    });
  });
}
