import { expect, fixture, html } from '@open-wc/testing';
import { decorate } from '../../packages/elements/src/decorate/decorate.js';
import { BATCH_SIZE } from '../../packages/elements/src/components/observable/verdict-scheduler.js';
import type { PkObservable } from '../../packages/elements/src/components/observable/observable.js';
import { countingClient } from '../helpers/counting-client.js';
import { DEMO_CREDENTIALS, emulatorUrl } from '../helpers/emulator.js';
import { createClient, memoryVerdictCache } from '@pivotkit/sdk';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const ipOf = (i: number) => `91.${Math.floor(i / 250) + 10}.${i % 250}.7`;

function inView(el: Element) {
  const r = el.getBoundingClientRect();
  return r.bottom > -64 && r.top < innerHeight + 64 && r.width > 0;
}

describe('decorate: verdicts for visible observables', () => {
  it('asks only for what is scrolled into view, and for the rest when it is', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ipOf(i));
    const el = await fixture<HTMLDivElement>(
      html`<div>${rows.map((ip) => html`<div style="height:40px">sender ${ip}</div>`)}</div>`,
    );
    const fake = countingClient({ disposition: () => 2 });
    const handle = decorate(el, { client: fake.client });
    await handle.ready;
    const markers = handle.observables;
    expect(markers.length).to.equal(300);

    const first = await fake.nextCall();
    await Promise.all(markers.map((m) => m.updateComplete));
    const visible = new Set(markers.filter(inView).map((m) => m.value));
    expect(visible.size).to.be.greaterThan(5).and.lessThan(40);
    expect(new Set(first.map((o) => o.value))).to.deep.equal(visible);
    expect(first.every((o) => o.type === 'ip')).to.equal(true);

    await fake.settled();
    await frame();
    await frame();
    expect(fake.calls.length).to.equal(1);
    const shown = markers.filter((m) => m.verdict);
    expect(shown.map((m) => m.value)).to.have.members([...visible]);
    expect(markers.at(-1)!.verdict).to.equal(undefined);

    markers.at(-1)!.scrollIntoView();
    const second = await fake.nextCall();
    expect(second.map((o) => o.value)).to.include(rows.at(-1));
    expect(second.map((o) => o.value)).not.to.include(rows[0]);
    await fake.settled();
    await markers.at(-1)!.updateComplete;
    expect(markers.at(-1)!.verdict?.disposition).to.equal(2);
    const badge = markers.at(-1)!.shadowRoot!.querySelector('pk-verdict-badge');
    expect(badge).to.exist;
    scrollTo(0, 0);
    handle.undecorate();
  });

  it('adds no scroll, resize or pointer-move listener per observable', async () => {
    const added: string[] = [];
    const original = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]
    ) {
      if (/^(scroll|resize|wheel|pointermove|mousemove|touchmove)$/.test(type)) added.push(type);
      return original.call(this, type, ...rest);
    };
    try {
      const el = await fixture<HTMLDivElement>(
        html`<div>${Array.from({ length: 200 }, (_, i) => html`<p>sender ${ipOf(2000 + i)}</p>`)}</div>`,
      );
      const fake = countingClient();
      const handle = decorate(el, { client: fake.client });
      await handle.ready;
      await Promise.all(handle.observables.map((m) => m.updateComplete));
      await fake.nextCall();
      expect(handle.observables.length).to.equal(200);
      expect(added).to.deep.equal([]);
      handle.undecorate();
    } finally {
      EventTarget.prototype.addEventListener = original;
    }
  });

  it('batches visible observables per frame, each value once', async () => {
    // 120 distinct addresses, each twice, all on screen at once.
    const ips = Array.from({ length: 120 }, (_, i) => ipOf(1000 + i));
    const el = await fixture<HTMLParagraphElement>(
      html`<p style="font-size:8px;line-height:10px;margin:0">${[...ips, ...ips].join(' ')}</p>`,
    );
    const fake = countingClient();
    const handle = decorate(el, { client: fake.client });
    await handle.ready;
    expect(handle.observables.length).to.equal(240);
    await Promise.all(handle.observables.map((m) => m.updateComplete));
    expect(handle.observables.every(inView)).to.equal(true);
    const batches = [await fake.nextCall(), await fake.nextCall(), await fake.nextCall()];
    expect(batches.map((b) => b.length)).to.deep.equal([BATCH_SIZE, BATCH_SIZE, 20]);
    const asked = batches.flat().map((o) => o.value);
    expect(new Set(asked).size).to.equal(120);
    await fake.settled();
    await frame();
    expect(fake.calls.length).to.equal(3);
    // Both copies of each value got the one answer.
    await Promise.all(handle.observables.map((m: PkObservable) => m.updateComplete));
    expect(handle.observables.every((m) => m.verdict?.disposition === 5)).to.equal(true);
    handle.undecorate();
  });
});

describe('decorate: verdicts from the emulator', () => {
  it('shows the emulator verdict of a visible observable', async () => {
    const base = await emulatorUrl();
    const client = createClient({
      baseUrls: { visibility: base, privateIntel: base },
      credentials: { ...DEMO_CREDENTIALS },
      cache: false,
    });
    const asked: Promise<unknown>[] = [];
    const deliberate = client.enrich.deliberate.bind(client.enrich);
    client.enrich.deliberate = (obs, opts) => {
      const p = deliberate(obs, opts);
      asked.push(p);
      return p;
    };
    const el = await fixture<HTMLParagraphElement>(html`<p>Beacon to 198.51.100.7 from the mail relay</p>`);
    const handle = decorate(el, { client });
    await handle.ready;
    const [marker] = handle.observables;
    expect(marker!.value).to.equal('198.51.100.7');
    while (!asked.length) await frame();
    await asked[0];
    await marker!.updateComplete;
    // The emulator's documented demo value: Malicious in every module that knows it.
    expect(marker!.verdict?.disposition).to.equal(2);
    expect(marker!.shadowRoot!.querySelector('pk-verdict-badge')!.disposition).to.equal(2);
    handle.undecorate();
  });
});

describe('decorate: one verdict cache, the SDK’s', () => {
  it('answers a value shown again from the SDK cache: asked twice, one request', async () => {
    const base = await emulatorUrl();
    const client = createClient({
      baseUrls: { visibility: base, privateIntel: base },
      credentials: { ...DEMO_CREDENTIALS },
      cache: memoryVerdictCache(),
    });
    const requests: string[] = [];
    const asked: Promise<unknown>[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/deliberate/')) requests.push(url);
      return original(input, init);
    };
    const deliberate = client.enrich.deliberate.bind(client.enrich);
    client.enrich.deliberate = (obs, opts) => {
      const p = deliberate(obs, opts);
      asked.push(p);
      return p;
    };
    try {
      for (const round of [1, 2]) {
        const el = await fixture<HTMLParagraphElement>(html`<p>Beacon to 198.51.100.7, round ${round}</p>`);
        const handle = decorate(el, { client });
        await handle.ready;
        const [marker] = handle.observables;
        while (asked.length < round) await frame();
        await asked[round - 1];
        await marker!.updateComplete;
        expect(marker!.verdict?.disposition).to.equal(2);
        handle.undecorate();
      }
    } finally {
      window.fetch = original;
    }
    // The scheduler kept no answer of its own (it asked again); the SDK's cache answered the second time.
    expect(asked).to.have.length(2);
    expect(requests).to.have.length(1);
  });
});
