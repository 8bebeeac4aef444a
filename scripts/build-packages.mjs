// Package discovery for the build, the size report and the custom elements manifest.
//
// A package takes part in the browser build when its package.json has
//   "civic": { "kind": "library" | "widget" | "umbrella" }
// (optionally "css": { "<file>.css": "src/<module>.ts#<exported CSSResult>" } to emit a stylesheet).
// Its entries follow from its sources, so adding a widget package needs no build-config edit:
//   - "."            → src/index.ts
//   - "./<tag>.js"   → every module that registers a tag (calls `define('<tag>', …)` or
//                      `customElements.define('<tag>', …)`; tests, stories and src/testing/ excluded)
//   - umbrella only: "./loader.js" → src/loader.ts (the lazy loader, also the CDN entry)
// Registering modules — and the umbrella's entries, which import them — are the only modules
// listed in `sideEffects`; everything else may be tree-shaken.
//
// `node scripts/build-packages.mjs` checks that every package.json (exports, types, sideEffects,
// files, customElements) and the umbrella's registry/index match what the sources say, and
// `node scripts/build-packages.mjs --write` rewrites those package.json fields (and only those).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSER_KINDS = new Set(['library', 'widget', 'umbrella']);
export const UMBRELLA_DIR = join(ROOT, 'packages', 'civic-elements');
export const CDN_DIR = join(UMBRELLA_DIR, 'dist', 'cdn');
export const DEMO_BACKEND_SRC = join(ROOT, 'packages', 'mock-api', 'src', 'demo-backend.ts');
export const DEMO_BACKEND_OUT = join(ROOT, 'packages', 'mock-api', 'dist', 'browser');

/** Bare module specifiers (packages) — everything that is not a relative or absolute path. */
export function isBareSpecifier(id) {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[a-zA-Z]:[\\/]/.test(id);
}

