// pnpm bench casebook: in headless Chromium, <pk-casebook> on an in-memory casebook service. Measures opening a
// case of 500 observables (caseId set -> every row rendered) and the list of 1,000 cases, paged 50 at a time
// (first page, then each next page).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { findChromium, chromiumArgs } = (await import(join(root, 'scripts/lib/chromium.mjs'))) as {
  findChromium(): string | null;
  chromiumArgs: string[];
};
const pnpmDir = join(root, 'node_modules', '.pnpm');
const pptrDir = readdirSync(pnpmDir).find((d) => d.startsWith('puppeteer-core@'));
if (!pptrDir) throw new Error('puppeteer-core not found under node_modules/.pnpm; run pnpm install');
const require = createRequire(join(pnpmDir, pptrDir, 'node_modules', 'puppeteer-core', 'package.json'));
interface Page {
  goto(url: string): Promise<unknown>;
  setViewport(v: { width: number; height: number }): Promise<void>;
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
const puppeteer = require('puppeteer-core') as {
  launch(o: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
};

const TARGETS = { openCase500Ms: 500, firstPageMs: 300, nextPageMs: 150 };
const RUNS = 5;

const bundle = await build({
  entryPoints: [join(root, 'bench/casebook/page.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  minify: true,
  target: 'es2022',
  conditions: ['source', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  logLevel: 'error',
});
const js = bundle.outputFiles[0]!.text;
// IndexedDB (the outbox) needs a real origin: serve the page from loopback instead of about:blank.
const server = createServer((req, res) => {
  if (req.url === '/page.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html' })
    .end(
      '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/page.js"></script></head><body></body></html>',
    );
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const exe = findChromium();
if (!exe) throw new Error('Chromium not found');
const browser = await puppeteer.launch({ executablePath: exe, headless: true, args: chromiumArgs });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url);
  await page.evaluate(async () => {
    while (!window.__casebookBench) await new Promise((r) => setTimeout(r, 10));
  });
  const open: number[] = [];
  for (let i = 0; i < RUNS; i++) open.push((await page.evaluate((n) => window.__casebookBench.openCase(n), 500)).ms);
  const lists: { firstPageMs: number; pages: number; pageMs: number[] }[] = [];
  for (let i = 0; i < RUNS; i++) lists.push(await page.evaluate(() => window.__casebookBench.openList(1000, 50)));
  const first = median(lists.map((l) => l.firstPageMs));
  const next = median(lists.flatMap((l) => l.pageMs));
  const worstNext = Math.max(...lists.flatMap((l) => l.pageMs));
  const rows = [
    ['open a case of 500 observables (median of 5)', median(open), TARGETS.openCase500Ms],
    ['list of 1,000 cases: first page of 50 (median of 5)', first, TARGETS.firstPageMs],
    [`list: next page (median of ${lists.length * (lists[0]!.pages - 1)})`, next, TARGETS.nextPageMs],
  ] as const;
  for (const [name, ms, target] of rows)
    console.log(`${ms <= target ? '✔' : '✘'} ${name}: ${ms.toFixed(0)} ms (target ${target} ms)`);
  console.log(`  pages walked per run: ${lists[0]!.pages}; slowest next page: ${worstNext.toFixed(0)} ms`);
  console.log(`  open-case runs: ${open.map((x) => x.toFixed(0)).join(', ')} ms`);
  process.exitCode = rows.every(([, ms, t]) => ms <= t) ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}
