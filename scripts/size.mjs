#!/usr/bin/env node
// pnpm size — bundles each entry of size.config.mjs with esbuild (minified, browser, ESM, dependencies
// included) and checks its gzip size against the budget. Exits 1 when any entry is over.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import budgets from '../size.config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let over = 0;
for (const { name, entry, limitKb } of budgets) {
  const entries = Array.isArray(entry) ? entry : [entry];
  const result = await build({
    stdin: {
      contents: entries.map((e) => `export * from ${JSON.stringify(join(root, e))};`).join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: join(root, 'tsconfig.base.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length / 1000;
  const ok = gz <= limitKb;
  if (!ok) over++;
  console.log(
    `${ok ? '✔' : '✘'} ${name}\n    ${gz.toFixed(1)} kB min+gzip (${(code.length / 1000).toFixed(1)} kB min) — budget ${limitKb} kB`,
  );
}
process.exit(over ? 1 : 0);
