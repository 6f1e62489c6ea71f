import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './pk-settings.js';
import type { PkSettings } from './settings.js';
import { settings } from '../../state/settings.js';
import { saveToken } from '../../state/credentials.js';

describe('<pk-settings>', () => {
  afterEach(() => settings.reset());

  const inputs = (el: PkSettings, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(sel)];

  it('changes the theme with the keyboard and saves it at once', async () => {
    const el = await fixture<PkSettings>(html`<pk-settings></pk-settings>`);
    const [auto] = inputs(el, 'input[name="theme"]');
    auto!.focus();
    // Arrow keys move through a radio group and check the next option.
    await sendKeys({ press: 'ArrowDown' });
    expect(settings.get().theme).to.equal('light');
    await sendKeys({ press: 'ArrowDown' });
    expect(settings.get().theme).to.equal('dark');
  });

  it('offers only the persistence choices the host allows, each with its risk', async () => {
    const el = await fixture<PkSettings>(html`<pk-settings .allowPersistence=${['session-token']}></pk-settings>`);
    const [memory, token, creds] = inputs(el, 'input[name="persistence"]');
    expect(memory!.checked).to.equal(true);
    expect(token!.disabled).to.equal(false);
    expect(creds!.disabled).to.equal(true);
    const risk = el.shadowRoot!.getElementById(creds!.getAttribute('aria-describedby')!)!.textContent!;
    expect(risk).to.include('cannot be exported');
    expect(risk).to.include('does not allow');
    token!.click();
    expect(settings.get().persistence).to.equal('session-token');
  });

  it('forgets a saved token when set back to memory', async () => {
    const el = await fixture<PkSettings>(html`<pk-settings .allowPersistence=${['session-token']}></pk-settings>`);
    inputs(el, 'input[name="persistence"]')[1]!.click();
    saveToken({ accessToken: 't', expiresAt: Date.now() + 300_000, scope: '', clientId: 'c', region: 'nam' });
    inputs(el, 'input[name="persistence"]')[0]!.click();
    expect(sessionStorage.getItem('pk-session-token')).to.equal(null);
  });

  it('lists the shortcuts and refuses one that would type into the page', async () => {
    const el = await fixture<PkSettings>(html`<pk-settings></pk-settings>`);
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#key-search')!;
    expect(search.value).to.equal('Alt+Shift+S');
    expect(el.shadowRoot!.textContent).to.include('Open the enrichment search');
    search.focus();
    search.select();
    await sendKeys({ type: 'S' });
    search.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(search.getAttribute('aria-invalid')).to.equal('true');
    expect(settings.get().shortcuts.search, 'kept').to.equal('Alt+Shift+S');
    search.select();
    await sendKeys({ type: 'Ctrl+Alt+E' });
    search.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(settings.get().shortcuts.search).to.equal('Ctrl+Alt+E');
    await expect(el).to.be.accessible();
  });

  it('has no axe violations signed out', async () => {
    const el = await fixture<PkSettings>(html`<pk-settings></pk-settings>`);
    await expect(el).to.be.accessible();
  });
});
