// Runs in the benchmark's Chromium page (bundled by run.ts): the 50,000-row table of bench/detect, and
// <pk-find-observables> beside it. Results go to window.__findBench for run.ts to read.
import '../../packages/elements/src/components/find-observables/pk-find-observables.js';
import { scanDom } from '@pivotkit/sdk/detect';
import type { PkFindObservables } from '../../packages/elements/src/components/find-observables/find-observables.js';

declare global {
  interface Window {
    __findBench: {
      build(rows: number): { textNodes: number };
      raw(): Promise<{ ms: number; longestTaskMs: number; longTasks: number }>;
      arm(): { x: number; y: number };
      listed(): Promise<{
        toListMs: number;
        scanMs: number;
        distinct: number;
        occurrences: number;
        longestTaskMs: number;
        longTasks: number;
        longestFrameMs: number;
      }>;
    };
  }
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

let el: PkFindObservables;
let clickAt = 0;
let done: ReturnType<Window['__findBench']['listed']>;
const tasks: PerformanceEntry[] = [];
new PerformanceObserver((l) => tasks.push(...l.getEntries())).observe({ type: 'longtask' });

window.__findBench = {
  build(ROWS) {
    // The same table as bench/detect's DOM measure (seed 7): 5 cells a row, one <code> a row.
    let seed = 7;
    const r = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const int = (n: number) => Math.floor(r() * n);
    const word = () => {
      let w = '';
      for (let i = 5 + int(6); i > 0; i--) w += 'abcdefghijklmnopqrstuvwxyz'[int(26)];
      return w;
    };
    const tbody = document.createElement('tbody');
    for (let i = 0; i < ROWS; i++) {
      const ip = `${1 + int(223)}.${int(256)}.${int(256)}.${1 + int(254)}`;
      const host = `${word()}-${int(999)}.${['com', 'net', 'org', 'io'][int(4)]}`;
      const msg =
        i % 10 === 0
          ? `beacon hxxps://${host.replace('.', '[.]')}/gate?id=${i}`
          : `user ${word()} logged in from ${ip}`;
      const hash = i % 5 === 0 ? [...Array(64)].map(() => '0123456789abcdef'[int(16)]).join('') : 'n/a';
      const tr = document.createElement('tr');
      for (const [k, text] of [
        ['td', `2026-11-22T08:${String(int(60)).padStart(2, '0')}:00Z`],
        ['td', ip],
        ['td', host],
        ['td', msg],
      ] as const) {
        const td = document.createElement(k);
        td.textContent = text;
        tr.append(td);
      }
      const td = document.createElement('td');
      const code = document.createElement('code');
      code.textContent = hash;
      td.append(code);
      tr.append(td);
      tbody.append(tr);
    }
    const table = document.createElement('table');
    table.append(tbody);
    document.body.append(table);
    el = document.createElement('pk-find-observables');
    el.pageUrl = 'https://bench.example/50k';
    el.style.cssText =
      'position:fixed;right:0;top:0;width:28rem;height:100vh;overflow:auto;background:#fff;contain:strict';
    document.body.append(el);
    const w = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    let n = 0;
    while (w.nextNode()) n++;
    return { textNodes: n };
  },
  async raw() {
    tasks.length = 0;
    const t = performance.now();
    await scanDom(document.querySelector('table')!);
    const ms = performance.now() - t;
    await frame();
    return { ms, longestTaskMs: Math.max(0, ...tasks.map((x) => x.duration)), longTasks: tasks.length };
  },
  arm() {
    const b = el.shadowRoot!.querySelector<HTMLElement>('[part~="scan"]')!.getBoundingClientRect();
    tasks.length = 0;
    // Everything is set up now, before the click: while the scan runs, other tasks (this page's evaluate
    // messages among them) wait behind its scheduler.yield() continuations.
    let longest = 0;
    let last = performance.now();
    let watching = true;
    const tick = (t: number) => {
      longest = Math.max(longest, t - last);
      last = t;
      if (watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    el.addEventListener('click', () => (clickAt = performance.now()), { once: true, capture: true });
    done = (async () => {
      while (!clickAt) await frame();
      while (!el.shadowRoot!.querySelector('[part~="finding"]')) await frame();
      const scanEnd = performance.now();
      await frame();
      await frame();
      const t1 = performance.now();
      watching = false;
      return {
        toListMs: t1 - clickAt,
        scanMs: scanEnd - clickAt,
        distinct: el.findings.length,
        occurrences: el.findings.reduce((n, f) => n + f.matches.length, 0),
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        longestFrameMs: longest,
      };
    })();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  },
  listed() {
    return done;
  },
};
