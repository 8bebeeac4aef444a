// Storybook for Civic Elements: one stories file per widget in the top-level stories/ folder.
// Builds offline (telemetry off) and resolves @civic-elements/* to their TypeScript sources through
// the "civic-source" export condition, so no package build is needed first.
import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const require = createRequire(import.meta.url);

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  // msw's service worker must sit at the root of the preview (its scope has to cover iframe.html).
  // Served straight from node_modules: a copy in the repository would go stale on an msw update.
  staticDirs: [{ from: require.resolve('msw/mockServiceWorker.js'), to: '/mockServiceWorker.js' }],
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      resolve: {
        ...viteConfig.resolve,
        conditions: ['civic-source', ...defaultClientConditions],
      },
      // The preview bundles Storybook's runtime and msw (~1.3 MB); the library's own size budgets are
      // checked on the CDN build, so the generic chunk-size warning is only noise here.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2048 },
    };
  },
};

export default config;
