// pnpm bench emulator — the emulator over loopback HTTP with a SQLite file (WAL, synchronous=FULL):
// token, deliberate of 50 observables, casebook create (one fsync each), an observables patch, and a search
// over 2,000 casebooks. Targets (printed, not asserted): median token ≤ 10 ms (an ES256 signature), deliberate ≤ 25 ms,
// create ≤ 20 ms, patch ≤ 20 ms, search ≤ 60 ms. Then inspect (in process, no HTTP) on 1 MB of hostile and of
// ordinary text, and on 256 kB of the same, to show it scales linearly: each 1 MB run ≤ 500 ms, and 4× the text
// costs at most 6× the time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from '../../packages/server/src/emulator/inspect.js';
import { startEmulatorServer } from '../../packages/server/src/node.js';

const dir = mkdtempSync(join(tmpdir(), 'pivotkit-bench-'));
const server = await startEmulatorServer({ port: 0, host: '127.0.0.1', data: join(dir, 'bench.db') });
const basic = `Basic ${btoa('demo-client:demo-secret')}`;

async function token(): Promise<string> {
  const res = await fetch(`${server.url}/iroh/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    all.push(performance.now() - t);
  }
  return all.sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
}

const report = (name: string, ms: number, target: number) =>
  console.log(
    `  ${name.padEnd(36)} ${ms.toFixed(2).padStart(8)} ms  (target ≤ ${target} ms) ${ms <= target ? '✔' : '✘'}`,
  );

try {
  const tok = await token();
  const auth = { Authorization: `Bearer ${tok}`, 'Content-Type': 'application/json' };
  const observables = Array.from({ length: 50 }, (_, i) => ({ type: 'domain', value: `bench-${i}.example.io` }));
  console.log('median over runs:');
  report('token', await time(50, token), 10);
  report(
    'deliberate, 50 observables',
    await time(50, () =>
      fetch(`${server.url}/iroh/iroh-enrich/deliberate/observables`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(observables),
      }).then((r) => r.arrayBuffer()),
    ),
    25,
  );
  let last = '';
  report(
    'casebook create (committed, fsynced)',
    await time(2000, (i) =>
      fetch(`${server.url}/ctia/casebook`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: `bench ${i}`, observables: [observables[i % 50]] }),
      })
        .then((r) => r.json())
        .then((b) => (last = (b as { id: string }).id.split('/').pop()!)),
    ),
    20,
  );
  report(
    'observables add (read-modify-write)',
    await time(200, (i) =>
      fetch(`${server.url}/ctia/casebook/${last}/observables`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ operation: 'add', observables: [{ type: 'ip', value: `192.0.2.${i % 250}` }] }),
      }).then((r) => r.arrayBuffer()),
    ),
    20,
  );
  report(
    'search "bench-7" over 2,000 casebooks',
    await time(30, () =>
      fetch(`${server.url}/ctia/casebook/search?query=bench-7&limit=20`, { headers: auth }).then((r) =>
        r.arrayBuffer(),
      ),
    ),
    60,
  );
  console.log('inspect (in process), median of 5:');
  const texts: [string, (n: number) => string][] = [
    ['dotted words', (n) => 'a.'.repeat(n / 2)],
    ['many domains', (n) => 'evil.example.com '.repeat(Math.floor(n / 17))],
    ['e-mail-like run', (n) => `${'a-'.repeat(n / 2)}@`],
    ['hex and colons', (n) => 'ab:'.repeat(Math.floor(n / 3))],
    [
      'prose with observables',
      (n) => 'see 198.51.100.7 and evil.example.net, mail a@b.example '.repeat(Math.floor(n / 58)),
    ],
  ];
  for (const [name, make] of texts) {
    const small = make(262_144);
    const big = make(1_048_576);
    inspect(small);
    const tSmall = await time(5, async () => inspect(small));
    const tBig = await time(5, async () => inspect(big));
    report(`inspect 1 MB ${name}`, tBig, 500);
    console.log(
      `    256 kB ${tSmall.toFixed(1)} ms → 1 MB ${tBig.toFixed(1)} ms: ×${(tBig / tSmall).toFixed(1)} for ×4 (≤ 6)`,
    );
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
