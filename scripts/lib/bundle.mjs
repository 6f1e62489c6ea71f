// How `pnpm size` bundles an entry (esbuild: minified, browser, ESM, dependencies included, code splitting on) and
// which chunks a page loads from it. Shared by scripts/size.mjs and the tests that look at what a chunk holds.
import { build } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(root, '.size-out');

/** Bundles `entries` (paths from the repository root) as one page's module, in memory, with esbuild's metafile. */
export async function bundle(entries) {
  const result = await build({
    stdin: {
      contents: entries.map((e) => `export * from ${JSON.stringify(join(root, e))};`).join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    splitting: true,
    outdir: OUT,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: join(root, 'tsconfig.base.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const files = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  return { files, outputs: result.metafile.outputs };
}

/** The output chunk of the bundle's own entry (the page's module). */
export const mainChunk = (outputs) => Object.keys(outputs).find((o) => outputs[o].entryPoint === '<stdin>');

/** The chunks `from` loads: statically only, or following import() too. */
export function closure(outputs, from, { dynamic }) {
  const seen = new Set();
  const walk = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of outputs[path]?.imports ?? []) {
      if (i.external) continue;
      if (i.kind === 'import-statement' || (dynamic && i.kind === 'dynamic-import')) walk(i.path);
    }
  };
  walk(from);
  return seen;
}
