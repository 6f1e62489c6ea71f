// pnpm bench find-observables: in headless Chromium, "Find observables" on the 50,000-row page of bench/detect.
// Clicks "Scan this page" (a real mouse click) and measures the time until the list of findings is rendered and
// laid out, the longest task (PerformanceObserver "longtask") and the longest gap between frames meanwhile.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { findChromium, chromiumArgs } = (await import(join(root, 'scripts/lib/chromium.mjs'))) as {
  findChromium(): string | null;
  chromiumArgs: string[];
};
// puppeteer-core comes with @web/test-runner-chrome; it is not a direct dependency.
const pnpmDir = join(root, 'node_modules', '.pnpm');
const pptrDir = readdirSync(pnpmDir).find((d) => d.startsWith('puppeteer-core@'));
if (!pptrDir) throw new Error('puppeteer-core not found under node_modules/.pnpm; run pnpm install');
const require = createRequire(join(pnpmDir, pptrDir, 'node_modules', 'puppeteer-core', 'package.json'));
interface Page {
  setViewport(v: { width: number; height: number }): Promise<void>;
  setContent(html: string): Promise<void>;
  addScriptTag(o: { content: string }): Promise<unknown>;
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  mouse: { click(x: number, y: number): Promise<void> };
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
const puppeteer = require('puppeteer-core') as {
  launch(o: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
};

const ROWS = 50_000;
const RUNS = 3;
const TARGETS = { toListMs: 3000, longestTaskMs: 100, longestFrameMs: 250 };

const bundle = await build({
  entryPoints: [join(root, 'bench/find-observables/page.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  minify: true,
  target: 'es2022',
  conditions: ['source', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  logLevel: 'error',
});

const executablePath = findChromium();
if (!executablePath) {
  console.log('skipped: no Chromium (install it or set CHROME_PATH)');
  process.exit(0);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: chromiumArgs });
try {
  type Result = Awaited<ReturnType<Window['__findBench']['listed']>>;
  const results: Result[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh page each run: the second scan of one page would also find its "new since" history.
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style>body{font:13px system-ui;margin:0}td{padding:2px 6px;border-bottom:1px solid #ddd}</style></head><body></body></html>',
    );
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const { textNodes } = await page.evaluate((rows: number) => window.__findBench.build(rows), ROWS);
    if (run === 0) {
      const raw = await page.evaluate(() => window.__findBench.raw());
      console.log(
        `scanDom alone (same page, first): ${raw.ms.toFixed(0)} ms, longest task ${raw.longestTaskMs.toFixed(0)} ms (${raw.longTasks} over 50 ms)`,
      );
    }
    const at = await page.evaluate(() => window.__findBench.arm());
    await page.mouse.click(at.x, at.y);
    const r = await page.evaluate(() => window.__findBench.listed());
    results.push(r);
    console.log(
      `run ${run + 1}: ${textNodes} text nodes, ${r.distinct} distinct observables (${r.occurrences} occurrences); ` +
        `scan ${r.scanMs.toFixed(0)} ms, to the list ${r.toListMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms ` +
        `(${r.longTasks} over 50 ms), longest frame gap ${r.longestFrameMs.toFixed(0)} ms`,
    );
  }
  const median = (k: Exclude<keyof Result, never>) => results.map((r) => r[k]).sort((a, b) => a - b)[RUNS >> 1]!;
  const line = (name: string, value: number, target: number) =>
    console.log(
      `${name.padEnd(44)} ${value.toFixed(0).padStart(8)} ms   target ≤ ${target} ms   ${value <= target ? '✔' : '✘'}`,
    );
  console.log(`median of ${RUNS} runs, ${ROWS} rows:`);
  line('click "Scan this page" -> list rendered', median('toListMs'), TARGETS.toListMs);
  line('longest task', median('longestTaskMs'), TARGETS.longestTaskMs);
  line('longest gap between frames', median('longestFrameMs'), TARGETS.longestFrameMs);
  // Targets are printed, not enforced: timings on a shared machine vary too much to fail a run on them.
} finally {
  await browser.close();
}
