import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { decorate, undecorate, type DecorateOptions } from '../../packages/elements/src/decorate/decorate.js';
import type { PkObservable } from '../../packages/elements/src/components/observable/observable.js';
import { settings } from '../../packages/elements/src/state/settings.js';
import { openOtherTab } from '../../packages/elements/src/test-helpers/two-tabs.js';

const SHA256 = 'e008033699eb7000131ee66c03d33b809d5bba48f1c557ea14b86e68363d6de0';
/** decorate() and wait for its first scan (it runs in slices). */
async function decorated(root: Element, options: DecorateOptions = {}) {
  const handle = decorate(root, options);
  await handle.ready;
  return handle;
}
const markers = (root: Element) => [...root.querySelectorAll<PkObservable>('pk-observable')];
const found = (root: Element) => markers(root).map((m) => `${m.type} ${m.value}`);

async function table() {
  return fixture<HTMLTableElement>(html`
    <table>
      <thead>
        <tr>
          <th>Sender IP</th>
          <th>Domain</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>45.83.12.9</td>
          <td>invoice-portal.net</td>
          <td>seen 2 times</td>
        </tr>
        <tr>
          <td>185.220.101.4</td>
          <td>mail.stock-alerts.org</td>
          <td>attachment ${SHA256} blocked</td>
        </tr>
      </tbody>
    </table>
  `);
}