const DEFINE_CALL = /(?:^|[^\w$])define\(\s*(['"])([a-z][a-z0-9._-]*-[a-z0-9._-]*)\1\s*,/gm;

/** Source files that end up in a published build (no tests, stories, test helpers, declarations). */
export function isShippedSource(rel) {
  const p = rel.split(sep).join('/');
  return (
    p.endsWith('.ts') &&
    !p.endsWith('.d.ts') &&
    !/\.(test|stories|spec)\.ts$/.test(p) &&
    !/\.node\.ts$/.test(p) &&
    !p.startsWith('testing/') &&
    !p.includes('/testing/')
  );
}

function walk(dir, base = dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else out.push(relative(base, full));
  }
  return out.sort();
}

/** The custom element tags a source text registers. */
export function definedTags(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...code.matchAll(DEFINE_CALL)].map((m) => m[2]);
}

const posix = (p) => p.split(sep).join('/');
const toDist = (srcRel, ext) => `./dist/${posix(srcRel).replace(/^src\//, '').replace(/\.ts$/, ext)}`;

/**
 * Every package under packages/ with its build description. Browser packages (see BROWSER_KINDS)
 * carry `entries` ({ subpath, src, sideEffects, tags }) and `registering` ({ tag, src }).
 */
export function discoverPackages(root = ROOT) {
  const packagesDir = join(root, 'packages');
  const result = [];
  for (const name of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, name);
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const kind = json.civic?.kind;
    const pkg = { dir, folder: name, file, name: json.name, json, kind, browser: BROWSER_KINDS.has(kind) };
    if (kind !== undefined && !BROWSER_KINDS.has(kind)) {
      throw new Error(`${file}: civic.kind must be one of ${[...BROWSER_KINDS].join(', ')}`);
    }
    result.push(pkg);
    if (!pkg.browser) continue;

    const srcDir = join(dir, 'src');
    const sources = walk(srcDir).filter(isShippedSource);
    const registering = [];
    const seen = new Map();
    for (const rel of sources) {
      const src = `src/${posix(rel)}`;
      for (const tag of definedTags(readFileSync(join(srcDir, rel), 'utf8'))) {
        if (seen.has(tag)) throw new Error(`<${tag}> is registered by both ${seen.get(tag)} and ${pkg.name}/${src}`);
        seen.set(tag, `${pkg.name}/${src}`);
        registering.push({ tag, src });
      }
    }

    const entries = [];
    if (existsSync(join(srcDir, 'index.ts'))) {
      entries.push({ subpath: '.', src: 'src/index.ts', sideEffects: kind === 'umbrella', tags: [] });
    } else {
      throw new Error(`${pkg.name}: a ${kind} package needs src/index.ts`);
    }
    if (kind === 'umbrella') {
      if (!existsSync(join(srcDir, 'loader.ts'))) throw new Error(`${pkg.name}: the umbrella needs src/loader.ts`);
      entries.push({ subpath: './loader.js', src: 'src/loader.ts', sideEffects: true, tags: [] });
    }
    for (const { tag, src } of registering) {
      entries.push({ subpath: `./${tag}.js`, src, sideEffects: true, tags: [tag] });
    }
    // Further public entries a package's owner declared in "exports" (e.g. "./antibot") are built
    // too: any export whose source-condition target is a shipped source module.
    for (const [subpath, target] of Object.entries(json.exports ?? {})) {
      if (entries.some((e) => e.subpath === subpath)) continue;
      const dev = typeof target === 'object' && target !== null ? target[SOURCE_CONDITION] : undefined;
      if (typeof dev !== 'string' || !dev.startsWith('./src/') || !isShippedSource(dev.slice('./src/'.length))) continue;
      if (!existsSync(join(dir, dev))) throw new Error(`${pkg.name}: exports["${subpath}"] points at missing ${dev}`);
      const src = dev.slice(2);
      if (entries.some((e) => e.src === src)) {
        throw new Error(`${pkg.name}: exports["${subpath}"] duplicates the entry for ${src}`);
      }
      entries.push({ subpath, src, sideEffects: false, tags: [] });
    }
    pkg.entries = entries;
    pkg.registering = registering;
    pkg.testing = existsSync(join(srcDir, 'testing', 'index.ts'));
    pkg.css = Object.entries(json.civic?.css ?? {}).map(([fileName, spec]) => {
      const [module, exportName = 'default'] = String(spec).split('#');
      return { fileName, module, exportName };
    });
  }
  return result;
}

export const browserPackages = (packages = discoverPackages()) => packages.filter((p) => p.browser);

/** Every tag registered by a library or widget package (the umbrella registers none itself). */
export function allTags(packages = discoverPackages()) {
  return browserPackages(packages).flatMap((p) =>
    p.registering.map((r) => ({ ...r, pkg: p, specifier: `${p.name}/${r.tag}.js` })),
  );
}

/** The package.json fields this build owns, as they must be. */
export function expectedFields(pkg) {
  if (pkg.browser) {
    const exports = {};
    for (const entry of pkg.entries) {
      exports[entry.subpath] = {
        [SOURCE_CONDITION]: `./${entry.src}`,
        types: toDist(entry.src, '.d.ts'),
        default: toDist(entry.src, '.js'),
      };
    }
    if (pkg.testing) exports['./testing'] = { [SOURCE_CONDITION]: './src/testing/index.ts' };
    for (const css of pkg.css) exports[`./${css.fileName}`] = `./dist/${css.fileName}`;
    // Anything else an owner exported (data files, …) stays as it is.
    for (const [subpath, target] of Object.entries(pkg.json.exports ?? {})) {
      if (!(subpath in exports) && !['./custom-elements.json', './cdn/*', './package.json'].includes(subpath)) {
        exports[subpath] = target;
      }
    }
    const files = ['dist', 'src', '!src/**/*.test.ts', '!src/**/*.stories.ts', '!src/testing'];
    const fields = {
      types: './dist/index.d.ts',
      exports,
      sideEffects: [
        ...pkg.entries.filter((e) => e.sideEffects).flatMap((e) => [`./${e.src}`, toDist(e.src, '.js')]),
        ...pkg.css.map((c) => `./dist/${c.fileName}`),
      ],
      files,
    };
    if (pkg.kind === 'umbrella') {
      exports['./custom-elements.json'] = './custom-elements.json';
      exports['./cdn/*'] = './dist/cdn/*';
      files.push('custom-elements.json');
      fields.customElements = 'custom-elements.json';
    }
    exports['./package.json'] = './package.json';
    return fields;
  }
  if (pkg.dir === dirname(dirname(DEMO_BACKEND_SRC)) && existsSync(DEMO_BACKEND_SRC)) {
    const exports = { ...pkg.json.exports };
    exports['./browser/demo-backend.js'] = './dist/browser/demo-backend.js';
    exports['./browser/mockServiceWorker.js'] = './dist/browser/mockServiceWorker.js';
    return { exports };
  }
  return {};
}

