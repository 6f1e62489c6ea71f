// In the "trusted-types" group (web-test-runner.config.mjs): only lit-html's policy may create HTML here, so any
// hostile string of a case reaching an HTML sink would throw and be reported.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@pivotkit/elements/pk-casebook.js';
import { Outbox, type PkCasebook } from '@pivotkit/elements/pk-casebook.js';
import { emulatorClient } from '../casebook-helpers.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('<pk-casebook> under a Trusted Types policy', function () {
  this.timeout(20000);
  it('renders hostile titles, descriptions, notes and values as text, with no violation', async () => {
    // The panel opens on the current case when there is one: start from the list.
    localStorage.removeItem('pk-current-case');
    const client = await emulatorClient();
    await client.signIn();
    const cb = await client.casebooks.create({
      title: `Case ${HOSTILE}`,
      short_description: `<script>window.__pwned=1</script>`,
      description: `# Heading\n${HOSTILE}\n[click](javascript:window.__pwned=1)`,
      observables: [{ type: 'domain', value: `"><svg onload="window.__pwned=1">` }],
      texts: [{ type: 'note', text: `2026-01-01T00:00:00.000Z\n<b>bold</b>${HOSTILE}` }],
    });
    const box = new Outbox({ dbName: `pk-tt-${Date.now()}`, client: () => client });
    const list = await fixture<PkCasebook>(html`<pk-casebook .client=${client} .outbox=${box}></pk-casebook>`);
    const root = list.shadowRoot!;
    await waitUntil(() => root.querySelector(`[data-id="${cb.id}"]`), 'the row', { timeout: 8000 });
    expect(root.querySelector(`[data-id="${cb.id}"] [part~="row__title"]`)!.textContent).to.equal(`Case ${HOSTILE}`);
    list.remove();
    const el = await fixture<PkCasebook>(
      html`<pk-casebook .client=${client} .outbox=${box} case-id=${cb.id}></pk-casebook>`,
    );
    const r = el.shadowRoot!;
    await waitUntil(() => r.querySelector('[part="observable"]'), 'the case', { timeout: 8000 });
    expect(r.querySelector('[part~="case__title"] h2')!.textContent).to.equal(`Case ${HOSTILE}`);
    expect(r.querySelector('[part="note__body"]')!.textContent).to.equal(`<b>bold</b>${HOSTILE}`);
    expect(r.querySelector('[part="observable__value"] .value')!.textContent).to.equal(
      `"><svg onload="window.__pwned=1">`,
    );
    expect(r.querySelector('[data-field="description"]')!.textContent).to.contain(HOSTILE);
    expect(r.querySelectorAll('img, script, svg[onload], b').length).to.equal(0);
    expect(r.querySelector('a[href^="javascript"]')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(violations).to.deep.equal([]);
    box.dispose();
  });
});
