import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Inside the Pivotkit repository the packages resolve to their TypeScript sources; installed from the
// registry they resolve to their built files, as in any application.
const inRepo = existsSync(fileURLToPath(new URL('../../packages/elements/src/index.ts', import.meta.url)));

export default defineConfig({
  resolve: inRepo ? { conditions: ['source', 'browser', 'module', 'import', 'default'] } : {},
  // React's automatic JSX runtime, with no React plugin (no Fast Refresh needed here).
  oxc: { jsx: { runtime: 'automatic' } },
});
