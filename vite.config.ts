import { defineConfig } from 'vite';

// The demo's dev server: the example reporting page at http://localhost:5173, with the workspace
// packages resolved to their TypeScript sources.
export default defineConfig({
  root: 'examples/reporting-page',
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  build: { outDir: '../../dist/reporting-page', emptyOutDir: true },
});
