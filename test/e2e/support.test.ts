// The e2e helpers themselves: a wait that fails names what it waited for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, waitForQuietNetwork } from './support.js';

describe('e2e support', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  before(async () => {
    browser = await openBrowser();
  });
  after(() => browser?.close());

  it('a failed wait says which wait it was, and from where', async () => {
    const { page } = browser;
    await page.setContent('<p>nothing here</p>');
    await assert.rejects(
      page.waitForFunction(() => document.querySelector('#never-there'), { timeout: 50 }),
      (e: Error) =>
        /^waitForFunction failed \(.*50ms.*\): .*#never-there/.test(e.message) &&
        /support\.test\.ts/.test(e.message) &&
        e.cause instanceof Error,
    );
    await assert.rejects(page.waitForSelector('#missing', { timeout: 50 }), /waitForSelector failed .*: #missing/);
    // Any other failure keeps puppeteer's words too.
    await assert.rejects(page.waitForSelector('::not-a-selector(', { timeout: 50 }), /::not-a-selector\(.*failed/);
    // A network-idle wait that never came lists the requests still open.
    await page.setRequestInterception(true);
    page.once('request', () => undefined); // held: neither continued nor answered
    void page.evaluate(() => fetch('http://127.0.0.1:9/held-open').catch(() => undefined)).catch(() => undefined);
    await assert.rejects(page.waitForNetworkIdle({ idleTime: 50, timeout: 300 }), /still open: GET .*\/held-open/);
    // The helper the tests use instead waits on the request events, and says the same.
    await assert.rejects(waitForQuietNetwork(page, 50, 300), /never quiet .*still open: GET .*\/held-open/);
    await page.setRequestInterception(false);
    await page.reload(); // the held request goes with its document
    await waitForQuietNetwork(page, 100, 5000);
    await page.setContent('<p>here again</p>');
    // And a wait that succeeds still returns what puppeteer returns.
    assert.ok(await page.waitForSelector('p'));
  });
});
