// The casebook's case view is code of its own, loaded with import() when the panel first shows a case (or is
// idle). This file runs in a page of its own, so that the view's module has not been loaded by another test.
import { expect, fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { PivotkitApiClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-casebook.js';
import { Outbox, type PkCasebook } from '@pivotkit/elements/pk-casebook.js';
import { emulatorClient, expectAccessible } from './casebook-helpers.js';

const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });
const one = (el: PkCasebook, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<pk-casebook> case view, loaded on first use', function () {
  this.timeout(30000);
  let client: PivotkitApiClient;
  let box: Outbox;

  before(async () => {
    client = await emulatorClient();
    await client.signIn();
  });
  const view = '/components/casebook/case-view.ts';
  after(async () => {
    // Even when the test failed half-way: the files after this one load the view.
    await executeServerCommand('pk-fail-module', { path: view, fail: false });
    box?.dispose();
    // Opening the case made it the page's current case: the next test file starts without one.
    localStorage.removeItem('pk-current-case');
  });

  it('says so when its code does not arrive, keeps the list usable, and shows the case on Retry', async () => {
    const cb = await client.casebooks.create({
      title: 'Lazy view',
      observables: [{ type: 'domain', value: 'lazy.example' }],
      tlp: 'green',
    });
    // Every request for the view's module fails, as during a network fault (the idle preload, then each open).
    await executeServerCommand('pk-fail-module', { path: view, fail: true });
    box = new Outbox({ dbName: `pk-case-view-${Date.now()}`, client: () => client });
    const el = await fixture<PkCasebook>(html`<pk-casebook .client=${client} .outbox=${box}></pk-casebook>`);
    await waitUntil(() => one(el, `[role="option"][data-id="${CSS.escape(cb.id)}"]`), 'the list shows the case');

    one(el, `[role="option"][data-id="${CSS.escape(cb.id)}"]`)!.click();
    await waitUntil(() => one(el, '[part~="case-message"] [role="alert"]'), 'the failed load is said');
    const alert = one(el, '[part~="case-message"] [role="alert"]')!;
    expect(text(alert)).to.contain('The case view could not be loaded');
    expect(one(el, '[part~="case__title"]'), 'no case view without its code').to.equal(null);
    await expectAccessible(el);

    // Back to the list still works while the view is missing.
    one(el, '[part~="back"]')!.click();
    await waitUntil(() => one(el, '[part~="list"]'), 'back to the list');
    one(el, `[role="option"][data-id="${CSS.escape(cb.id)}"]`)!.click();
    await waitUntil(() => one(el, '[part~="case-message"] [role="alert"] button'), 'still failing: Retry');

    // Each failure was asked for once (the idle preload, then each open): no render asks again by itself.
    await new Promise((r) => setTimeout(r, 500));
    const failed = (await executeServerCommand('pk-fail-module', { path: view, fail: false })) as number;
    expect(failed, 'requests for the failing view').to.be.within(2, 3);
    one(el, '[part~="case-message"] [role="alert"] button')!.click();
    await waitUntil(() => text(one(el, '[part~="case__title"] h2')) === 'Lazy view', 'the case shows on Retry');
    // The view's styles came with it: its sections are laid out as columns, as casebook.test.ts sees them.
    expect(getComputedStyle(one(el, '[part~="case"]')!).display).to.equal('flex');
    expect(getComputedStyle(one(el, '[part~="observables-section"]')!).display).to.equal('flex');
  });

  it('keeps the pasted text and says so when the detector does not load, then finds on the next try', async () => {
    const detector = '/sdk/src/detect/index.ts';
    const cb = await client.casebooks.create({ title: 'Lazy detector', observables: [], tlp: 'green' });
    box = new Outbox({ dbName: `pk-case-view-detect-${Date.now()}`, client: () => client });
    const el = await fixture<PkCasebook>(
      html`<pk-casebook .client=${client} .outbox=${box} case-id=${cb.id}></pk-casebook>`,
    );
    await waitUntil(() => one(el, '[data-action="add-observables"]'), 'the case view');
    await executeServerCommand('pk-fail-module', { path: detector, fail: true });
    try {
      one(el, '[data-action="add-observables"]')!.click();
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~="intake"] textarea'), 'the box has focus');
      await sendKeys({ type: 'seen at 198.51.100.23' });
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => one(el, '[part~="intake"] [role="alert"]'), 'the failure is said');
      expect(text(one(el, '[part~="intake"] [role="alert"]'))).to.contain('the detector did not load');
      const area = one(el, '[part~="intake"] textarea') as HTMLTextAreaElement;
      expect(area.value, 'the text is kept').to.equal('seen at 198.51.100.23');
      await expectAccessible(el);
    } finally {
      await executeServerCommand('pk-fail-module', { path: detector, fail: false });
    }
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="intake__buttons"] button')]
      .find((b) => text(b) === 'Find observables')!
      .click();
    await waitUntil(() => one(el, '[part~="intake__list"]'), 'found on the next try');
    expect(text(one(el, '[part~="intake__list"]'))).to.contain('198.51.100.23');
  });
});
