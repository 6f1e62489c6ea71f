import type { StorybookConfig } from '@storybook/web-components-vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

// msw's service worker, served at the root of the preview (dev) and written beside iframe.html (build), so the
// emulator's msw handlers (@pivotkit/server/msw, started in preview.ts) answer API calls with no server running.
// A plugin instead of `staticDirs`: the worker sits in a folder of msw's other builds, which should not be copied.
function mswWorker(): Plugin {
  const file = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
  return {
    name: 'pk-msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(readFileSync(file, 'utf8'));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(file, 'utf8') });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Offline machines wait on telemetry for seconds; nobody here wants it anyway.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // Resolve workspace packages to their TypeScript sources, as the tests and the demo do.
    config.resolve = { ...config.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] };
    config.plugins = [...(config.plugins ?? []), mswWorker()];
    return config;
  },
};
export default config;
