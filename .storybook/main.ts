import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Offline machines wait on telemetry for seconds; nobody here wants it anyway.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // Resolve workspace packages to their TypeScript sources, as the tests and the demo do.
    config.resolve = { ...config.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] };
    return config;
  },
};
export default config;