describe('decorate', () => {
  describe('placement', () => {
    it('puts an inline pivot button right after each observable in a table', async () => {
      const el = await table();
      const text = el.textContent;
      const handle = await decorated(el, { enrich: false });
      expect(found(el)).to.deep.equal([
        'ip 45.83.12.9',
        'domain invoice-portal.net',
        'ip 185.220.101.4',
        'domain mail.stock-alerts.org',
        `sha256 ${SHA256}`,
      ]);
      for (const m of markers(el)) {
        expect(m.inline).to.equal(true);
        expect(m.previousSibling!.nodeType).to.equal(Node.TEXT_NODE);
        expect(m.previousSibling!.textContent!.endsWith(m.value)).to.equal(true);
      }
      // The cells and rows are untouched; only a button sits beside the value, and it adds no text.
      expect(el.querySelectorAll('td').length).to.equal(6);
      expect(el.textContent).to.equal(text);
      handle.undecorate();
    });

    it('splits a text node at the end of each match and keeps the first node', async () => {
      const el = await fixture<HTMLParagraphElement>(
        html`<p>Relay 45.83.12.9 forwarded to invoice-portal.net at noon.</p>`,
      );
      const first = el.firstChild as Text;
      await decorated(el, { enrich: false });
      expect(el.firstChild).to.equal(first);
      expect(first.data).to.equal('Relay 45.83.12.9');
      const parts = [...el.childNodes].map((n) =>
        n.nodeType === Node.TEXT_NODE ? n.textContent : `[${(n as PkObservable).value}]`,
      );
      expect(parts).to.deep.equal([
        'Relay 45.83.12.9',
        '[45.83.12.9]',
        ' forwarded to invoice-portal.net',
        '[invoice-portal.net]',
        ' at noon.',
      ]);
      undecorate(el);
    });

    it('decorates inside nested inline elements without moving them', async () => {
      const el = await fixture<HTMLParagraphElement>(
        html`<p>
          From <b>45.83.12.9</b> via <i>relay <span class="host">mx.stock-alerts.org</span> today</i>.
        </p>`,
      );
      await decorated(el, { enrich: false });
      expect(el.querySelector('b')!.lastElementChild!.localName).to.equal('pk-observable');
      expect(el.querySelector('.host')!.lastElementChild!.localName).to.equal('pk-observable');
      expect(el.querySelector('i')!.firstChild!.textContent).to.equal('relay ');
      undecorate(el);
    });

    it('places the button after a link, leaving the link as it was', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div>
          <a href="#r"><span>https://invoice-portal.net/pay</span> (<em>45.83.12.9</em>)</a> more
        </div>`,
      );
      const link = el.querySelector('a')!;
      const inside = link.innerHTML;
      await decorated(el, { enrich: false });
      expect(link.innerHTML).to.equal(inside);
      expect(link.nextElementSibling!.localName).to.equal('pk-observable');
      expect(found(el)).to.deep.equal(['url https://invoice-portal.net/pay', 'ip 45.83.12.9']);
      undecorate(el);
    });

    it('skips data-pk-ignore subtrees, form fields, scripts and its own elements', async () => {
      const el = await fixture<HTMLDivElement>(html`
        <div>
          <p data-pk-ignore>45.83.12.9 <span>185.220.101.4</span></p>
          <textarea>45.83.12.10</textarea>
          <div contenteditable="true">45.83.12.11</div>
          <pk-observable type="ip" value="45.83.12.12" no-enrich>45.83.12.12</pk-observable>
          <p>45.83.12.13</p>
        </div>
      `);
      await decorated(el, { enrich: false });
      expect(found(el)).to.deep.equal(['ip 45.83.12.12', 'ip 45.83.12.13']);
      expect(el.querySelector('[data-pk-ignore] pk-observable')).to.equal(null);
      undecorate(el);
    });

    it('decorates open shadow roots of the page, but not inside its own elements', async () => {
      if (!customElements.get('x-sender-card')) {
        customElements.define(
          'x-sender-card',
          class extends HTMLElement {
            constructor() {
              super();
              this.attachShadow({ mode: 'open' }).innerHTML = '<p>Sender 45.83.12.9</p>';
            }
          },
        );
      }
      const el = await fixture<HTMLDivElement>(
        html`<div>
          <x-sender-card></x-sender-card>
          <pk-observable type="domain" value="invoice-portal.net" no-enrich></pk-observable>
        </div>`,
      );
      const card = el.querySelector('x-sender-card')!.shadowRoot!;
      const before = card.innerHTML;
      const own = el.querySelector('pk-observable')!;
      await own.updateComplete;
      const ownBefore = own.shadowRoot!.innerHTML;
      const handle = await decorated(el, { enrich: false });
      expect(card.querySelector('pk-observable')?.value).to.equal('45.83.12.9');
      expect(own.shadowRoot!.querySelector('pk-observable')).to.equal(null);
      expect(own.shadowRoot!.innerHTML).to.equal(ownBefore);
      handle.undecorate();
      expect(card.innerHTML).to.equal(before);
    });

    it('keeps hostile page text as text', async () => {
      const el = await fixture<HTMLParagraphElement>(
        html`<p>${'<img src=x onerror=alert(1)>'} javascript:alert(1)//evil-login.com/x 45.83.12.9</p>`,
      );
      const before = el.innerHTML;
      const handle = await decorated(el, { enrich: false });
      expect(el.querySelector('img')).to.equal(null);
      for (const m of handle.observables) expect(m.shadowRoot!.querySelector('img, a, [href]')).to.equal(null);
      expect(found(el)).to.include('ip 45.83.12.9');
      handle.undecorate();
      expect(el.innerHTML).to.equal(before);
    });

    it('honours an extra ignore selector and a type filter', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div>
          <p class="raw">45.83.12.9</p>
          <p>45.83.12.10 invoice-portal.net</p>
        </div>`,
      );
      await decorated(el, { enrich: false, ignore: '.raw', types: ['domain'] });
      expect(found(el)).to.deep.equal(['domain invoice-portal.net']);
      undecorate(el);
    });

    it('does not decorate twice when called again', async () => {
      const el = await table();
      const a = await decorated(el, { enrich: false });
      const b = decorate(el, { enrich: false });
      await b.ready;
      expect(b).to.equal(a);
      expect(markers(el).length).to.equal(5);
      a.undecorate();
    });
  });

  describe('undecorate', () => {
    it('restores a table exactly', async () => {
      const el = await table();
      const before = el.innerHTML;
      const text = el.textContent;
      const cells = [...el.querySelectorAll('td')].map((td) => [...td.childNodes]);
      await decorated(el, { enrich: false });
      expect(el.innerHTML).not.to.equal(before);
      undecorate(el);
      expect(el.innerHTML).to.equal(before);
      expect(el.textContent).to.equal(text);
      // The same text node objects, merged back: nothing the page holds a reference to was replaced.
      expect([...el.querySelectorAll('td')].map((td) => [...td.childNodes])).to.deep.equal(cells);
    });

    it('restores nested markup with several matches per text node exactly', async () => {
      const el = await fixture<HTMLDivElement>(
        html`<div>
          <p>Relay 45.83.12.9, 45.83.12.10 and <b>evil-<i>login</i>.com</b> sent <code>${SHA256}</code>.</p>
          <ul>
            <li>https://invoice-portal.net/a?b=1</li>
            <li><a href="#x">mail.stock-alerts.org</a></li>
          </ul>
        </div>`,
      );
      const before = el.innerHTML;
      const text = el.textContent;
      const nodes = el.querySelectorAll('*').length;
      const handle = await decorated(el, { enrich: false });
      // evil-<i>login</i>.com spans three text nodes: one match, its button after the last one.
      expect(found(el)).to.deep.equal([
        'ip 45.83.12.9',
        'ip 45.83.12.10',
        'domain evil-login.com',
        `sha256 ${SHA256}`,
        'url https://invoice-portal.net/a?b=1',
        'domain mail.stock-alerts.org',
      ]);
      expect(el.querySelector('b')!.lastElementChild!.localName).to.equal('pk-observable');
      handle.undecorate();
      expect(el.innerHTML).to.equal(before);
      expect(el.textContent).to.equal(text);
      expect(el.querySelectorAll('*').length).to.equal(nodes);
      el.normalize();
      expect(el.innerHTML).to.equal(before);
    });

    it('stops and restores exactly when undecorated in the middle of a large first pass', async () => {
      const rows = Array.from(
        { length: 600 },
        (_, i) => `<tr><td>77.${i >> 8}.${i & 255}.9</td><td>h${i}.parcel-track.info</td></tr>`,
      );
      const el = await fixture<HTMLDivElement>(html`<div></div>`);
      el.innerHTML = `<table><tbody>${rows.join('')}</tbody></table>`;
      const before = el.innerHTML;
      let resolveFirst!: () => void;
      const firstBatch = new Promise<void>((r) => (resolveFirst = r));
      const handle = decorate(el, { enrich: false, onDecorate: () => resolveFirst() });
      await firstBatch;
      const placed = markers(el).length;
      // The first batch is in the page, the rest is not yet: the page got to run in between.
      expect(placed).to.be.greaterThan(0).and.lessThan(1200);
      handle.undecorate();
      await handle.ready;
      expect(markers(el).length).to.equal(0);
      expect(el.innerHTML).to.equal(before);
    });

    it('can decorate again after undecorating', async () => {
      const el = await table();
      (await decorated(el, { enrich: false })).undecorate();
      const again = await decorated(el, { enrich: false });
      expect(markers(el).length).to.equal(5);
      again.undecorate();
    });
  });

  describe('the decorate setting', () => {
    /** Every node under `root` as it is (text nodes one by one): equal only when restored exactly. */
    const snapshot = (root: Node): string[] => {
      const out: string[] = [];
      const walk = (n: Node) => {
        out.push(
          n.nodeType === Node.TEXT_NODE ? `#text ${(n as Text).data}` : ((n as Element).localName ?? n.nodeName),
        );
        for (const c of n.childNodes) walk(c);
      };
      walk(root);
      return out;
    };
    afterEach(() => settings.reset());

    it('takes the buttons out when it goes off, restoring the text exactly, and decorates again when on', async () => {
      const el = await table();
      const before = snapshot(el);
      const texts = [...el.querySelectorAll('td')].map((td) => [...td.childNodes]);
      const handle = await decorated(el, { enrich: false });
      expect(markers(el).length).to.equal(5);
      settings.set({ decorate: false });
      expect(markers(el).length).to.equal(0);
      expect(snapshot(el)).to.deep.equal(before);
      expect([...el.querySelectorAll('td')].map((td) => [...td.childNodes])).to.deep.equal(texts);
      expect(handle.paused).to.equal(true);
      // Off: what the page adds stays as it is, and decorate() places nothing either.
      const row = el.querySelector('tbody')!.insertRow();
      row.insertCell().textContent = '203.0.113.77';
      await decorated(el, { enrich: false });
      await new Promise((r) => requestAnimationFrame(r));
      expect(markers(el).length).to.equal(0);
      settings.set({ decorate: true });
      expect(handle.paused).to.equal(false);
      await handle.ready;
      expect(found(el)).to.include('ip 203.0.113.77');
      expect(markers(el).length).to.equal(6);
      // Watching again: a row added now is decorated.
      const next = el.querySelector('tbody')!.insertRow();
      next.insertCell().textContent = 'later.example.org';
      await waitUntil(() => found(el).includes('domain later.example.org'), 'the new row is decorated');
      handle.undecorate();
    });

    it('places nothing when it is off from the start', async () => {
      settings.set({ decorate: false });
      const el = await table();
      const before = el.innerHTML;
      const handle = await decorated(el, { enrich: false });
      expect(handle.paused).to.equal(true);
      expect(el.innerHTML).to.equal(before);
      settings.set({ decorate: true });
      await handle.ready;
      expect(markers(el).length).to.equal(5);
      handle.undecorate();
    });

    it('follows the setting changed in another tab', async () => {
      const el = await table();
      const before = snapshot(el);
      const handle = await decorated(el, { enrich: false });
      const other = await openOtherTab();
      try {
        other.mod.settings.set({ decorate: false });
        await waitUntil(() => markers(el).length === 0, 'the buttons go');
        expect(snapshot(el)).to.deep.equal(before);
        other.mod.settings.set({ decorate: true });
        await waitUntil(() => markers(el).length === 5, 'the buttons are back');
      } finally {
        other.close();
        handle.undecorate();
      }
    });
  });

  describe('text selection', () => {
    it('keeps a Range over the original text spanning the same text', async () => {
      const el = await fixture<HTMLParagraphElement>(
        html`<p>Connection from 45.83.12.9 to invoice-portal.net was blocked</p>`,
      );
      const original = el.textContent!;
      const range = document.createRange();
      range.setStart(el.firstChild!, 0);
      range.setEnd(el.firstChild!, original.length);
      const handle = await decorated(el, { enrich: false });
      expect(markers(el).length).to.equal(2);
      expect(range.toString()).to.equal(original);
      handle.undecorate();
      expect(range.toString()).to.equal(original);
    });

    it('selecting a decorated cell selects only the page text', async () => {
      const el = await table();
      await decorated(el, { enrich: false });
      const cell = el.querySelectorAll('td')[5]!;
      const selection = getSelection()!;
      selection.selectAllChildren(cell);
      expect(selection.toString()).to.equal(`attachment ${SHA256} blocked`);
      selection.removeAllRanges();
      undecorate(el);
    });
  });

  describe('incremental', () => {
    it('decorates rows the page appends later, once', async () => {
      const el = await table();
      let resolve!: (added: PkObservable[]) => void;
      let next = new Promise<PkObservable[]>((r) => (resolve = r));
      const first = next;
      const handle = await decorated(el, {
        enrich: false,
        onDecorate: (added) => {
          resolve(added);
          next = new Promise((r) => (resolve = r));
        },
      });
      expect((await first).length).to.equal(5); // the first pass
      const pending = next;
      const row = document.createElement('tr');
      row.innerHTML = '<td>193.42.33.7</td><td>parcel-track.info</td><td>new</td>';
      el.tBodies[0]!.append(row);
      const added = await pending;
      expect(added.map((m) => m.value)).to.deep.equal(['193.42.33.7', 'parcel-track.info']);
      expect(markers(el).length).to.equal(7);
      // The pass's own insertions do not trigger another pass.
      const more = next;
      const row2 = document.createElement('tr');
      row2.innerHTML = '<td>193.42.33.8</td>';
      el.tBodies[0]!.append(row2);
      expect((await more).map((m) => m.value)).to.deep.equal(['193.42.33.8']);
      expect(markers(el).length).to.equal(8);
      handle.undecorate();
      expect(markers(el).length).to.equal(0);
    });

    it('follows a cell whose content the page replaces', async () => {
      const el = await table();
      let resolve: (added: PkObservable[]) => void = () => {};
      const handle = await decorated(el, { enrich: false, onDecorate: (a) => resolve(a) });
      const next = new Promise<PkObservable[]>((r) => (resolve = r));
      const cell = el.querySelector('td')!;
      cell.textContent = '193.42.33.9';
      expect((await next).map((m) => m.value)).to.deep.equal(['193.42.33.9']);
      expect(cell.querySelectorAll('pk-observable').length).to.equal(1);
      expect(cell.querySelector('pk-observable')!.value).to.equal('193.42.33.9');
      expect(handle.observables.length).to.equal(5);
      handle.undecorate();
      expect(cell.innerHTML).to.equal('193.42.33.9');
    });

    it('decorates text the page changes', async () => {
      const el = await fixture<HTMLParagraphElement>(html`<p>pending</p>`);
      let resolve!: (added: PkObservable[]) => void;
      const added = new Promise<PkObservable[]>((r) => (resolve = r));
      const handle = await decorated(el, { enrich: false, onDecorate: resolve });
      (el.firstChild as Text).data = 'resolved to 45.83.12.9';
      expect((await added).map((m) => m.value)).to.deep.equal(['45.83.12.9']);
      handle.undecorate();
      expect(el.innerHTML).to.equal('resolved to 45.83.12.9');
    });
  });

  it('leaves a decorated table accessible', async () => {
    const el = await table();
    await decorated(el, { enrich: false });
    await expect(el).to.be.accessible();
    undecorate(el);
  });
});
