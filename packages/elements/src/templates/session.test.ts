import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import en from '../i18n/en.js';
import { missingScopesNotice, signedOutPrompt } from './session.js';

describe('session templates', () => {
  it('signedOutPrompt: its button fires pk-request-sign-in from the host, then calls after()', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const results: boolean[] = [];
    let fired = 0;
    host.addEventListener('pk-request-sign-in', () => fired++);
    render(signedOutPrompt({ t: en, host, after: (r) => results.push(r) }), host);
    expect(host.querySelector('[part="signed-out__label"]')!.textContent).to.equal(en.signedOut);
    const button = host.querySelector<HTMLButtonElement>('button[part="sign-in"]')!;
    expect(button.textContent).to.equal(en.signIn);
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(fired).to.equal(1);
    expect(results).to.deep.equal([true]);
    await expect(host).to.be.accessible();
  });

  it('signedOutPrompt fires pk-request-sign-in with no after() given too', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    let fired = 0;
    host.addEventListener('pk-request-sign-in', () => fired++);
    render(signedOutPrompt({ t: en, host }), host);
    host.querySelector<HTMLButtonElement>('button[part="sign-in"]')!.click();
    expect(fired).to.equal(1);
  });

  it('signedOutPrompt: after() hears that a listener cancelled the request', async () => {
    const host = await fixture<HTMLDivElement>(html`<div role="menu" aria-label="Menu"></div>`);
    const results: boolean[] = [];
    host.addEventListener('pk-request-sign-in', (e) => e.preventDefault());
    render(signedOutPrompt({ t: en, host, as: 'menuitem', after: (r) => results.push(r) }), host);
    const item = host.querySelector<HTMLElement>('[role="menuitem"][data-id="sign-in"]')!;
    item.click();
    expect(results).to.deep.equal([false]);
  });

  it('missingScopesNotice names the scopes and what they are for, as text, or renders nothing', async () => {
    const el = await fixture<HTMLDivElement>(html`<div></div>`);
    render(missingScopesNotice({ t: en, scopes: ['enrich:read', '<b>x</b>'], what: 'Verdicts' }), el);
    expect(el.textContent!.trim()).to.equal('Needs the enrich:read, <b>x</b> scopes (for Verdicts)');
    expect(el.querySelector('b')).to.equal(null);
    render(missingScopesNotice({ t: en, scopes: [] }), el);
    expect(el.querySelector('p')).to.equal(null);
  });
});
