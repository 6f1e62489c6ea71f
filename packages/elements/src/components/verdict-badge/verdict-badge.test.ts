import { expect, fixture, html } from '@open-wc/testing';
import './pk-verdict-badge.js';
import type { PkVerdictBadge } from './verdict-badge.js';

describe('pk-verdict-badge', () => {
  it('shows the disposition name, not colour alone', async () => {
    const el = await fixture<PkVerdictBadge>(html`<pk-verdict-badge disposition="2"></pk-verdict-badge>`);
    const label = el.shadowRoot!.querySelector('[part="name"]')!;
    expect(label.textContent).to.equal('Malicious');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal('Verdict: Malicious');
  });

  it('colours each disposition differently', async () => {
    const colours = new Set<string>();
    for (const d of [1, 2, 3, 4, 5]) {
      const el = await fixture<PkVerdictBadge>(html`<pk-verdict-badge .disposition=${d}></pk-verdict-badge>`);
      colours.add(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).color);
    }
    expect(colours.size).to.equal(5);
  });

  it('treats a number outside CTIM as Unknown', async () => {
    const el = await fixture<PkVerdictBadge>(html`<pk-verdict-badge disposition="7"></pk-verdict-badge>`);
    await el.updateComplete;
    expect(el.getAttribute('disposition')).to.equal('5');
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Unknown');
  });

  it('is accessible', async () => {
    const el = await fixture<PkVerdictBadge>(html`<pk-verdict-badge disposition="3"></pk-verdict-badge>`);
    await expect(el).to.be.accessible();
  });
});
