// Runs in the benchmark's Chromium page (bundled by run.ts, split as a browser loads it): one <pk-ribbon> added to
// a plain page. Results go to window.__ribbonBench for run.ts to read.
import '../../packages/elements/src/components/ribbon/pk-ribbon.js';

declare global {
  interface Window {
    __ribbonBench: {
      t0: number;
      painted?: Promise<{ definedMs: number; paintMs: number; longestTaskMs: number; scripts: string[] }>;
    };
  }
}

const tasks: PerformanceEntry[] = [];
new PerformanceObserver((l) => tasks.push(...l.getEntries())).observe({ type: 'longtask', buffered: true });
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

window.__ribbonBench.painted = (async () => {
  const definedMs = performance.now() - window.__ribbonBench.t0;
  const el = document.createElement('pk-ribbon');
  document.body.append(el);
  await el.updateComplete;
  const bar = el.shadowRoot!.querySelector('[part~="bar"]')!;
  if (!bar.matches(':popover-open') || bar.getBoundingClientRect().height === 0)
    throw new Error('the bar is not shown');
  // The frame after the one that drew the bar: the bar is on screen.
  await frame();
  await frame();
  const paintMs = performance.now() - window.__ribbonBench.t0;
  // The scripts loaded by then (the apps load on first open, later).
  const scripts = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname.slice(1))
    .filter((n) => n.endsWith('.js'));
  return { definedMs, paintMs, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)), scripts };
})();
