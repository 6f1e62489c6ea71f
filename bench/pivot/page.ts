// Runs in the benchmark's Chromium page (bundled by run.ts): decorates a table of 10,000 observables and
// measures opening the shared pivot menu on it. Results go to window.__pivotBench for run.ts to read.
// What a reporting page loads first (not the package index, which has every element): the menu comes
// through the lazy loader, preloaded when the page is idle, as on a real page.
import { configure } from '../../packages/elements/src/config.js';
import { decorate } from '../../packages/elements/src/decorate/decorate.js';
import { pivotMenuIfLoaded } from '../../packages/elements/src/lazy/pivot-menu.js';
import { fakeClient } from './fake-client.js';

declare global {
  interface Window {
    __pivotBench: {
      decorate(): Promise<{ observables: number; decorateMs: number; renderedMs: number; longestFrameMs: number }>;
      armOpen(): void;
      menuOpened(): Promise<number>;
      /** Resolves once the idle preload has loaded the menu's code (true) or at once if it had (false). */
      idlePreload(): Promise<boolean>;
      closeMenu(): void;
      enrichCalls(): number;
      scrollTo(i: number): Promise<{ x: number; y: number }>;
    };
  }
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
let calls = 0;
const client = fakeClient({ signedIn: true, modules: [{ module: 'Reputation Feed', disposition: 2 }] });
const deliberate = client.enrich.deliberate.bind(client.enrich);
client.enrich.deliberate = (obs, opts) => {
  calls++;
  return deliberate(obs, opts);
};
configure({ client });

let clickAt = 0;
window.__pivotBench = {
  async decorate() {
    const table = document.getElementById('t')!;
    // The page's own first layout is not ours to measure.
    await frame();
    await frame();
    // The longest gap between frames while decorating: how long the page was unresponsive at worst.
    let longest = 0;
    let last = performance.now();
    let watching = true;

    const tick = (t: number) => {
      longest = Math.max(longest, t - last);

      last = t;
      if (watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    const handle = decorate(table);
    await handle.ready;
    const t1 = performance.now();
    // Until the buttons are rendered and laid out: the next frame after every element updated.
    await Promise.all(handle.observables.map((o) => o.updateComplete));
    // A frame callback runs before that frame's style, layout and paint: the one after it sees them done.
    await frame();
    await frame();
    const t2 = performance.now();
    watching = false;

    await frame();
    await frame();
    return {
      observables: handle.observables.length,
      decorateMs: t1 - t0,
      renderedMs: t2 - t0,
      longestFrameMs: longest,
    };
  },
  async idlePreload() {
    if (pivotMenuIfLoaded()) return false;
    while (!pivotMenuIfLoaded()) await frame();
    return true;
  },
  armOpen() {
    clickAt = 0;
    document.addEventListener('click', () => (clickAt = performance.now()), { capture: true, once: true });
  },
  async menuOpened() {
    // Visible: open, and its panel has a size on screen.
    for (;;) {
      const menu = pivotMenuIfLoaded()?.getPivotMenu();
      const panel = menu?.shadowRoot?.querySelector('[part="panel"]');
      if (menu?.open && panel && panel.getBoundingClientRect().height > 0) return performance.now() - clickAt;
      await frame();
    }
  },
  enrichCalls: () => calls,
  async scrollTo(i: number) {
    const el = document.querySelectorAll('pk-observable')[i]!;
    el.scrollIntoView({ block: 'center' });
    // Let the newly visible rows get their verdicts (and the table its new layout) before the click.
    for (let k = 0; k < 6; k++) await frame();
    const r = el.shadowRoot!.querySelector('[part="pivot"]')!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  },
  closeMenu() {
    pivotMenuIfLoaded()?.getPivotMenu()?.hide('api');
  },
};
