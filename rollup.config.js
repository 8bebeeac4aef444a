// JavaScript builds (`rollup -c rollup.config.js`; scripts/build.mjs — the full build — adds the
// declarations and the custom elements manifest). Packages are discovered, not listed: see
// scripts/build-packages.mjs. Four kinds of output:
//
//   1. npm: packages/<pkg>/dist/**/*.js for every package with "civic": {"kind": …}, one file per
//      source module (so `sideEffects` and tree-shaking work), every package import external
//      (lit, @lit/*, i18next, @civic-elements/*: one copy per page, chosen by the app's bundler).
//   2. CDN: packages/civic-elements/dist/cdn/ — `civic-elements.js` (stable name; the lazy loader),
//      `chunks/shared-<hash>.js` (lit, @lit/context, @lit/task, i18next and what the loader needs
//      from core, once for every widget) and one chunk per widget, loaded the first time its tag
//      appears. Minified, ES2021, no eval, relative imports only: works from any origin under
//      `script-src 'self'` (or the CDN's origin). `manifest.json` lists which files each tag needs.
//   3. packages/mock-api/dist/browser/demo-backend.js — a self-contained browser bundle of
//      src/demo-backend.ts (msw included) next to msw's mockServiceWorker.js, built only when that
//      source exists.
//   4. demo/assets/frameworks/dist/{react,vue}.js — the demo's React and Vue page scripts (below).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { build as esbuildBuild } from 'esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { cssTemplates } from './scripts/css-templates.mjs';
import {
  CDN_DIR,
  DEMO_BACKEND_OUT,
  DEMO_BACKEND_SRC,
  ROOT,
  UMBRELLA_DIR,
  allTags,
  browserPackages,
  checkPackages,
  discoverPackages,
  isBareSpecifier,
} from './scripts/build-packages.mjs';

const require = createRequire(import.meta.url);
const TSCONFIG = 'tsconfig.base.json';
const NPM_TARGET = 'es2021';
const CDN_TARGET = 'es2021';

const packages = discoverPackages();
const problems = checkPackages(packages);
if (problems.length) {
  throw new Error(
    `Package layout problems:\n  ${problems.join('\n  ')}\nFix package.json fields with: node scripts/build-packages.mjs --write`,
  );
}
const browser = browserPackages(packages);
const quiet = (warning, warn) => {
  // msw's own sources contain a harmless import cycle; everything else is worth seeing.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
};

/** Which modules of a workspace package have side effects: those its package.json lists. */
function sideEffectsOf(id) {
  for (const pkg of browser) {
    if (!id.startsWith(pkg.dir + '/')) continue;
    const rel = `./${relative(pkg.dir, id)}`;
    const list = pkg.json.sideEffects;
    return Array.isArray(list) ? list.includes(rel) : list !== false;
  }
  return null;
}

/**
 * Resolves `@civic-elements/*` and `civic-elements` imports to the TypeScript sources (the
 * "civic-source" target of the package's exports) and applies the packages' `sideEffects` lists to
 * their modules, as an app's bundler would with the published packages.
 */
function workspaceSources() {
  const byName = new Map(packages.map((p) => [p.name, p]));
  return {
    name: 'civic-workspace-sources',
    async resolveId(source, importer, options) {
      const match = /^(@civic-elements\/[^/]+|civic-elements)(\/.+)?$/.exec(source);
      if (match) {
        const pkg = byName.get(match[1]);
        const subpath = match[2] ? `.${match[2]}` : '.';
        const target = pkg?.json.exports?.[subpath];
        const dev = typeof target === 'string' ? target : target?.['civic-source'] ?? target?.default;
        if (!pkg || typeof dev !== 'string') this.error(`Cannot resolve ${source}: no such export`);
        const id = join(pkg.dir, dev);
        return { id, moduleSideEffects: sideEffectsOf(id) ?? true };
      }
      if (importer && source.startsWith('.')) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved && !resolved.external) {
          const sideEffects = sideEffectsOf(resolved.id);
          if (sideEffects !== null) return { ...resolved, moduleSideEffects: sideEffects };
        }
        return resolved;
      }
      return null;
    },
  };
}

/** Emits stylesheets a package declares in civic.css from a module's exported CSSResult. */
function cssFromModules(pkg) {
  return {
    name: 'civic-css-from-modules',
    async generateBundle() {
      for (const { fileName, module, exportName } of pkg.css) {
        const built = await esbuildBuild({
          entryPoints: [join(pkg.dir, module)],
          bundle: true,
          format: 'esm',
          platform: 'node',
          write: false,
          logLevel: 'silent',
          tsconfig: join(ROOT, TSCONFIG),
        });
        const code = built.outputFiles[0].text;
        const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
        const cssText = mod[exportName]?.cssText;
        if (typeof cssText !== 'string') this.error(`${pkg.name}: ${module} has no CSSResult export "${exportName}"`);
        this.emitFile({
          type: 'asset',
          fileName,
          source: `/* ${pkg.name}/${fileName} — generated from ${module} (${exportName}); do not edit. */\n${cssText.trim()}\n`,
        });
      }
    },
  };
}

