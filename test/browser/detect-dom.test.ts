import { expect } from '@open-wc/testing';
import {
  detectObservables,
  matchRange,
  scanDom,
  watchDom,
  type DomMatch,
  type ScanProgress,
} from '@pivotkit/sdk/detect';

const H64 = 'e008033699eb7000131ee66c03d33b809d5bba48f1c557ea14b86e68363d6de0';

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

const values = (ms: DomMatch[]) => ms.map((m) => `${m.type} ${m.value}`);

afterEach(() => {
  for (const el of [...document.body.children]) if (el.localName === 'div') el.remove();
});

describe('scanDom: text nodes and offsets', () => {
  it('maps each match to its text node and offsets', async () => {
    const root = mount('<p>Beacon to evil-update[.]com from <em>203.0.113.7</em> done</p>');
    const [domain, ip] = await scanDom(root);
    const p = root.querySelector('p')!;
    expect(domain!.value).to.equal('evil-update.com');
    expect(domain!.startNode).to.equal(p.firstChild);
    expect(domain!.startOffset).to.equal('Beacon to '.length);
    expect(domain!.endOffset).to.equal('Beacon to evil-update[.]com'.length);
    expect(domain!.raw).to.equal('evil-update[.]com');
    expect(ip!.startNode).to.equal(root.querySelector('em')!.firstChild);
    expect([ip!.startOffset, ip!.endOffset]).to.deep.equal([0, 11]);
    expect(matchRange(ip!).toString()).to.equal('203.0.113.7');
  });

  it('joins a match split across inline elements', async () => {
    const root = mount('<p>visit evil-<b>update</b>.com now</p>');
    const found = await scanDom(root);
    expect(values(found)).to.deep.equal(['domain evil-update.com']);
    const [m] = found;
    expect(m!.nodes.length).to.equal(3);
    expect(m!.startNode.data).to.equal('visit evil-');
    expect(m!.endNode.data).to.equal('.com now');
    expect(matchRange(m!).toString()).to.equal('evil-update.com');
  });

  it('never joins text across cells, blocks or <br>', async () => {
    const root = mount(
      '<table><tr><td>evil-update.com</td><td>example.org</td></tr></table><div>a.example.net</div>b.example.net<br>c.example.net',
    );
    expect(values(await scanDom(root))).to.deep.equal([
      'domain evil-update.com',
      'domain example.org',
      'domain a.example.net',
      'domain b.example.net',
      'domain c.example.net',
    ]);
  });

  it('joins and separates runs the same way around empty elements and inline elements in cells', async () => {
    const root = mount(
      '<p>evil-<b></b>update.com</p><div><p></p>a.example.net</div><div>b.example<br>.net</div>' +
        '<table><tr><td><code>c.example.</code>net</td><td><b>d.example</b></td><td>.net</td></tr></table>' +
        '<div><span><i>e.</i></span>example.net<p>f.example.net</p>g.example.net</div>',
    );
    expect(values(await scanDom(root))).to.deep.equal([
      'domain evil-update.com',
      'domain a.example.net',
      'domain c.example.net',
      'domain e.example.net',
      'domain f.example.net',
      'domain g.example.net',
    ]);
  });

  it('gives a one-node match one nodes array, the same on every read', async () => {
    const root = mount('<p>see a.example.net</p>');
    const [m] = await scanDom(root);
    expect(m!.nodes).to.deep.equal([root.querySelector('p')!.firstChild]);
    expect(m!.nodes).to.equal(m!.nodes);
    m!.nodes = [];
    expect(m!.nodes).to.deep.equal([]);
  });

  it('reports URLs with their nested host, and hashes', async () => {
    const root = mount(`<li>GET hxxps://evil-update[.]com/gate.php?id=1</li><li><code>${H64}</code></li>`);
    expect(values(await scanDom(root))).to.deep.equal([
      'url https://evil-update.com/gate.php?id=1',
      'domain evil-update.com',
      `sha256 ${H64}`,
    ]);
  });
});

describe('scanDom: what is skipped', () => {
  it('skips script, style, noscript, template, form fields and contenteditable', async () => {
    const root = mount(`
      <script type="text/plain">var u = "http://script.example.com/";</script>
      <style>.x { background: url(http://style.example.com/a.png) }</style>
      <noscript>noscript.example.com</noscript>
      <template>template.example.com</template>
      <textarea>textarea.example.com</textarea>
      <input value="input.example.com">
      <select><option>option.example.com</option></select>
      <div contenteditable="true">editable.example.com <b>inner.example.com</b></div>
      <div contenteditable="false">shown.example.com</div>
      <p>kept.example.com</p>`);
    expect(values(await scanDom(root))).to.deep.equal(['domain shown.example.com', 'domain kept.example.com']);
  });

  it('skips everything under data-pk-ignore, and a root inside it', async () => {
    const root = mount(
      '<section data-pk-ignore><p>ignored.example.com <span id="deep">deep.example.com</span></p></section><p>kept.example.com</p>',
    );
    expect(values(await scanDom(root))).to.deep.equal(['domain kept.example.com']);
    expect(await scanDom(root.querySelector('#deep')!)).to.deep.equal([]);
  });
});

