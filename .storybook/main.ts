// Storybook for Civic Elements: one stories file per widget in the top-level stories/ folder.
// Builds offline (telemetry off) and resolves @civic-elements/* to their TypeScript sources through
// the "civic-source" export condition, so no package build is needed first.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_MODULE = 'virtual:civic-elements-manifest';

/**
 * `import manifest from 'virtual:civic-elements-manifest'`: the custom elements manifest of every
 * tag (attributes, properties, events, slots, parts, CSS custom properties), generated from the
 * sources by the same analyzer and config as `npm run build` (custom-elements-manifest.config.mjs),
 * into a private temporary folder (node_modules/.cache/civic-cem-*, removed again) — so Storybook
 * needs no build first and never races a build for packages/civic-elements/custom-elements.json. Only the custom element declarations are kept
 * (~80 kB instead of ~560 kB). Feeds `setCustomElementsManifest` (controls) and stories/docs/.
 */
async function generateManifest(): Promise<string> {
  // The analyzer resolves --outdir against the working directory: a private folder below it.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'civic-cem-'));
  try {
    const cli = join(ROOT, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    const args = ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(ROOT, outdir)];
    await promisify(execFile)(process.execPath, [cli, ...args], { cwd: ROOT });
    const full = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as {
      schemaVersion: string;
      modules: { kind: string; path: string; declarations?: { customElement?: boolean; tagName?: string }[] }[];
    };
    const modules = full.modules
      .map((m) => ({ ...m, declarations: (m.declarations ?? []).filter((d) => d.customElement && d.tagName), exports: [] }))
      .filter((m) => m.declarations.length > 0);
    return `export default ${JSON.stringify({ schemaVersion: full.schemaVersion, modules })};\n`;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function customElementsManifest(): Plugin {
  let code: Promise<string> | undefined;
  return {
    name: 'civic-elements-manifest',
    buildStart() {
      // Start at once (about 2 s), in parallel with the rest of the build.
      code ??= generateManifest();
    },
    resolveId: (id) => (id === MANIFEST_MODULE ? `\0${MANIFEST_MODULE}` : null),
    load(id) {
      if (id !== `\0${MANIFEST_MODULE}`) return null;
      code ??= generateManifest();
      return code;
    },
  };
}

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
      plugins: [...(viteConfig.plugins ?? []), customElementsManifest()],
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