const TAG_IN_REGISTRY = (tag, specifier) =>
  new RegExp(`['"]${tag}['"]\\s*:\\s*\\(\\)\\s*=>\\s*import\\(\\s*['"]${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]\\s*\\)`);

/** Problems that keep the packages from building as described above. */
export function checkPackages(packages = discoverPackages()) {
  const problems = [];
  for (const pkg of packages) {
    for (const [field, value] of Object.entries(expectedFields(pkg))) {
      if (JSON.stringify(pkg.json[field]) !== JSON.stringify(value)) {
        problems.push(`${relative(ROOT, pkg.file)}: "${field}" is out of date`);
      }
    }
  }
  const umbrella = packages.find((p) => p.kind === 'umbrella');
  if (umbrella) {
    const registry = readFileSync(join(umbrella.dir, 'src', 'registry.ts'), 'utf8');
    const index = readFileSync(join(umbrella.dir, 'src', 'index.ts'), 'utf8');
    for (const { tag, specifier } of allTags(packages)) {
      if (!TAG_IN_REGISTRY(tag, specifier).test(registry)) {
        problems.push(`packages/civic-elements/src/registry.ts: add  '${tag}': () => import('${specifier}'),`);
      }
      if (!index.includes(`import '${specifier}';`)) {
        problems.push(`packages/civic-elements/src/index.ts: add  import '${specifier}';`);
      }
    }
  }
  return problems;
}

/**
 * The export condition that points at TypeScript sources: set by our tests, Storybook, type
 * checks and node scripts (`--conditions=civic-source`). Deliberately not "development", which
 * Vite and other tools turn on in a consumer's dev server.
 */
export const SOURCE_CONDITION = 'civic-source';

/** Rewrites the build-owned package.json fields; keeps every other field and the key order. */
export function writePackages(packages = discoverPackages()) {
  const changed = [];
  for (const pkg of packages) {
    const expected = expectedFields(pkg);
    const next = { ...pkg.json };
    let dirty = false;
    for (const [field, value] of Object.entries(expected)) {
      if (JSON.stringify(next[field]) !== JSON.stringify(value)) {
        next[field] = value;
        dirty = true;
      }
    }
    if (dirty) {
      writeFileSync(pkg.file, `${JSON.stringify(next, null, 2)}\n`);
      changed.push(relative(ROOT, pkg.file));
    }
  }
  return changed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    const changed = writePackages();
    console.log(changed.length ? `updated ${changed.join(', ')}` : 'package.json files are up to date');
  }
  const problems = checkPackages();
  if (problems.length) {
    console.error(`Package layout problems:\n  ${problems.join('\n  ')}`);
    console.error('Fix package.json fields with: node scripts/build-packages.mjs --write');
    process.exit(1);
  }
  if (!process.argv.includes('--write')) console.log('package.json files, registry and index are up to date');
}
