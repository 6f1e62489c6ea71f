// The Vite configuration the React examples share (plain JavaScript: Vite loads it from their vite.config.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Inside the Pivotkit repository the packages resolve to their TypeScript sources; installed from the
// registry they resolve to their built files, as in any application.
const inRepo = existsSync(fileURLToPath(new URL('../../packages/elements/src/index.ts', import.meta.url)));

/** Vite's options for a React example: React's automatic JSX runtime, and React (CommonJS) pre-bundled. */
export function reactExampleConfig() {
  return {
    resolve: inRepo ? { conditions: ['source', 'browser', 'module', 'import', 'default'] } : {},
    // Only React is pre-bundled, named up front; the rest is ES modules, served as it is. With discovery on, a
    // dependency first met after start-up makes Vite re-bundle and reload the page under the user's hands.
    optimizeDeps: {
      noDiscovery: true,
      include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'],
    },
    // React's automatic JSX runtime, with no React plugin (no Fast Refresh needed here).
    oxc: { jsx: { runtime: 'automatic' } },
  };
}
