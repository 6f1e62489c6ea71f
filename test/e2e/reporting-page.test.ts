// The demo as a person uses it: `node scripts/demo.mjs` (what `npm run demo` runs after setup) on free ports,
// then sign-in with the demo client, a pivot, and "Add to new case", checked in the emulator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer } from 'node:net';
import { once } from 'node:events';
import {
  casebookShows,
  fetchCasebook,
  freePort,
  observableButton,
  openBrowser,
  pivotAndAddToNewCase,
  root,
  startCommand,
  type Started,
} from './support.js';

describe('examples/reporting-page (npm run demo)', () => {
  let demo: Started;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: string;
  let api: string;

  before(async () => {
    const [pagePort, apiPort] = [await freePort(), await freePort()];
    page = `http://localhost:${pagePort}`;
    api = `http://localhost:${apiPort}`;
    demo = await startCommand(process.execPath, ['scripts/demo.mjs', '--data', ':memory:'], {
      env: { PORT: String(pagePort), API_PORT: String(apiPort) },
      ready: /demo ready/,
    });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('signs in with the demo client, pivots on a sender IP and adds it to a new case', async () => {
    const p = browser.page;
    await p.goto(`${page}/`);
    await p.waitForSelector('#session.ok');
    assert.match(await p.$eval('#session', (e) => e.textContent!), /demo-client/);
    const id = await pivotAndAddToNewCase(p, '198.51.100.7');
    const stored = await fetchCasebook(api, id);
    assert.ok(
      stored.observables.some((o) => o.type === 'ip' && o.value === '198.51.100.7'),
      JSON.stringify(stored),
    );
    // The docked casebook lists the new case.
    await casebookShows(p, stored.title);
    assert.deepEqual(browser.errors, []);
  });

  it('has a web tracking page and a message detail page, decorated the same way', async () => {
    const p = browser.page;
    await p.goto(`${page}/web.html`);
    await p.waitForSelector('#session.ok');
    await observableButton(p, 'http://evil.example.net/payload.exe');
    await p.goto(`${page}/message.html?id=MID-880007`);
    await p.waitForSelector('#session.ok');
    const subject = await p.$eval('h1', (e) => e.textContent!);
    assert.notEqual(subject, 'Message');
    // The message's sender IP is decorated; our own relay (10.x) is not.
    await p.waitForSelector('.hops pk-observable');
    assert.equal(await p.$('.hops td[data-pk-ignore] pk-observable'), null);
    assert.deepEqual(browser.errors, []);
  });

  it('says which port is taken and how to pick another', async () => {
    const blocker = createServer().listen(0, 'localhost');
    await once(blocker, 'listening');
    const taken = (blocker.address() as { port: number }).port;
    try {
      const run = startCommand(process.execPath, ['scripts/demo.mjs', '--port', String(taken)], {
        cwd: root,
        ready: /demo ready/,
      });
      await assert.rejects(run, (e: Error) => {
        assert.match(e.message, new RegExp(`port ${taken} for the console is already in use`));
        assert.match(e.message, new RegExp(`PORT=${taken + 1} npm run demo`));
        return true;
      });
    } finally {
      blocker.close();
    }
  });
});
