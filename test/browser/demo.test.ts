import { expect, fixture, html } from '@open-wc/testing';
import { decorate } from '../../packages/elements/src/decorate/decorate.js';
import { DEMO, generateMessages } from '../../examples/reporting-page/data.js';
import { rowOf } from '../../examples/reporting-page/table.js';

describe('demo: the reporting page', () => {
  it('generates the same rows on every load', () => {
    expect(generateMessages(250)).to.deep.equal(generateMessages(250));
    // "Load more" continues the same sequence.
    expect(generateMessages(50, 200)).to.deep.equal(generateMessages(250).slice(200));
  });

  it('gets a pivot button for every demo value the emulator knows, and none for internal recipients', async () => {
    const el = await fixture<HTMLTableElement>(
      html`<table>
        <tbody></tbody>
      </table>`,
    );
    const rows = generateMessages(250);
    el.tBodies[0]!.append(...rows.map(rowOf));
    const handle = decorate(el, { enrich: false });
    await handle.ready;
    const values = new Set(handle.observables.map((m) => m.value));
    for (const value of Object.values(DEMO)) expect(values, value).to.include(value);
    expect(el.querySelector('.recipient pk-observable')).to.equal(null);
    // Every sender IP cell got exactly one button, after the address.
    for (const [i, tr] of [...el.tBodies[0]!.rows].entries()) {
      const cell = tr.cells[4]!;
      const marker = cell.querySelector('pk-observable')!;
      expect(marker.value, `row ${i}`).to.equal(rows[i]!.senderIp);
      expect(marker.previousSibling!.textContent).to.equal(rows[i]!.senderIp);
    }
    handle.undecorate();
  });
});
