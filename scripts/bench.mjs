#!/usr/bin/env node
// pnpm bench — runs every benchmark under bench/ (bench/<name>/run.mjs or bench/<name>.bench.ts) one after another.
// Benchmarks print their numbers and the targets they are checked against; they are not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const entries = readdirSync(join(root, 'bench'), { withFileTypes: true })
  .flatMap((e) => {
    if (e.isDirectory()) {
      for (const f of ['run.ts', 'run.mjs'])
        if (existsSync(join(root, 'bench', e.name, f))) return [[e.name, join('bench', e.name, f)]];
      return [];
    }
    return e.name.endsWith('.bench.ts') ? [[e.name.replace('.bench.ts', ''), join('bench', e.name)]] : [];
  })
  .filter(([name]) => !only || name === only);

let failed = 0;
for (const [name, file] of entries) {
  console.log(`\n━━ bench ${name}`);
  const res = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', file], {
    cwd: root,
    stdio: 'inherit',
  });
  if (res.status !== 0) failed++;
}
if (entries.length === 0) console.log('no benchmarks found');
process.exit(failed ? 1 : 0);
