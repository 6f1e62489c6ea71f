// pnpm bench casebook: in headless Chromium, <pk-casebook> on an in-memory casebook service. Measures opening a
// case of 500 observables (caseId set -> every row rendered) and the list of 1,000 cases, paged 50 at a time
// (first page, then each next page).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundlePage, launchChromium, median } from '../lib/browser.js';

const TARGETS = { openCase500Ms: 500, firstPageMs: 300, nextPageMs: 150 };
const RUNS = 5;

const js = await bundlePage('bench/casebook/page.ts', 'esm');
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

const browser = await launchChromium();
if (!browser) {
  server.close();
  process.exit(0);
}
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
