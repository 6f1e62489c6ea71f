// The ribbon's app panel is code of its own, loaded with import() when an app first opens (or the bar is idle). This
// file runs in a page of its own, so that the panel's module has not been loaded by another test.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { appButton, part, resetRibbonState, ribbonFixture } from './ribbon-helpers.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const PANEL = '/components/ribbon/panel.ts';

describe('<pk-ribbon> app panel, loaded on first use', function () {
  this.timeout(30000);
  beforeEach(() => resetRibbonState());
  afterEach(() => executeServerCommand('pk-fail-module', { path: PANEL, fail: false }));

  it('clears the message when the app is closed instead', async () => {
    await executeServerCommand('pk-fail-module', { path: PANEL, fail: true });
    const el = await ribbonFixture();
    appButton(el, 'home').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="bar-message"]'), 'the failure is said in the bar');
    appButton(el, 'home').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="bar-message"]')).to.equal(null);
    expect(appButton(el, 'home').getAttribute('aria-expanded')).to.equal('false');
  });

  // Last: once the panel has loaded, this page keeps its module.
  it('says in the bar when the panel does not load, and opens the app on Retry', async () => {
    // Every request for the panel's module fails, as during a network fault (the idle preload, then the open).
    await executeServerCommand('pk-fail-module', { path: PANEL, fail: true });
    const el = await ribbonFixture();
    appButton(el, 'home').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="bar-message"]'), 'the failure is said in the bar');
    const message = part(el, 'bar-message');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.contain('Home could not open: the panel did not load');
    // Above the bar, where the panel would be, so the bar keeps every item in view.
    expect(message.matches(':popover-open')).to.equal(true);
    expect(message.getBoundingClientRect().bottom).to.be.at.most(part(el, 'bar').getBoundingClientRect().top);
    await expect(el).to.be.accessible();

    await executeServerCommand('pk-fail-module', { path: PANEL, fail: false });
    message.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="panel"]')?.matches(':popover-open'), 'the panel opens');
    await waitUntil(() => el.shadowRoot!.querySelector('pk-home'), 'Home is in it');
    expect(el.shadowRoot!.querySelector('[part~="bar-message"]'), 'the message is gone').to.equal(null);
  });
});