describe('scanDom: shadow roots', () => {
  it('walks open shadow roots, nested ones too, and not closed ones', async () => {
    const root = mount('<div id="open"><span>light.example.com</span></div><div id="closed"></div>');
    const open = root.querySelector('#open')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>shadow.example.com</p><div id="inner"></div><slot></slot>';
    const inner = open.querySelector('#inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>nested.example.com</p><p data-pk-ignore>hidden.example.com</p>';
    root.querySelector('#closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>closed.example.com</p>';
    const found = await scanDom(root);
    expect(values(found)).to.deep.equal([
      'domain shadow.example.com',
      'domain nested.example.com',
      'domain light.example.com',
    ]);
    expect(found[0]!.startNode.getRootNode()).to.equal(open);
  });
});

describe('scanDom: shadow roots on inline and custom elements', () => {
  it('walks the open shadow root of a span and of a custom element, at the host, inside its run', async () => {
    const root = mount('<p>before.example.com <span id="s">x</span> <pk-test-host id="c">y</pk-test-host></p>');
    root.querySelector('#s')!.attachShadow({ mode: 'open' }).innerHTML = 'span-shadow.example.com';
    root.querySelector('#c')!.attachShadow({ mode: 'open' }).innerHTML = '<b>custom-shadow.example.com</b>';
    expect(values(await scanDom(root))).to.deep.equal([
      'domain before.example.com',
      'domain span-shadow.example.com',
      'domain custom-shadow.example.com',
    ]);
  });
});

describe('scanDom: slices and abort', () => {
  function table(rows: number, from = 0): string {
    let html = '';
    for (let i = from; i < from + rows; i++)
      html += `<tr><td>host-${i}.example.com</td><td>198.51.${i % 256}.${(i >> 8) + 1}</td><td>row ${i}</td></tr>`;
    return html;
  }

  it('works in several slices when the slice budget is tiny, with the same result', async () => {
    const root = mount(`<table><tbody>${table(3000)}</tbody></table>`);
    const chunks: ScanProgress[] = [];
    const sliced = await scanDom(root, { sliceMs: 0, onChunk: (p) => chunks.push(p) });
    expect(chunks.length).to.be.greaterThan(1);
    expect(sliced.length).to.equal(6000);
    expect(chunks.reduce((n, c) => n + c.textNodes, 0)).to.equal(9000);
    expect(chunks.reduce((n, c) => n + c.matches.length, 0)).to.equal(6000);
    expect(values(sliced)).to.deep.equal(values(await scanDom(root, { sliceMs: 1000 })));
  });

  it('yields with scheduler.yield() when present, and with a MessageChannel task otherwise', async () => {
    const root = mount(`<table><tbody>${table(1000)}</tbody></table>`);
    const scheduler = (globalThis as unknown as { scheduler: { yield?: () => Promise<void> } }).scheduler;
    const original = scheduler.yield;
    let yields = 0;
    let chunks = 0;
    try {
      scheduler.yield = () => {
        yields++;
        return original!.call(scheduler);
      };
      await scanDom(root, { sliceMs: 0, onChunk: () => chunks++ });
      expect(yields).to.equal(chunks - 1); // the last chunk ends the scan
      expect(yields).to.be.greaterThan(0);
      scheduler.yield = undefined;
      const found = await scanDom(root, { sliceMs: 0 });
      expect(found.length).to.equal(2000);
    } finally {
      scheduler.yield = original;
    }
  });

  it('reads a huge text node (a log in a <pre>) in pieces, with offsets into the node', async () => {
    const line = (i: number) => `2026-11-22T08:00:00Z conn ${i} from 198.51.100.${i % 250} to host-${i}.example.com\n`;
    let log = '';
    for (let i = 0; log.length < 300_000; i++) log += line(i);
    const root = mount('<pre></pre>');
    root.querySelector('pre')!.textContent = log;
    const chunks: ScanProgress[] = [];
    const found = await scanDom(root, { sliceMs: 0, onChunk: (p) => chunks.push(p) });
    const lines = log.split('\n').length - 1;
    expect(found.length).to.equal(2 * lines);
    expect(chunks.length).to.be.greaterThan(3);
    const node = root.querySelector('pre')!.firstChild as Text;
    for (const m of found) {
      expect(m.startNode).to.equal(node);
      expect(node.data.slice(m.startOffset, m.endOffset)).to.equal(m.value);
    }
    // Pieces give what one pass over the whole text gives.
    expect(values(found)).to.deep.equal(detectObservables(log).map((m) => `${m.type} ${m.value}`));
  });

  it('rejects with the reason when aborted before or during the scan', async () => {
    const root = mount(`<table><tbody>${table(3000)}</tbody></table>`);
    const before = new AbortController();
    before.abort();
    const e1 = await scanDom(root, { signal: before.signal }).catch((e: unknown) => e);
    expect((e1 as DOMException).name).to.equal('AbortError');
    const during = new AbortController();
    let chunks = 0;
    const e2 = await scanDom(root, {
      sliceMs: 0,
      signal: during.signal,
      onChunk: () => {
        chunks++;
        during.abort(new Error('stop'));
      },
    }).catch((e: unknown) => e);
    expect((e2 as Error).message).to.equal('stop');
    expect(chunks).to.equal(1);
  });
});

describe('watchDom: incremental scanning', () => {
  /** Collects chunks; `until(n)` resolves once `n` text nodes have been read since the last call. */
  function recorder() {
    const chunks: ScanProgress[] = [];
    const found: DomMatch[] = [];
    let waiting: { n: number; resolve: () => void } | undefined;
    let read = 0;
    return {
      chunks,
      found,
      onMatches: (ms: DomMatch[]) => found.push(...ms),
      onChunk: (p: ScanProgress) => {
        chunks.push(p);
        read += p.textNodes;
        if (waiting && read >= waiting.n) waiting.resolve();
      },
      until(n: number) {
        return new Promise<number>((resolve) => {
          const done = () => {
            const r = read;
            read = 0;
            waiting = undefined;
            resolve(r);
          };
          waiting = { n, resolve: done };
          if (read >= n) done();
        });
      },
    };
  }

  it('scans a growing table once: appended rows only, never again from the top', async () => {
    const root = mount('<table><tbody></tbody></table>');
    const tbody = root.querySelector('tbody')!;
    const row = (i: number) => `<tr><td>host-${i}.example.com</td><td>203.0.113.${i}</td></tr>`;
    tbody.innerHTML = [1, 2, 3, 4, 5].map(row).join('');
    const rec = recorder();
    const stop = watchDom(root, rec.onMatches, { onChunk: rec.onChunk });
    expect(await rec.until(10)).to.equal(10);
    expect(rec.found.length).to.equal(10);

    tbody.insertAdjacentHTML('beforeend', [6, 7].map(row).join(''));
    expect(await rec.until(4)).to.equal(4); // two rows, two cells each: the first five rows are not read again
    expect(values(rec.found.slice(10))).to.deep.equal([
      'domain host-6.example.com',
      'ip 203.0.113.6',
      'domain host-7.example.com',
      'ip 203.0.113.7',
    ]);

    // Many appends in one task arrive as one batch.
    for (const i of [8, 9, 10]) tbody.insertAdjacentHTML('beforeend', row(i));
    expect(await rec.until(6)).to.equal(6);
    expect(rec.found.length).to.equal(20);
    stop();
  });

  it('reads a text node again when its data changes, and new text in an open shadow root', async () => {
    const root = mount('<p>first.example.com</p><div id="host"></div>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>in-shadow.example.com</p>';
    const rec = recorder();
    const stop = watchDom(root, rec.onMatches, { onChunk: rec.onChunk });
    await rec.until(2);
    expect(values(rec.found)).to.deep.equal(['domain first.example.com', 'domain in-shadow.example.com']);

    (root.querySelector('p')!.firstChild as Text).data = 'changed to 192.0.2.44';
    expect(await rec.until(1)).to.equal(1);
    shadow.querySelector('p')!.append(' and 192.0.2.55');
    expect(await rec.until(1)).to.equal(1);
    expect(values(rec.found.slice(2))).to.deep.equal(['ip 192.0.2.44', 'ip 192.0.2.55']);
    stop();
  });

  it('stops watching when the returned function is called', async () => {
    const root = mount('<p>one.example.com</p>');
    const rec = recorder();
    const stop = watchDom(root, rec.onMatches, { onChunk: rec.onChunk });
    await rec.until(1);
    stop();
    root.insertAdjacentHTML('beforeend', '<p>two.example.com</p>');
    // A second watcher sees the new paragraph; by the time its first scan is done the first one would have
    // reported it too, had it still been watching.
    const other = recorder();
    const stopOther = watchDom(root, other.onMatches, { onChunk: other.onChunk });
    await other.until(2);
    await new Promise((r) => requestAnimationFrame(r));
    expect(values(other.found)).to.deep.equal(['domain one.example.com', 'domain two.example.com']);
    expect(values(rec.found)).to.deep.equal(['domain one.example.com']);
    stopOther();
  });
});
