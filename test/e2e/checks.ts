// What each example must do, as functions: the end-to-end tests run them against the examples in this
// repository, and the packed-packages test against the same examples installed from the tarballs.
import assert from 'node:assert/strict';
import { casebookShows, fetchCasebook, observableButton, pivotAndAddToNewCase, type Page } from './support.js';

/** The script-tag page at `url`: signed in, a pivot, "Add to new case" stored in the emulator at `api`. */
export async function checkScriptTagExample(
  page: Page,
  url: string,
  api: string,
  value = '198.51.100.7',
): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() =>
    document.querySelector('#session')?.textContent?.startsWith('Signed in as demo-client'),
  );
  const id = await pivotAndAddToNewCase(page, value);
  const stored = await fetchCasebook(api, id);
  assert.ok(stored.observables.some((o) => o.value === value));
  await casebookShows(page, stored.title);
  // The hand-written element is upgraded by the same file.
  assert.equal(await page.$eval('pk-observable[value="evil.example.net"]', (e) => !!e.shadowRoot), true);
}

/** The React example at `url`: sign-in, pivot, add to case, and pk-* events heard through React 19 and the wrappers. */
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
