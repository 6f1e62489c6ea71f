import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './pk-find-observables.js';
import type { PkFindObservables } from './find-observables.js';
import { HIGHLIGHT_ALL, HIGHLIGHT_CURRENT } from './highlight.js';
import { clearScanHistory } from './scan-history.js';
import { currentCase } from '../../state/current-case.js';
import { settings } from '../../state/settings.js';
import { emulatorControl } from '../../../../../test/helpers/emulator.js';
import { resetState, signInToEmulator, waitUntil } from '../../../../../test/helpers/ribbon-apps.js';
import { loadThemes } from '../../test-helpers/focus-ring.js';

const part = (el: PkFindObservables, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PkFindObservables, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const values = (el: PkFindObservables) => parts(el, 'finding__value').map((v) => v.textContent!.trim());
const row = (el: PkFindObservables, value: string) =>
  parts(el, 'finding').find((r) => r.querySelector('[part~="finding__value"]')?.textContent?.trim() === value)!;

async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

let pageN = 0;

/** A page region with observables, and the element scanning it (placed inside it: its own UI must be skipped). */
async function setup(body = '') {
  const page = await fixture<HTMLElement>(
    html`<div>
      <p>Beacon from ws-fin-0142 to <b>evil.example.net</b> (198.51.100.7), then 198.51.100.7 again.</p>
      <table>
        <tr>
          <td>phish.example.org</td>
          <td>275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f</td>
        </tr>
      </table>
      <div data-pk-ignore>ignored.example.com</div>
      <div class="extra"></div>
    </div>`,
  );
  if (body) page.querySelector('.extra')!.textContent = body;
  const el = document.createElement('pk-find-observables');
  el.root = page;
  el.pageUrl = `https://console.example/page-${++pageN}`;
  page.append(el);
  await el.updateComplete;
  return { page, el };
}

async function scan(el: PkFindObservables): Promise<void> {
  await click(part(el, 'scan')!);
  await waitUntil(() => part(el, 'scan'), 'the scan ends');
  await el.updateComplete;
}

describe('pk-find-observables', () => {
  before(() => clearScanHistory());
  afterEach(async () => {
    resetState();
    await emulatorControl('faults', {});
  });

  describe('scanning', () => {
    it('lists what the page holds, grouped by type with counts, and never its own UI', async () => {
      const { el } = await setup();
      expect(part(el, 'status')!.textContent).to.contain('not been scanned');
      await scan(el);
      expect(parts(el, 'group__label').map((g) => g.textContent!.trim())).to.deep.equal([
        'IP address (1)',
        'Domain (2)',
        'SHA-256 hash (1)',
      ]);
      expect(values(el)).to.deep.equal([
        '198.51.100.7',
        'evil.example.net',
        'phish.example.org',
        '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      ]);
      expect(row(el, '198.51.100.7').querySelector('[part~="finding__count"]')!.textContent).to.equal('×2');
      // Its own list now holds every value as text: a second scan must still find each once.
      await scan(el);
      expect(values(el)).to.have.length(4);
      expect(part(el, 'status')!.textContent).to.contain('Found 4 observables (5 occurrences)');
      await expect(el).to.be.accessible();
    });

    it('shows progress and cancels, keeping what it found', async function () {
      this.timeout(20000);
      const { page, el } = await setup();
      // Many small blocks: the scan yields between slices, and takes long enough to be cancelled.
      const rows = document.createDocumentFragment();
      for (let i = 0; i < 60000; i++) {
        const div = document.createElement('div');
        div.textContent = `host-${i}.example.com`;
        rows.append(div);
      }
      page.querySelector('.extra')!.append(rows);
      // While the scan runs, its scheduler.yield() continuations go before this page's other tasks (the test
      // runner's replies among them), but not before input: so the second click is sent with the first, and lands
      // on Cancel (drawn where Scan was) while the scan runs.
      const scanButton = part(el, 'scan')!;
      scanButton.scrollIntoView({ block: 'center' });
      const r = scanButton.getBoundingClientRect();
      const at: [number, number] = [Math.round(r.x + 8), Math.round(r.y + r.height / 2)];
      let sawProgress = false;
      const seen = new MutationObserver(() => (sawProgress ||= !!part(el, 'progress')));
      seen.observe(el.shadowRoot!, { childList: true, subtree: true });
      const first = sendMouse({ type: 'click', position: at });
      const second = sendMouse({ type: 'click', position: at });
      await Promise.all([first, second]);
      await waitUntil(() => part(el, 'scan'), 'the scan stops');
      seen.disconnect();
      expect(sawProgress, 'progress was shown').to.equal(true);
      expect(el.shadowRoot!.textContent).to.contain('Scan cancelled');
      await expect(el).to.be.accessible();
    });

    it('says so when the page has no observable', async () => {
      const page = await fixture<HTMLElement>(html`<div><p>Nothing here.</p></div>`);
      const el = document.createElement('pk-find-observables');
      el.root = page;
      el.pageUrl = `https://console.example/empty-${++pageN}`;
      page.append(el);
      await el.updateComplete;
      await scan(el);
      expect(part(el, 'status')!.textContent).to.contain('No observables on this page');
    });
  });

  describe('filters and selection', () => {
    it('filters by type with the keyboard and selects all of what shows', async () => {
      const { el } = await setup();
      await scan(el);
      const select = part(el, 'filter')!.querySelector('select')!;
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(values(el)).to.deep.equal(['evil.example.net', 'phish.example.org']);
      const all = part(el, 'selection')!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      all.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(part(el, 'selection')!.textContent).to.contain('2 of 2 selected');
    });

    it('shows what is new since the last scan of this page', async () => {
      const { page, el } = await setup();
      await scan(el);
      page.querySelector('.extra')!.textContent = 'and now new.example.org';
      await scan(el);
      expect(parts(el, 'badge').map((b) => b.textContent)).to.deep.equal(['New']);
      await click(el.shadowRoot!.querySelectorAll('[part~="filter"] input[type="checkbox"]')[0]!);
      await el.updateComplete;
      expect(values(el)).to.deep.equal(['new.example.org']);
    });

    it('corrects a value inline with the keyboard (Escape discards, Enter saves)', async () => {
      const { el } = await setup();
      await scan(el);
      await click(row(el, 'phish.example.org').querySelector('[part~="edit"]')!);
      const input = () => el.shadowRoot!.querySelector<HTMLInputElement>('[part~="editor"] input')!;
      expect(el.shadowRoot!.activeElement).to.equal(input());
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(values(el)).to.include('phish.example.org');
      await click(row(el, 'phish.example.org').querySelector('[part~="edit"]')!);
      input().select();
      await sendKeys({ type: 'login.phish.example.org' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(values(el)).to.include('login.phish.example.org');
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('edit');
    });
  });

  describe('cases', () => {
    it('gives a new case the default TLP from Settings', async () => {
      const client = await signInToEmulator();
      try {
        for (const tlp of ['red', 'white'] as const) {
          settings.set({ defaultTlp: tlp });
          currentCase.set(null);
          const { el } = await setup();
          await scan(el);
          await click(row(el, 'evil.example.net').querySelector('input')!);
          await click(part(el, 'add-new')!);
          await waitUntil(() => currentCase.get(), 'a current case');
          expect((await client.casebooks.get(currentCase.get()!.id)).tlp, `with ${tlp} in Settings`).to.equal(tlp);
        }
      } finally {
        settings.reset();
      }
    });

    it('adds the selection to a new case with provenance, then filters what is in it', async () => {
      const client = await signInToEmulator();
      const { el } = await setup();
      document.title = 'Alert 4711';
      await scan(el);
      await click(row(el, 'evil.example.net').querySelector('input')!);
      await click(row(el, '198.51.100.7').querySelector('input')!);
      await click(part(el, 'add-new')!);
      await waitUntil(() => currentCase.get(), 'a current case');
      const id = currentCase.get()!.id;
      await waitUntil(async () => {
        const cb = await client.casebooks.get(id);
        return (cb['bundle'] as { sightings?: unknown[] } | undefined)?.sightings?.length === 2;
      }, 'the provenance sightings are stored');
      const cb = await client.casebooks.get(id);
      expect(cb.title).to.equal('Alert 4711');
      expect(cb.observables).to.deep.equal([
        { type: 'domain', value: 'evil.example.net' },
        { type: 'ip', value: '198.51.100.7' },
      ]);
      const s = (cb['bundle'] as { sightings: Record<string, unknown>[] }).sightings[0]!;
      expect(s['source_uri']).to.equal(el.pageUrl);
      expect(s['title']).to.equal('Alert 4711');
      expect(String(s['description'])).to.contain('Beacon from ws-fin-0142 to evil.example.net');
      await waitUntil(() => parts(el, 'badge').length === 2, 'the "In case" badges');
      const caseFilter = el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="filter"] select')[1]!;
      caseFilter.value = 'not-in';
      caseFilter.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(values(el)).to.deep.equal([
        'phish.example.org',
        '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      ]);
      await expect(el).to.be.accessible();
      await client.casebooks.delete(id);
    });

    it('offers sign-in for adding when signed out, and scans all the same', async () => {
      const { el } = await setup();
      await scan(el);
      expect(values(el)).to.have.length(4);
      const requested = oneEvent(el, 'pk-request-sign-in');
      await click(part(el, 'sign-in')!);
      await requested;
      await expect(el).to.be.accessible();
    });
  });

  describe('on the page', () => {
    it('highlights without touching the page, and shows one on the page', async () => {
      const { page, el } = await setup();
      await scan(el);
      const before = [...page.childNodes].filter((n) => n !== el).map((n) => (n as Element).outerHTML ?? n.textContent);
      const box = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="filter"] input[type="checkbox"]')[1]!;
      await click(box);
      await waitUntil(() => CSS.highlights.get(HIGHLIGHT_ALL)?.size === 5, 'five marks');
      await click(row(el, 'evil.example.net').querySelector('[part~="show"]')!);
      const current = [...CSS.highlights.get(HIGHLIGHT_CURRENT)!][0] as Range;
      expect(current.toString()).to.equal('evil.example.net');
      const after = [...page.childNodes].filter((n) => n !== el).map((n) => (n as Element).outerHTML ?? n.textContent);
      expect(after).to.deep.equal(before);
      await click(box);
      await waitUntil(() => !CSS.highlights.has(HIGHLIGHT_ALL), 'the marks are gone');
    });

    it('has no axe violations in the dark theme with results', async () => {
      await loadThemes();
      document.documentElement.classList.add('pk-theme-dark');
      try {
        await signInToEmulator();
        const { el } = await setup();
        await scan(el);
        await expect(el).to.be.accessible();
      } finally {
        document.documentElement.classList.remove('pk-theme-dark');
      }
    });
  });
});