function npmConfig(pkg) {
  const src = join(pkg.dir, 'src');
  return {
    input: pkg.entries.map((e) => join(pkg.dir, e.src)),
    external: isBareSpecifier,
    onwarn: quiet,
    plugins: [esbuild({ tsconfig: TSCONFIG, target: NPM_TARGET }), cssFromModules(pkg)],
    output: {
      dir: join(pkg.dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: src,
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  };
}

const VENDOR = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+|i18next)[\\/]/;

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(bundle, fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const imported of bundle[fileName]?.imports ?? []) staticClosure(bundle, imported, seen);
  return seen;
}

/**
 * CDN chunking. One eager `shared` chunk holds lit, @lit/*, i18next, every module the loader needs
 * at once, and the library code (core) that every lazily loaded tag uses. The rest — each widget,
 * and library code only some widgets use — is split by rollup, so a page loads only what its tags
 * need. Which library code every tag uses follows from a first, unminified pass (what rollup
 * actually keeps after tree-shaking, through core's re-exporting index), not from import lists.
 */
const CDN_ENTRY = join(UMBRELLA_DIR, 'src', 'loader.ts');
const tags = allTags(packages);
const libraryDirs = browser.filter((p) => p.kind === 'library').map((p) => `${p.dir}/`);
const isLibrary = (id) => libraryDirs.some((dir) => id.startsWith(dir));

function cdnInputOptions(manualChunks, extraPlugins = [], minify = false) {
  return {
    input: { 'civic-elements': CDN_ENTRY },
    onwarn: quiet,
    plugins: [
      workspaceSources(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      // esbuild minifies the code but not the CSS inside lit's css`…` templates; this does.
      ...(minify ? [cssTemplates({ include: (id) => packages.some((p) => id.startsWith(`${p.dir}/src/`)) })] : []),
      esbuild({ tsconfig: TSCONFIG, target: CDN_TARGET, minify, legalComments: 'eof' }),
      ...extraPlugins,
    ],
    output: {
      dir: CDN_DIR,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
      sourcemap: true,
      // After esbuild's minification, terser's second look (two compress passes, ES modules) saves
      // about 1.3 kB gz on a German page with every widget, most of it in lit and i18next. Licence
      // comments (`/*!`, `@license`) stay.
      plugins: minify ? [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: 'some' } })] : [],
    },
  };
}

/** Chunks by the rule above, given the library modules every lazy tag uses. */
function manualChunksWith(common) {
  let eager;
  return (id, { getModuleInfo }) => {
    if (!eager) {
      eager = new Set();
      const visit = (moduleId) => {
        if (eager.has(moduleId)) return;
        eager.add(moduleId);
        for (const imported of getModuleInfo(moduleId)?.importedIds ?? []) visit(imported);
      };
      visit(CDN_ENTRY);
    }
    if (id === CDN_ENTRY) return undefined;
    if (VENDOR.test(id) || eager.has(id) || common.has(id)) return 'shared';
    return undefined;
  };
}

/** For each tag: the chunk that registers it and the further files it needs beyond `eager`. */
function tagFiles(context, bundle, eagerFiles) {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byTag = {};
  for (const { tag, src, pkg } of tags) {
    const moduleId = join(pkg.dir, src);
    const chunk = chunks.find((c) => c.moduleIds.includes(moduleId));
    if (!chunk) context.error(`<${tag}> (${pkg.name}/${src}) is not in the CDN build: add it to the registry`);
    byTag[tag] = [...staticClosure(bundle, chunk.fileName)].filter((f) => !eagerFiles.includes(f));
  }
  return byTag;
}

/** First pass: the library modules that every lazily loaded tag's files contain. */
async function libraryModulesEveryTagUses() {
  const { rollup } = await import('rollup');
  let common = new Set();
  const probe = {
    name: 'civic-cdn-probe',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      const eagerFiles = [...staticClosure(bundle, entry.fileName)];
      const used = Object.values(tagFiles(this, bundle, eagerFiles))
        .filter((files) => files.length > 0)
        .map((files) => new Set(files.flatMap((f) => Object.entries(bundle[f].modules))
          .filter(([id, info]) => isLibrary(id) && info.renderedLength > 0)
          .map(([id]) => id)));
      common = new Set([...(used[0] ?? [])].filter((id) => used.every((set) => set.has(id))));
    },
  };
  const options = cdnInputOptions(manualChunksWith(new Set()), [probe]);
  const bundle = await rollup(options);
  await bundle.generate({ ...options.output, sourcemap: false });
  await bundle.close();
  return common;
}

