// pnpm bench detect — observable detection: text throughput against ioc-extractor, precision/recall of both on
// the labelled cases, and a DOM scan of 50,000 table rows in headless Chromium against a bare TreeWalker pass.
// Targets (printed, not asserted): ≥3× ioc-extractor's MB/s; precision and recall ≥ ioc-extractor's;
// DOM scan ≤2× the bare walk; no task over 50 ms.
import { build } from 'esbuild';
import { partialExtractIOC, extractIOC } from 'ioc-extractor';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectObservables, type ObservableType } from '../../packages/sdk/src/detect/index.js';
import { normalizeIPv6 } from '../../packages/sdk/src/detect/ip.js';
import { cases } from '../../packages/sdk/test/detect-cases.js';
import { launchChromium } from '../lib/browser.js';
import { makeCorpus } from './corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 1) => n.toFixed(d);

// DETECT_BENCH=dom runs the DOM part alone (quicker while working on it).
const domOnly = process.env.DETECT_BENCH === 'dom';

// ── 1. Text throughput
if (!domOnly) {
  const corpus = makeCorpus(10_000_000, 42);
  const mb = corpus.length / 1e6;
  const FIVE: ObservableType[] = ['ip', 'ipv6', 'domain', 'url', 'sha256'];
  console.log(
    `corpus: ${corpus.length.toLocaleString('en')} bytes, ${corpus.split('\n').length.toLocaleString('en')} lines (seed 42)`,
  );

  // Wall time and process CPU time per run: on a shared machine the CPU time is the steadier of the two.
  function time(fn: () => unknown, runs: number): { ms: number; cpu: number; result: unknown } {
    let result: unknown;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      result = fn();
      const u = process.cpuUsage(c);
      wall.push(performance.now() - t);
      cpu.push((u.user + u.system) / 1000);
    }
    return { ms: median(wall), cpu: median(cpu), result };
  }

  const ours = time(() => detectObservables(corpus, { types: FIVE }), 7);
  const theirs = time(() => partialExtractIOC(corpus, ['ipv4s', 'ipv6s', 'domains', 'urls', 'sha256s']), 5);
  const oursAll = time(() => detectObservables(corpus), 3);
  const line = (name: string, t: { ms: number; cpu: number }) =>
    `  ${name}  wall ${fmt(t.ms, 0).padStart(5)} ms ${fmt(mb / (t.ms / 1000)).padStart(6)} MB/s   cpu ${fmt(t.cpu, 0).padStart(5)} ms ${fmt(mb / (t.cpu / 1000)).padStart(6)} MB/s`;
  console.log('\ntext, five types (ip, ipv6, domain, url, sha256), median of runs:');
  console.log(`${line('@pivotkit/sdk/detect', ours)}  (${(ours.result as unknown[]).length} matches)`);
  console.log(line('ioc-extractor 8.2.0 ', theirs));
  console.log(`${line('ours, all 8 types   ', oursAll)}`);
  const ratio = theirs.cpu / ours.cpu;
  console.log(
    `  ratio: ${fmt(ratio, 2)}× ioc-extractor by CPU time, ${fmt(theirs.ms / ours.ms, 2)}× by wall time  (target ≥ 3×) ${ratio >= 3 ? '✔' : '✘'}`,
  );

  // ── 2. Precision / recall on the labelled cases (default options only)
  const IOC_KEYS: Record<string, ObservableType> = {
    ipv4s: 'ip',
    ipv6s: 'ipv6',
    domains: 'domain',
    urls: 'url',
    sha256s: 'sha256',
    md5s: 'md5',
    sha1s: 'sha1',
    emails: 'email',
  };
  // Case-fold every value and compress IPv6, so ioc-extractor is not charged for spelling differences.
  const norm = (type: string, v: string) => {
    const lower = v.toLowerCase();
    return type === 'ipv6' ? (normalizeIPv6(lower.split('%')[0]!) ?? lower) : lower;
  };
  function score(predict: (input: string) => [string, string][]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of cases) {
      if (c.options) continue;
      const want = new Set(c.expected.map(([t, v]) => `${t} ${norm(t, v)}`));
      const got = new Set(predict(c.input).map(([t, v]) => `${t} ${norm(t, v)}`));
      for (const g of got)
        if (want.has(g)) tp++;
        else fp++;
      for (const w of want) if (!got.has(w)) fn++;
    }
    return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
  }
  const oursScore = score((s) => detectObservables(s).map((m) => [m.type, m.value]));
  const theirsScore = score((s) => {
    const r = extractIOC(s) as unknown as Record<string, string[]>;
    return Object.entries(IOC_KEYS).flatMap(([k, t]) => (r[k] ?? []).map((v): [string, string] => [t, v]));
  });
  const labelled = cases.filter((c) => !c.options).length;
  console.log(`\nlabelled cases (${labelled} with default options; ${cases.length} in all):`);
  for (const [name, s] of [
    ['@pivotkit/sdk/detect', oursScore],
    ['ioc-extractor 8.2.0 ', theirsScore],
  ] as const)
    console.log(
      `  ${name}  precision ${fmt(s.precision * 100)}%  recall ${fmt(s.recall * 100)}%  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    );
  const better = oursScore.precision >= theirsScore.precision && oursScore.recall >= theirsScore.recall;
  console.log(`  equal or better on both (target) ${better ? '✔' : '✘'}`);
}

// ── 3. DOM: 50,000 rows in headless Chromium
const browser = await launchChromium();
if (!browser) process.exit(0);
const bundle = await build({
  entryPoints: [join(root, 'packages/sdk/src/detect/index.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'PkDetect',
  platform: 'browser',
  target: 'es2022',
  conditions: ['source'],
  // DETECT_PROFILE=1 keeps function names for the CPU profile summary.
  minify: !process.env.DETECT_PROFILE,
  write: false,
  logLevel: 'error',
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  // The page builds the table and defines one function per measure; each returns its wall time in ms.
  await page.evaluate(`(() => {
    const ROWS = 50000;
    let seed = 7;
    const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    const int = (n) => Math.floor(r() * n);
    const word = () => { let w = ''; for (let i = 5 + int(6); i > 0; i--) w += 'abcdefghijklmnopqrstuvwxyz'[int(26)]; return w; };
    const tbody = document.createElement('tbody');
    const parts = [];
    for (let i = 0; i < ROWS; i++) {
      const ip = (1 + int(223)) + '.' + int(256) + '.' + int(256) + '.' + (1 + int(254));
      const host = word() + '-' + int(999) + '.' + ['com', 'net', 'org', 'io'][int(4)];
      const msg = i % 10 === 0 ? 'beacon hxxps://' + host.replace('.', '[.]') + '/gate?id=' + i : 'user ' + word() + ' logged in from ' + ip;
      const hash = i % 5 === 0 ? [...Array(64)].map(() => '0123456789abcdef'[int(16)]).join('') : 'n/a';
      parts.push('<tr><td>2026-11-22T08:' + String(int(60)).padStart(2, '0') + ':00Z</td><td>' + ip + '</td><td>' + host +
        '</td><td>' + msg + '</td><td><code>' + hash + '</code></td></tr>');
    }
    tbody.innerHTML = parts.join('');
    const table = document.createElement('table');
    table.append(tbody);
    document.body.append(table);
    const B = (window.__pk = { rows: ROWS, entries: [], windows: [], longestSlice: 0, slices: 0, scans: 0 });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.entries.push(e); }).observe({ type: 'longtask' });
    // The bare walk (see bench/detect/README.md): a SHOW_TEXT TreeWalker over the same text nodes scanDom reads
    // (this table has nothing to skip), reading each node's data, in the tightest loop (nextNode()'s result, not
    // the currentNode getter).
    B.walk = () => {
      const t = performance.now();
      const w = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      let n = 0, chars = 0;
      for (let node = w.nextNode(); node; node = w.nextNode()) { n++; chars += node.data.length; }
      B.textNodes = n; B.chars = chars;
      return performance.now() - t;
    };
    // The same with elements shown too, as scanDom must (skip rules, block boundaries, shadow roots).
    B.walkElements = () => {
      const t = performance.now();
      const w = document.createTreeWalker(table, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let node = w.nextNode(); node; node = w.nextNode()) if (node.nodeType === 3) chars += node.data.length;
      return performance.now() - t;
    };
    const texts = [];
    { const w = document.createTreeWalker(table, NodeFilter.SHOW_TEXT); while (w.nextNode()) texts.push(w.currentNode.data); }
    const allText = texts.join('\\n');
    B.detect = () => {
      const t = performance.now();
      PkDetect.detectObservables(allText);
      return performance.now() - t;
    };
    B.scan = async () => {
      B.scanned = 0;
      const t = performance.now();
      const found = await PkDetect.scanDom(table, { onChunk: (p) => {
        B.longestSlice = Math.max(B.longestSlice, p.elapsedMs);
        B.slices++;
        B.scanned += p.textNodes;
      } });
      const ms = performance.now() - t;
      B.windows.push([t, t + ms]);
      B.matches = found.length;
      B.scans++;
      return ms;
    };
    // The floor: the least any scan that reads the text must do, with detection taken out. It walks the same text
    // nodes, reads every character once (a table lookup each) and makes one plain object per match, with its value
    // sliced from the node's data, at positions a scan found beforehand (prepareFloor, not timed).
    const CLS = new Uint8Array(128);
    for (let c = 33; c < 127; c++) CLS[c] = 1;
    let floorAt = [];
    B.prepareFloor = async () => {
      const index = new Map();
      const w = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = w.nextNode(); node; node = w.nextNode()) index.set(node, index.size);
      floorAt = [];
      for (const m of await PkDetect.scanDom(table)) {
        const i = index.get(m.startNode);
        (floorAt[i] ??= []).push(m.startOffset, m.startNode === m.endNode ? m.endOffset : m.startNode.data.length, m.type);
      }
    };
    B.floorObjects = () => {
      const t = performance.now();
      const w = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      const out = [];
      let i = 0;
      for (let node = w.nextNode(); node; node = w.nextNode(), i++) {
        const d = node.data;
        const at = floorAt[i];
        if (at) for (let j = 0; j < at.length; j += 3) out.push({ type: at[j + 2], value: d.slice(at[j], at[j + 1]), node, start: at[j], end: at[j + 1] });
      }
      B.floorMatches = out.length;
      return performance.now() - t;
    };
    B.floor = () => {
      const t = performance.now();
      const w = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      const out = [];
      let i = 0, sum = 0;
      for (let node = w.nextNode(); node; node = w.nextNode(), i++) {
        const d = node.data;
        for (let k = 0; k < d.length; k++) { const c = d.charCodeAt(k); sum += c < 128 ? CLS[c] : 1; }
        const at = floorAt[i];
        if (at) for (let j = 0; j < at.length; j += 3) out.push({ type: at[j + 2], value: d.slice(at[j], at[j + 1]), node, start: at[j], end: at[j + 1] });
      }
      B.floorMatches = out.length;
      B.floorSum = sum;
      return performance.now() - t;
    };
    B.settle = () => new Promise((res) => setTimeout(res, 20));
  })()`);
  // Each measure is timed twice: wall time in the page, and the main thread's CPU time (CDP ThreadTime). On a
  // shared machine the CPU time is the steadier: it leaves out the time the thread waited for a core.
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () =>
    ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find(
      (m) => m.name === 'ThreadTime',
    )!.value * 1000;
  const RUNS = 7;
  await page.evaluate('__pk.prepareFloor()');
  const measures = ['walk', 'walkElements', 'floorObjects', 'floor', 'detect', 'scan'] as const;
  type Measure = (typeof measures)[number];
  const wall = Object.fromEntries(measures.map((m) => [m, [] as number[]])) as Record<Measure, number[]>;
  const cpu = Object.fromEntries(measures.map((m) => [m, [] as number[]])) as Record<Measure, number[]>;
  for (let k = 0; k < RUNS; k++)
    for (const m of measures) {
      await page.evaluate('__pk.settle()');
      const c = await threadTime();
      wall[m].push((await page.evaluate(`__pk.${m}()`)) as number);
      cpu[m].push((await threadTime()) - c);
    }
  await page.evaluate('new Promise((res) => setTimeout(res, 100))');
  interface DomResult {
    rows: number;
    textNodes: number;
    scanned: number;
    chars: number;
    matches: number;
    floorMatches: number;
    longestSlice: number;
    longTasks: number[];
    slices: number;
  }
  const result = (await page.evaluate(`(() => {
    const B = __pk;
    // Long tasks (> 50 ms) that started while a scan was running.
    const longTasks = B.entries.filter((e) => B.windows.some(([a, b]) => e.startTime >= a - 1 && e.startTime < b)).map((e) => e.duration);
    return { rows: B.rows, textNodes: B.textNodes, scanned: B.scanned, chars: B.chars, matches: B.matches, floorMatches: B.floorMatches,
      longestSlice: B.longestSlice, longTasks, slices: B.slices / B.scans };
  })()`)) as DomResult;
  // Each run's scan is set against the walk of the same run, and the median of those ratios is the result
  // (steadier than a ratio of medians when the load changes during the bench).
  const ratio = (t: Record<string, number[]>, a: string, b: string) => median(t[a]!.map((x, i) => x / t[b]![i]!));
  console.log(
    `\nDOM: ${result.rows.toLocaleString('en')} rows, ${result.textNodes.toLocaleString('en')} text nodes, ${(result.chars / 1e6).toFixed(1)} M chars, Chromium headless, median of ${RUNS} (wall ms / main-thread CPU ms):`,
  );
  if (result.scanned !== result.textNodes)
    console.log(`  ✘ scanDom read ${result.scanned} text nodes, the bare walk ${result.textNodes}: not the same nodes`);
  const row = (label: string, m: Measure, extra = '') =>
    console.log(
      `  ${label.padEnd(66)} ${fmt(median(wall[m])).padStart(6)} / ${fmt(median(cpu[m])).padStart(6)} ms  ${m === 'walk' ? '' : `(${fmt(ratio(wall, m, 'walk'), 2)}× / ${fmt(ratio(cpu, m, 'walk'), 2)}× the walk)`}${extra}`,
    );
  row("bare TreeWalker pass, SHOW_TEXT, reading each node's data", 'walk');
  row('bare TreeWalker pass, SHOW_ELEMENT | SHOW_TEXT, reading text data', 'walkElements');
  row('floor, part: the walk and one object per match (given positions)', 'floorObjects');
  row('floor: the same, and every character read once', 'floor', `  ${result.floorMatches} objects`);
  row('detection alone (detectObservables over the same text, joined)', 'detect');
  row('scanDom (walk, skip rules, detection, matches, yields)', 'scan', `  ${result.matches} matches`);
  const domRatio = ratio(cpu, 'scan', 'walk');
  console.log(
    `  ratio: ${fmt(domRatio, 2)}× the bare SHOW_TEXT walk by CPU time, ${fmt(ratio(wall, 'scan', 'walk'), 2)}× by wall time  (target ≤ 2×) ${domRatio <= 2 ? '✔' : '✘'}`,
  );
  const longest = Math.max(result.longestSlice, ...result.longTasks);
  console.log(
    `  ${fmt(result.slices)} slices per scan; longest slice ${fmt(result.longestSlice)} ms; long tasks (> 50 ms, GC included) during the scans: ${result.longTasks.length ? result.longTasks.map((d) => `${fmt(d, 0)} ms`).join(', ') : 'none'}`,
  );
  console.log(`  longest task: ${fmt(longest)} ms  (target < 50 ms) ${longest < 50 ? '✔' : '✘'}`);
  if (process.env.DETECT_PROFILE) {
    // Chromium CPU profiles of one more scan and of detection alone: self time per function, the top 25.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    for (const [what, expr] of [
      ['scanDom', '__pk.scan()'],
      ['detectObservables alone', '__pk.detect()'],
    ] as const) {
      await page.evaluate('__pk.settle()');
      await cdp.send('Profiler.start');
      await page.evaluate(expr);
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: {
          nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
          samples: number[];
          timeDeltas: number[];
        };
      };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      let total = 0;
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anonymous)'}:${f.lineNumber}`;
        const dt = profile.timeDeltas[i]! / 1000;
        total += dt;
        self.set(key, (self.get(key) ?? 0) + dt);
      });
      console.log(`\n  CPU profile of ${what} (${fmt(total)} ms sampled, idle included), self time:`);
      for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 25))
        console.log(`    ${fmt(v).padStart(7)} ms  ${k}`);
    }
  }
} finally {
  await browser.close();
}
