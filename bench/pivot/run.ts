// pnpm bench pivot: in headless Chromium, a page with 10,000 observables. Measures decorate() (and until
// the buttons are rendered), and opening the shared pivot menu (click -> menu visible).
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
// The few puppeteer calls used here, typed locally (puppeteer-core's types are not resolvable from bench/).
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

const TARGETS = { decorateMs: 3000, renderedMs: 3500, longestFrameMs: 250, openMs: 100 };
const ROWS = 2500; // four observables per row: 10,000

const bundle = await build({
  entryPoints: [join(root, 'bench/pivot/page.ts')],
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

const hex = (i: number, n: number) => {
  let s = '';
  let x = i * 2654435761;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += x.toString(16).padStart(8, '0');
  }
  return s.slice(0, n);
};
const rows: string[] = [];
for (let i = 0; i < ROWS; i++) {
  const ip = `${45 + (i % 100)}.${(i >> 8) & 255}.${i & 255}.${1 + (i % 250)}`;
  const domain = `host-${i}.example-${i % 37}.com`;
  rows.push(
    `<tr><td>${i}</td><td>${ip}</td><td>mail from ${domain} today</td><td>https://${domain}/p/${hex(i, 6)}</td><td>${hex(i, 64)}</td></tr>`,
  );
}
const html = `<!doctype html><html><head><meta charset="utf-8"><style>body{font:13px system-ui;margin:0}td{padding:2px 6px;border-bottom:1px solid #ddd}</style></head>
<body><table id="t"><tbody>${rows.join('')}</tbody></table></body></html>`;

const executablePath = findChromium();
if (!executablePath) {
  console.log('skipped: no Chromium (install it or set CHROME_PATH)');
  process.exit(0);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.setContent(html);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const d = await page.evaluate(() => window.__bench.decorate());

  const opens: number[] = [];
  for (const index of [10, 5000, 9990, 20, 5010, 9980, 40, 5040, 9960, 60]) {
    const at = await page.evaluate((i: number) => window.__bench.scrollTo(i), index);
    await page.evaluate(() => window.__bench.armOpen());
    await page.mouse.click(at.x, at.y);
    opens.push(await page.evaluate(() => window.__bench.menuOpened()));
    await page.evaluate(() => window.__bench.closeMenu());
  }
  opens.sort((a, b) => a - b);
  const median = opens[Math.floor(opens.length / 2)]!;
  const worst = opens.at(-1)!;

  const line = (name: string, value: number, target: number) =>
    console.log(
      `${name.padEnd(44)} ${value.toFixed(1).padStart(8)} ms   target ≤ ${target} ms   ${value <= target ? '✔' : '✘'}`,
    );
  const calls = await page.evaluate(() => window.__bench.enrichCalls());
  console.log(`page: ${d.observables} decorated observables (${ROWS} rows)`);
  console.log(`enrich.deliberate calls after 10 scroll positions: ${calls} (only what was scrolled into view)`);
  line('decorate() until every button is placed', d.decorateMs, TARGETS.decorateMs);
  line('decorate() until rendered and laid out', d.renderedMs, TARGETS.renderedMs);
  line('longest gap between frames while decorating', d.longestFrameMs, TARGETS.longestFrameMs);
  line('open menu: click -> visible (median)', median, TARGETS.openMs);
  line('open menu: click -> visible (worst of 10)', worst, TARGETS.openMs * 2);
  // Targets are printed, not enforced: timings on a shared machine vary too much to fail a run on them.
} finally {
  await browser.close();
}
