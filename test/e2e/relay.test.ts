// examples/relay: the host backend runs `pivotkit-server relay`; the page signs in with a tokenProvider.
// Besides sign-in, a pivot and "Add to new case", nothing the browser sends or receives holds the secret.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  casebookShows,
  fetchCasebook,
  freePort,
  openBrowser,
  pivotAndAddToNewCase,
  root,
  startCommand,
  type Started,
} from './support.js';

describe('examples/relay', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let started: Started;
  let url: string;
  let api: string;
  before(async () => {
    const [port, relayPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    api = `http://localhost:${apiPort}`;
    started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: join(root, 'examples', 'relay'),
      env: { PORT: String(port), RELAY_PORT: String(relayPort), API_PORT: String(apiPort) },
      ready: /relay example ready: (\S+)/,
    });
    url = /relay example ready: (\S+)/.exec(started.output())![1]!;
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await started?.stop();
  });

  it('signs in through the relay, pivots and adds to a case, and the browser never sees the secret', async () => {
    const page = browser.page;
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url(), JSON.stringify(r.headers()), r.postData() ?? ''));
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script')
        void r.text().then(
          (t) => seen.push(t),
          () => undefined,
        );
    });
    await page.goto(url);
    await page.waitForFunction(() =>
      document.querySelector('#session')?.textContent?.startsWith('Signed in through the relay'),
    );
    const id = await pivotAndAddToNewCase(page, '198.51.100.7');
    const stored = await fetchCasebook(api, id);
    assert.ok(stored.observables.some((o) => o.value === '198.51.100.7'));
    await casebookShows(page, stored.title);
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    const everything = [...seen, storage, await page.content()].join('\n');
    assert.ok(
      seen.some((s) => s.includes('/iroh/oauth2/token')),
      'the page asked the relay for a token',
    );
    assert.ok(!everything.includes('demo-secret'), 'the secret reached the browser');
    assert.ok(!/Basic [A-Za-z0-9+/=]{8,}/.test(everything), 'client credentials reached the browser');
    assert.deepEqual(browser.errors, []);
  });
});
