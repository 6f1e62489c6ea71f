import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { createClient, type Observable } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, emulatorUrl } from '../../../../../test/helpers/emulator.js';
import en from '../../test-helpers/english.js';
import { registerTranslation } from '../../i18n/index.js';
import { closePivotMenu, getPivotMenu, openPivotMenu } from './shared.js';

const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });
const EVIL_DOMAIN: Observable = { type: 'domain', value: 'evil.example.net' };
const root = () => getPivotMenu()!.shadowRoot!;

// A right-to-left test language whose disposition names differ from the SDK's English ones.
registerTranslation({
  ...en,
  $code: 'x-rtl',
  $dir: 'rtl',
  addToNewCase: 'RTL new case',
  dispositionName: (d) => `disp-${d}`,
});

describe('pk-pivot-menu localisation', function () {
  this.timeout(30000);
  const lang = document.documentElement.lang;
  afterEach(() => {
    closePivotMenu();
    document.documentElement.lang = lang;
    document.documentElement.removeAttribute('dir');
  });

  async function open() {
    const url = await emulatorUrl();
    const client = createClient({
      baseUrls: { visibility: url, privateIntel: url },
      credentials: DEMO_CREDENTIALS,
      cache: false,
    });
    await client.signIn();
    const button = await fixture<HTMLButtonElement>(
      html`<button
        @click=${(e: Event) => openPivotMenu({ anchor: e.currentTarget as HTMLElement, observable: EVIL_DOMAIN, client })}
      >
        open
      </button>`,
    );
    const opened = oneEvent(document, 'pk-pivot-open');
    const r = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.x + 5), Math.round(r.y + 5)] });
    await opened;
    await waitUntil(() => root().querySelector('[part="verdicts"]')?.getAttribute('aria-busy') === 'false', 'verdicts');
  }

  const newCaseLabel = () => root().querySelector('[data-id="new-case"] [part="item__label"]')?.textContent;

  it('re-renders an open menu when <html lang> changes, and back', async () => {
    await open();
    expect(newCaseLabel()).to.equal(en.addToNewCase);
    document.documentElement.lang = 'x-rtl';
    await waitUntil(() => newCaseLabel() === 'RTL new case', 'the new language');
    document.documentElement.lang = 'en';
    await waitUntil(() => newCaseLabel() === en.addToNewCase, 'English again');
  });

  it('lays out right to left for a right-to-left language or <html dir="rtl">', async () => {
    await open();
    const panel = root().querySelector<HTMLElement>('[part="panel"]')!;
    expect(getComputedStyle(panel).direction).to.equal('ltr');
    document.documentElement.lang = 'x-rtl';
    await waitUntil(() => getComputedStyle(panel).direction === 'rtl', 'rtl from the language');
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'rtl';
    await waitUntil(() => panel.getAttribute('dir') === 'rtl', 'rtl from <html dir>');
    expect(getComputedStyle(panel).direction).to.equal('rtl');
  });

  it('gives screen readers the verdict summary with the translated disposition names', async () => {
    document.documentElement.lang = 'x-rtl';
    await open();
    const summary = root().getElementById('summary')!;
    await waitUntil(() => summary.textContent!.includes('disp-'), 'the summary');
    expect(summary.textContent).not.to.match(/Malicious|Suspicious|Clean/);
  });
});
