// Runs in the "trusted-types" group of web-test-runner.config.mjs: the page enforces
// `require-trusted-types-for 'script'` with only lit-html's policy allowed, as a strict console would.
// Any string reaching an HTML sink throws, so decorating, rendering and opening the menu prove none does.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@pivotkit/sdk';
import { configure, decorate, getPivotMenu, closePivotMenu } from '@pivotkit/elements';
import { DEMO_CREDENTIALS, emulatorUrl } from '../../helpers/emulator.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));

describe('under a Trusted Types policy', () => {
  afterEach(() => {
    closePivotMenu();
    configure({ client: undefined });
  });

  it('is really enforced on this page', async () => {
    const reported = oneEvent(document, 'securitypolicyviolation');
    const div = document.createElement('div');
    expect(() => {
      div.innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    expect(((await reported) as unknown as SecurityPolicyViolationEvent).violatedDirective).to.equal(
      'require-trusted-types-for',
    );
    violations.length = 0;
  });

  it('decorates hostile page text and opens the pivot menu with live data, with no violation', async () => {
    const url = await emulatorUrl();
    const client = createClient({ baseUrls: { visibility: url, privateIntel: url }, credentials: DEMO_CREDENTIALS });
    await client.signIn();
    configure({ client });

    const table = document.createElement('table');
    const row = table.insertRow();
    row.insertCell().textContent = 'disputed.example.com';
    row.insertCell().textContent = '<img src=x onerror="window.__pwned=1"> from 198.51.100.7';
    document.body.append(table);
    const handle = decorate(table);
    await handle.ready;

    const observables = table.querySelectorAll('pk-observable');
    expect(observables.length).to.equal(2);
    const button = observables[0]!.shadowRoot!.querySelector('button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const menu = getPivotMenu()!;
    await menu.updateComplete;
    // Wait until the verdicts section has rendered a module's answer (the menu loads as modules answer).
    await new Promise<void>((resolve) => {
      const check = () =>
        menu.shadowRoot!.querySelector('pk-verdict-badge') ? resolve() : requestAnimationFrame(check);
      check();
    });
    expect(menu.shadowRoot!.textContent).to.contain('disputed.example.com');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);

    handle.undecorate();
    table.remove();
    expect(violations).to.deep.equal([]);
  });
});
