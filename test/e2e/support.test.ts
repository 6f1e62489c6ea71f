// The e2e helpers themselves: a wait that fails names what it waited for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser } from './support.js';

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
    // And a wait that succeeds still returns what puppeteer returns.
    assert.ok(await page.waitForSelector('p'));
  });
});
