import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-observable.js';
import { closePivotMenu, getPivotMenu } from '@pivotkit/elements';
import { DEMO_CREDENTIALS, emulatorUrl } from '../helpers/emulator.js';

// Conditions, not timers: generous limits so a busy CI machine (two cores shared by the whole suite) does not fail them.
const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });

// The menu as <pk-observable> opens it: one shared instance, anchored to the observable's pivot button.
describe('pivot menu opened from <pk-observable>', function () {
  this.timeout(30000);
  let client: ReturnType<typeof createClient>;
  before(async () => {
    const url = await emulatorUrl();
    client = createClient({
      baseUrls: { visibility: url, privateIntel: url },
      credentials: DEMO_CREDENTIALS,
      cache: false,
    });
    await client.signIn();
  });
  afterEach(() => closePivotMenu());

  const focusedItem = () =>
    getPivotMenu()?.shadowRoot?.activeElement?.querySelector('[part="item__label"]')?.textContent;

  it('opens on a click, then Escape closes it and focus returns to the pivot button', async () => {
    const p = await fixture<HTMLParagraphElement>(
      html`<p>Sender <pk-observable type="ip" value="198.51.100.7" .client=${client} no-enrich></pk-observable></p>`,
    );
    const obs = p.querySelector('pk-observable')!;
    await obs.updateComplete;
    const button = obs.pivotButton!;
    const r = button.getBoundingClientRect();
    const opened = oneEvent(document, 'pk-pivot-open');
    await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
    expect((await opened).detail.observable).to.deep.equal({ type: 'ip', value: '198.51.100.7' });
    await waitUntil(() => focusedItem() === 'Add to new case', 'focus moves into the menu');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const menu = getPivotMenu()!;
    expect(menu.parentElement === document.body).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(menu.open).to.equal(false);
    expect(obs.shadowRoot!.activeElement === button).to.equal(true);
    await obs.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('opens on ArrowUp with the last item focused, and a second observable reuses the same menu', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <pk-observable type="domain" value="evil.example.net" .client=${client} no-enrich></pk-observable>
        <pk-observable type="domain" value="cisco.com" .client=${client} no-enrich></pk-observable>
      </div>`,
    );
    const [first, second] = [...root.querySelectorAll('pk-observable')];
    await first!.updateComplete;
    first!.pivotButton!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => focusedItem() === 'Copy defanged value', 'the last item takes focus');
    const menu = getPivotMenu()!;
    await second!.showMenu('first');
    expect(getPivotMenu() === menu).to.equal(true);
    expect(document.querySelectorAll('pk-pivot-menu').length).to.equal(1);
    expect(menu.observable).to.deep.equal({ type: 'domain', value: 'cisco.com' });
    expect(first!.pivotButton!.getAttribute('aria-expanded')).to.equal('false');
  });
});
