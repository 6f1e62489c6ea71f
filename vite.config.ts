import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The demo's dev server: the example reporting console (three pages) at http://localhost:5173, with the
// workspace packages resolved to their TypeScript sources. scripts/demo.mjs sets the port and the API's URL.
const page = (name: string) => fileURLToPath(new URL(`./examples/reporting-page/${name}.html`, import.meta.url));

export default defineConfig({
  root: 'examples/reporting-page',
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  // Every dependency here is ES modules already: serve them as they are. With discovery on, a dependency first
  // met after start-up makes Vite re-bundle and reload the page under the user's (or a test's) hands.
  optimizeDeps: { noDiscovery: true, include: [] },
  build: {
    outDir: '../../dist/reporting-page',
    emptyOutDir: true,
    rolldownOptions: { input: { index: page('index'), web: page('web'), message: page('message') } },
  },
});
