import { defineConfig } from 'vite';

// Library build: one ESM file per public entry point; dependencies stay external
// so an application bundles (and dedupes) them once.
export default defineConfig({
  resolve: { conditions: ['source'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    lib: {
      entry: { index: 'src/index.ts', 'detect/index': 'src/detect/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: { external: [/^ky/, /^zod/, /^idb-keyval/] },
  },
});
