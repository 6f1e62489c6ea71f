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

/** The focused element inside the element's shadow root. */
const focused = (el: PkFindObservables) => el.shadowRoot!.activeElement as HTMLElement | null;
const grid = (el: PkFindObservables) => part(el, 'list')!;
/** Where the focused grid target is: its row number (0-based), column, and row's text. */
const at = (el: PkFindObservables) => {
  const f = focused(el);
  return { row: Number(f?.dataset['row']), col: Number(f?.dataset['col']) };
};
const press = (key: string) => sendKeys({ press: key });
async function pressAndRender(el: PkFindObservables, key: string): Promise<void> {
  await press(key);
  await el.updateComplete;
}
/** Whether `inner` is fully inside the visible box of `outer`. */
function inView(inner: Element, outer: Element): boolean {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  return a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
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
      // runner's replies among them), but not before input. So the second click is asked for from inside the scan,
      // as soon as its progress (and Cancel, drawn where Scan was) is on screen, and lands while the scan runs.
      const scanButton = part(el, 'scan')!;
      scanButton.scrollIntoView({ block: 'center' });
      const r = scanButton.getBoundingClientRect();
      const at: [number, number] = [Math.round(r.x + 8), Math.round(r.y + r.height / 2)];
      let second: Promise<unknown> | undefined;
      const cancelShown = new Promise<void>((resolve) => {
        const seen = new MutationObserver(() => {
          if (!part(el, 'progress') || !part(el, 'cancel')) return;
          seen.disconnect();
          second = sendMouse({ type: 'click', position: at });
          resolve();
        });
        seen.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
      });
      await sendMouse({ type: 'click', position: at });
      await cancelShown;
      await second;
      await waitUntil(() => part(el, 'scan'), 'the scan stops');
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

  describe('keyboard: the findings grid and the toolbars', () => {
    it('is a grid with one Tab stop: arrows between rows and cells, Home/End in a row, Ctrl+Home/End', async () => {
      const { el } = await setup();
      await scan(el);
      expect(grid(el).getAttribute('role')).to.equal('grid');
      expect(grid(el).getAttribute('aria-multiselectable')).to.equal('true');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('7');
      expect(grid(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
      // From the select-all box, Tab goes into the grid (its first cell), and Tab again leaves it.
      part(el, 'selection')!.querySelector<HTMLInputElement>('input')!.focus();
      await press('Tab');
      expect(focused(el)?.getAttribute('part')).to.equal('group__label');
      expect(focused(el)?.textContent?.trim()).to.equal('IP address (1)');
      await pressAndRender(el, 'ArrowDown');
      expect(at(el)).to.deep.equal({ row: 1, col: 0 });
      expect(focused(el)?.getAttribute('aria-label')).to.equal('Select 198.51.100.7');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.textContent).to.contain('198.51.100.7');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.firstElementChild?.getAttribute('part')).to.equal('finding__count');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.getAttribute('part')).to.equal('show');
      await pressAndRender(el, 'ArrowRight');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.getAttribute('part')).to.equal('edit');
      await pressAndRender(el, 'Home');
      expect(at(el)).to.deep.equal({ row: 1, col: 0 });
      await pressAndRender(el, 'ArrowRight');
      // Through a heading row (one cell) the column is kept.
      await pressAndRender(el, 'ArrowDown');
      expect(focused(el)?.textContent?.trim()).to.equal('Domain (2)');
      await pressAndRender(el, 'ArrowDown');
      expect(at(el)).to.deep.equal({ row: 3, col: 1 });
      expect(focused(el)?.textContent).to.contain('evil.example.net');
      await pressAndRender(el, 'End');
      expect(focused(el)?.getAttribute('part')).to.equal('edit');
      await sendKeys({ down: 'Control' });
      await press('End');
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      expect(at(el)).to.deep.equal({ row: 6, col: 4 });
      await sendKeys({ down: 'Control' });
      await press('Home');
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      expect(at(el)).to.deep.equal({ row: 0, col: 0 });
      await pressAndRender(el, 'ArrowUp');
      expect(at(el)).to.deep.equal({ row: 0, col: 0 });
      await pressAndRender(el, 'ArrowDown');
      await pressAndRender(el, 'ArrowDown');
      await pressAndRender(el, 'ArrowDown');
      expect(grid(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
      await press('Tab');
      expect(grid(el).contains(focused(el))).to.equal(false);
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(at(el)).to.deep.equal({ row: 3, col: 0 });
      await expect(el).to.be.accessible();
    });

    it('selects with Space and Ctrl+A, and opens the editor with Enter', async () => {
      const { el } = await setup();
      await scan(el);
      const count = () => part(el, 'selection')!.textContent!.replace(/\s+/g, ' ');
      await grid(el).querySelector<HTMLElement>('[data-row="3"][data-col="1"]')!.focus();
      await pressAndRender(el, 'Space');
      expect(row(el, 'evil.example.net').getAttribute('aria-selected')).to.equal('true');
      expect(count()).to.contain('1 of 4 selected');
      await pressAndRender(el, 'Space');
      expect(row(el, 'evil.example.net').getAttribute('aria-selected')).to.equal('false');
      // On a type's heading, Space selects the whole type.
      await pressAndRender(el, 'ArrowUp');
      await pressAndRender(el, 'Space');
      expect(count()).to.contain('2 of 4 selected');
      expect(row(el, 'phish.example.org').getAttribute('aria-selected')).to.equal('true');
      // The checkbox toggles natively; Shift+Space on a button selects instead of pressing it.
      await pressAndRender(el, 'ArrowDown');
      await pressAndRender(el, 'Home');
      await pressAndRender(el, 'Space');
      expect(row(el, 'evil.example.net').getAttribute('aria-selected')).to.equal('false');
      await pressAndRender(el, 'End');
      await sendKeys({ down: 'Shift' });
      await press('Space');
      await sendKeys({ up: 'Shift' });
      await el.updateComplete;
      expect(row(el, 'evil.example.net').getAttribute('aria-selected')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part~="editor"]')).to.equal(null);
      await sendKeys({ down: 'Control' });
      await press('a');
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      expect(count()).to.contain('4 of 4 selected');
      expect(parts(el, 'finding').every((r) => r.getAttribute('aria-selected') === 'true')).to.equal(true);
      // Enter on a value opens its editor, whose keys are its own (Ctrl+A selects the text); Escape closes it.
      await grid(el).querySelector<HTMLElement>('[data-row="4"][data-col="1"]')!.focus();
      await pressAndRender(el, 'Enter');
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="editor"] input')!;
      expect(focused(el)).to.equal(input);
      await pressAndRender(el, 'ArrowLeft');
      expect(focused(el)).to.equal(input);
      await expect(el).to.be.accessible();
      await pressAndRender(el, 'Escape');
      expect(focused(el)?.getAttribute('part')).to.equal('edit');
    });

    it('keeps keyboard focus working across the window of 20,000 rows, the focused row in view', async function () {
      this.timeout(90000);
      const { page, el } = await setup();
      const rows = document.createDocumentFragment();
      for (let i = 0; i < 20000; i++) {
        const div = document.createElement('div');
        div.textContent = `host-${i}.example.com`;
        rows.append(div);
      }
      page.querySelector('.extra')!.append(rows);
      await el.scan();
      await el.updateComplete;
      const g = grid(el);
      // 7 + 1 rows of the small page, 20,000 domains; only a window of them is in the DOM.
      expect(g.getAttribute('aria-rowcount')).to.equal('20007');
      expect(g.querySelectorAll('[role="row"]').length).to.be.below(100);
      await g.querySelector<HTMLElement>('[data-row="3"][data-col="1"]')!.focus();
      await pressAndRender(el, 'PageDown');
      const afterPage = at(el).row;
      expect(afterPage).to.be.above(4);
      expect(inView(focused(el)!, g)).to.equal(true);
      await sendKeys({ down: 'Control' });
      await press('End');
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      expect(at(el).row).to.equal(20006);
      expect(focused(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('20007');
      expect(inView(focused(el)!, g)).to.equal(true);
      expect(g.querySelectorAll('[role="row"]').length).to.be.below(100);
      // The hash's group comes last, after the 20,002 domains.
      await pressAndRender(el, 'Home');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)!.textContent).to.contain('275a021bbfb6489e');
      await pressAndRender(el, 'ArrowUp');
      await pressAndRender(el, 'ArrowUp');
      expect(focused(el)!.textContent).to.contain('host-19999.example.com');
      await pressAndRender(el, 'PageUp');
      expect(at(el).row).to.equal(20004 - (afterPage - 3));
      expect(inView(focused(el)!, g)).to.equal(true);
      for (let i = 0; i < 3; i++) await pressAndRender(el, 'ArrowUp');
      expect(inView(focused(el)!, g)).to.equal(true);
      const active = at(el).row;
      // Scrolled away with the wheel: the focused row leaves the DOM, and Tab brings focus back to it.
      await press('Tab');
      g.scrollTop = 0;
      await waitUntil(() => !g.querySelector(`[data-row="${active}"]`), 'the row leaves the window');
      expect(g.tabIndex).to.equal(0);
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      await waitUntil(() => at(el).row === active, 'focus is back on the row');
      expect(inView(focused(el)!, g)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('makes the add actions a toolbar: one Tab stop, arrows between its controls, Home/End', async () => {
      await signInToEmulator();
      const { el } = await setup();
      currentCase.set({ id: 'casebook-toolbar-test', title: 'Toolbar test' });
      await scan(el);
      const bar = part(el, 'selection')!;
      expect(bar.getAttribute('role')).to.equal('toolbar');
      expect(part(el, 'toolbar')!.getAttribute('role')).to.equal('toolbar');
      // Nothing selected: the add buttons are disabled and skipped.
      bar.querySelector<HTMLInputElement>('input')!.focus();
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.localName).to.equal('input');
      await pressAndRender(el, 'Space');
      expect(focused(el)?.getAttribute('part')).to.equal(null);
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.getAttribute('part')).to.contain('add');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.getAttribute('part')).to.equal('add-new');
      await pressAndRender(el, 'ArrowRight');
      expect(focused(el)?.localName).to.equal('input');
      await pressAndRender(el, 'End');
      expect(focused(el)?.getAttribute('part')).to.equal('add-new');
      await pressAndRender(el, 'Home');
      expect(focused(el)?.localName).to.equal('input');
      await pressAndRender(el, 'ArrowLeft');
      expect(focused(el)?.getAttribute('part')).to.equal('add-new');
      expect([...bar.querySelectorAll('[tabindex="0"]')]).to.deep.equal([focused(el)]);
      // Tab leaves the toolbar for the grid; Shift+Tab comes back to the control last used.
      await press('Tab');
      expect(grid(el).contains(focused(el))).to.equal(true);
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(focused(el)?.getAttribute('part')).to.equal('add-new');
      await expect(el).to.be.accessible();
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