/**
 * A stable, unique name for a CDN chunk in reports and the size budget: the module it stands for
 * (`status-tracker/locales/tr`, `core/controllers/announcer`), or rollup's name for mixed chunks.
 */
function chunkLabel(chunk) {
  const facade = chunk.facadeModuleId?.replace(/\\/g, '/').match(/\/packages\/([^/]+)\/src\/(.+)\.ts$/);
  return facade ? `${facade[1]}/${facade[2]}` : chunk.name;
}

async function cdnConfig() {
  const common = await libraryModulesEveryTagUses();
  const manifest = {
    name: 'civic-cdn-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      const eagerFiles = [...staticClosure(bundle, entry.fileName)];
      const content = {
        entry: entry.fileName,
        eager: eagerFiles,
        tags: tagFiles(this, bundle, eagerFiles),
        chunks: Object.fromEntries(chunks.map((c) => [c.fileName, chunkLabel(c)])),
      };
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(content, null, 2)}\n` });
    },
  };
  return cdnInputOptions(manualChunksWith(common), [manifest], true);
}

function demoBackendConfig() {
  return {
    input: DEMO_BACKEND_SRC,
    onwarn: quiet,
    plugins: [
      workspaceSources(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild({
        tsconfig: TSCONFIG,
        target: CDN_TARGET,
        minify: true,
        legalComments: 'eof',
        // e.g. the contract's seed data
        loaders: { '.json': 'json' },
      }),
      {
        name: 'civic-copy-msw-worker',
        writeBundle() {
          mkdirSync(DEMO_BACKEND_OUT, { recursive: true });
          copyFileSync(require.resolve('msw/mockServiceWorker.js'), join(DEMO_BACKEND_OUT, 'mockServiceWorker.js'));
        },
      },
    ],
    output: {
      file: join(DEMO_BACKEND_OUT, 'demo-backend.js'),
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: true,
    },
  };
}

/**
 * 4. demo/assets/frameworks/dist/{react,vue}.js — the page scripts of the demo's React and Vue
 * pages (/einbetten/react/, /einbetten/vue/; sources demo/einbetten/{react,vue}/app.js). They bundle the
 * framework only: the widgets come from the CDN build's script tag on the page. React ships
 * CommonJS only and no CommonJS plugin is installed, so esbuild (already a build dependency)
 * turns react + react-dom/client into one ES module (one React copy), which rollup then bundles.
 */
const FRAMEWORK_PAGES = {
  react: join(ROOT, 'demo', 'einbetten', 'react', 'app.js'),
  vue: join(ROOT, 'demo', 'einbetten', 'vue', 'app.js'),
};
const FRAMEWORK_OUT = join(ROOT, 'demo', 'assets', 'frameworks', 'dist');
const PRODUCTION_DEFINES = {
  'process.env.NODE_ENV': '"production"',
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

function reactAsEsModule() {
  const VENDOR = '\0civic-react-vendor';
  const facades = { react: 'react', 'react-dom/client': 'reactDomClient' };
  const identifier = /^[A-Za-z_$][\w$]*$/;
  return {
    name: 'civic-react-as-es-module',
    resolveId(source) {
      if (source === VENDOR) return VENDOR;
      if (Object.hasOwn(facades, source)) return `\0civic-cjs:${source}`;
      return null;
    },
    async load(id) {
      if (id === VENDOR) {
        const built = await esbuildBuild({
          stdin: {
            contents: "import * as react from 'react';\nimport * as reactDomClient from 'react-dom/client';\nexport { react, reactDomClient };\n",
            resolveDir: ROOT,
          },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: CDN_TARGET,
          define: PRODUCTION_DEFINES,
          minify: true,
          legalComments: 'eof',
          write: false,
          logLevel: 'silent',
        });
        return built.outputFiles[0].text;
      }
      const source = id.startsWith('\0civic-cjs:') ? id.slice('\0civic-cjs:'.length) : undefined;
      if (!source) return null;
      const names = Object.keys(require(source)).filter((name) => identifier.test(name) && name !== 'default');
      const binding = facades[source];
      return `import { ${binding} } from '${VENDOR}';\nexport default ${binding}.default ?? ${binding};\nexport const { ${names.join(', ')} } = ${binding};\n`;
    },
  };
}

function frameworkPagesConfig() {
  return {
    input: FRAMEWORK_PAGES,
    onwarn: quiet,
    plugins: [
      reactAsEsModule(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild({
        include: /\.m?js$/,
        exclude: [],
        target: CDN_TARGET,
        minify: true,
        legalComments: 'eof',
        define: PRODUCTION_DEFINES,
      }),
    ],
    output: {
      dir: FRAMEWORK_OUT,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  };
}

export default [
  ...browser.map(npmConfig),
  await cdnConfig(),
  ...(existsSync(DEMO_BACKEND_SRC) ? [demoBackendConfig()] : []),
  frameworkPagesConfig(),
];
