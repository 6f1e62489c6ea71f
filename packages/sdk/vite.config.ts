import { defineConfig } from 'vite';

// Library build: one ESM file per source module (as tsc lays out the .d.ts files beside them), so an application's
// bundler drops whole modules it does not use (the package has `sideEffects: false`): a page that imports
// `createClient` gets neither the schemas it loads on its first call nor those only servers use. Dependencies stay
// external so an application bundles (and dedupes) them once.
export default defineConfig({
  resolve: { conditions: ['source'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    lib: {
      entry: { index: 'src/index.ts', 'detect/index': 'src/detect/index.ts', 'schemas/index': 'src/schemas/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^ky/, /^zod/, /^idb-keyval/],
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
});
