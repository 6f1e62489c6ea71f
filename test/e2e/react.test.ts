// examples/react: React 19 with the elements as they are (properties and pk-* event props), and the @lit/react
// wrappers, started with its documented command.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  casebookShows,
  fetchCasebook,
  freePort,
  observableButton,
  openBrowser,
  pivotAndAddToNewCase,
  root,
  startCommand,
  type Page,
  type Started,
} from './support.js';

/** Starts the React example in `folder` and checks it end to end; shared with the packed-packages test. */
export async function checkReactExample(page: Page, url: string, api: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() =>
    document.querySelector('#session')?.textContent?.startsWith('Signed in as demo-client'),
  );
  const log = () => page.$$eval('#log li', (lis) => lis.map((li) => li.textContent));
  const logged = (line: string) =>
    page.waitForFunction((l: string) => document.querySelector('#log')?.textContent?.includes(l), {}, line);
  const id = await pivotAndAddToNewCase(page, '198.51.100.7');
  // Document listeners hear the shared pivot menu's events.
  await logged('pk-add-to-case 198.51.100.7');
  assert.ok((await log()).includes('pk-pivot-open 198.51.100.7'), String(await log()));
  const stored = await fetchCasebook(api, id);
  assert.ok(stored.observables.some((o) => o.value === '198.51.100.7'));
  await casebookShows(page, stored.title);
  // React 19 passed `onpk-observable-pick` as a listener: Enter on the drag handle fires the element's event.
  await pickWithKeyboard(page, 'evil.example.net');
  await logged('pk-observable-pick evil.example.net');
  // The same through the @lit/react wrapper's onObservablePick.
  await pickWithKeyboard(page, 'disputed.example.com');
  await logged('wrapper pk-observable-pick disputed.example.com');
}

async function pickWithKeyboard(page: Page, value: string) {
  await page.keyboard.press('Escape');
  const button = await observableButton(page, value);
  await button.focus();
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab'); // the drag handle comes before the pivot button
  await page.keyboard.up('Shift');
  await page.keyboard.press('Enter');
}

describe('examples/react', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let started: Started;
  let apiPort: number;
  before(async () => {
    const port = await freePort();
    apiPort = await freePort();
    started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: join(root, 'examples', 'react'),
      env: { PORT: String(port), API_PORT: String(apiPort) },
      ready: /react example ready: (\S+)/,
    });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await started?.stop();
  });

  it('starts with `pnpm start`, signs in, pivots, adds to a case, and hears pk-* events through React', async () => {
    const url = /react example ready: (\S+)/.exec(started.output())![1]!;
    await checkReactExample(browser.page, url, `http://localhost:${apiPort}`);
    assert.deepEqual(browser.errors, []);
  });
});
