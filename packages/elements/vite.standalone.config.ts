import { defineConfig, type Plugin } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/pivotkit.js: every element, the SDK and their dependencies (lit, floating-ui, zod, idb-keyval) in ONE
// ES module, for pages with no build step:
//   <script type="module">import { configure, createClient } from './pivotkit.js';</script>
// The entry is generated at build time from src/components/*/pk-*.ts, so a new element is in it with no edit,
// and lazily loaded parts (import()) are inlined too: one file, no chunks to host beside it.
const src = fileURLToPath(new URL('./src/', import.meta.url));
const ENTRY = 'pivotkit-standalone-entry';

function standaloneEntry(): Plugin {
  return {
    name: 'pk-standalone-entry',
    // Vite resolves lib.entry against the root first: match the id's end.
    resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : undefined),
    load(id) {
      if (id !== `\0${ENTRY}`) return undefined;
      const registrations = readdirSync(`${src}components`)
        .map((c) => `${src}components/${c}/pk-${c}.ts`)
        .filter((f) => existsSync(f))
        .map((f) => `import ${JSON.stringify(f)};`);
      return [
        ...registrations,
        `export * from ${JSON.stringify(`${src}index.ts`)};`,
        // The SDK too, so the page can create the client the elements share.
        `export * from '@pivotkit/sdk';`,
      ].join('\n');
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'pivotkit.d.ts',
        source: "export * from './index.js';\nexport * from '@pivotkit/sdk';\n",
      });
    },
  };
}

export default defineConfig({
  resolve: { conditions: ['source', 'browser'] },
  plugins: [standaloneEntry()],
  build: {
    target: 'es2022',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: ENTRY, formats: ['es'], fileName: () => 'pivotkit.js' },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
