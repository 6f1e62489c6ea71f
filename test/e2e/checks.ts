// What each example must do, as functions: the end-to-end tests run them against the examples in this
// repository, and the packed-packages test against the same examples installed from the tarballs.
import assert from 'node:assert/strict';
import {
  casebookShows,
  fetchCasebook,
  observableButton,
  pivotAndAddToNewCase,
  ribbonItem,
  type Page,
} from './support.js';

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

/** The React example at `url`: sign-in, pivot, add to case, and pk-* events heard through React 19. */
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
}

/**
 * The React 18 example at `url`: React 18 itself on the page, and the @lit/react wrappers setting the elements'
 * properties (objects included) and hearing their pk-* events; sign-in, pivot and add to a case, the case in the
 * ribbon and in a docked casebook, and a keyboard pick that the casebook adds to the case in the emulator at `api`.
 */
export async function checkReact18Example(page: Page, url: string, api: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() =>
    document.querySelector('#session')?.textContent?.startsWith('Signed in as demo-client'),
  );
  const versions = await page.$eval('#versions', (p) => p.textContent);
  assert.match(versions ?? '', /^React 18\.\d+\.\d+, react-dom 18\.\d+\.\d+$/);
  const log = () => page.$$eval('#log li', (lis) => lis.map((li) => li.textContent));
  const logged = (line: string) =>
    page
      .waitForFunction((l: string) => document.querySelector('#log')?.textContent?.includes(l), {}, line)
      .catch(async (e: unknown) => {
        throw new Error(`never logged: ${line}; the log: ${JSON.stringify(await log())}`, { cause: e });
      });
  // Properties: a number (the badge's disposition), and an object and a boolean: the console's own verdict
  // (Suspicious; Threat Response would say Malicious) shown with noEnrich.
  const badgeName = (selector: string) =>
    page.waitForFunction(
      (s: string) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="name"]')?.textContent,
      {},
      selector,
    );
  assert.equal(await (await badgeName('#A-2042 pk-verdict-badge')).jsonValue(), 'Malicious');
  assert.equal(await (await badgeName('#A-2043 pk-verdict-badge')).jsonValue(), 'Suspicious');
  const sandboxVerdict = async () =>
    (
      await page.waitForFunction(
        () =>
          document
            .querySelector('#A-2043 pk-observable')
            ?.shadowRoot?.querySelector('[part~="verdict"]')
            ?.shadowRoot?.querySelector('[part~="name"]')?.textContent,
      )
    ).jsonValue();
  assert.equal(await sandboxVerdict(), 'Suspicious');

  const id = await pivotAndAddToNewCase(page, '198.51.100.7');
  await logged('pk-add-to-case 198.51.100.7');
  const stored = await fetchCasebook(api, id);
  assert.ok(stored.observables.some((o) => o.value === '198.51.100.7'));
  // The ribbon's Casebook, opened with a click, heard through onRibbonAppOpen; a second click closes it.
  await casebookShows(page, stored.title);
  await logged('pk-ribbon-app-open casebook');
  await (await ribbonItem(page, 'Casebook')).asLocator().click();
  await logged('pk-ribbon-app-close casebook');
  // Enter on a drag handle, heard through onObservablePick; the ribbon's casebook adds it to the current case.
  await pickWithKeyboard(page, 'disputed.example.com');
  await logged('pk-observable-pick disputed.example.com');
  await storedHas(api, id, 'disputed.example.com');
  // Still the console's verdict: no enrichment replaced it meanwhile.
  assert.equal(await sandboxVerdict(), 'Suspicious');
  // The other layout: a docked casebook instead of the ribbon, shows the case; Escape heard through onRequestClose.
  await (await page.waitForSelector('#layout'))!.asLocator().click();
  await page.waitForFunction(
    () => !document.querySelector('pk-ribbon') && document.querySelector('pk-casebook[docked]'),
  );
  await casebookShows(page, stored.title);
  await page.keyboard.press('Escape');
  await logged('pk-request-close escape');
  await page.waitForSelector('pk-casebook[docked]:not([open])'); // nobody cancelled it: the panel closed
}

/** Waits until the case `id` in the emulator at `api` holds `value` (the casebook sends its edits after saying so). */
async function storedHas(api: string, id: string, value: string) {
  for (const end = Date.now() + 30_000; ;) {
    const stored = await fetchCasebook(api, id);
    if (stored.observables.some((o) => o.value === value)) return;
    if (Date.now() > end) assert.fail(`${value} never reached ${id}: ${JSON.stringify(stored)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
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
