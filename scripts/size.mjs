#!/usr/bin/env node
// `npm run size` (after `npm run build`): gzip -9 sizes of what users download, checked against
// size-budget.json.
//   npm <entry>          every npm entry, bundled and minified with @civic-elements/* included and
//                        lit, @lit/*, i18next external (what the entry adds to an app)
//   cdn <file>           every CDN file as served (already minified)
//   cdn page: <tag>      CDN files a page with only that tag loads before any interaction (loader +
//                        shared + its chunks + the chunks it fetches at its first state, e.g. the
//                        queue display's ticket form while tickets are online)
//   cdn whole suite      every CDN file, every language included (no page loads all of them)
//   cdn suite: German page, every widget
//                        the suite figure of issue 10: what one German page with every widget on it
//                        downloads before the citizen touches anything — loader + shared + every
//                        tag's chunks as above (German texts are inside the widget chunks; other
//                        languages are separate chunks it never loads). The `gates` step checks in
//                        a browser that such a page fetches exactly these files.
//   cdn suite: German page, every widget, every feature used
//                        the same plus every chunk loaded on first use (chat panel, offline form,
//                        attachments, proof of work, chime, the picker's later steps, …), still
//                        without other languages (scripts/gates/suite-size.mjs defines both)
// The composite kinds (pages, suites) have no stored ceiling: theirs is the sum of their files'
// ceilings, so adding a widget widens the suite by exactly the new files' budgets while every
// stored (per-file, per-entry) ceiling can only go down. After the table, the German every-widget
// figure is split by source module (lit, i18next, core, each widget; from the source maps) and
// compared with issue 10's target SUITE_TARGET (reported, not enforced).
// Each measurement needs a ceiling in size-budget.json; a measurement above its ceiling, or without
// one, fails. Goals in the same file are reported as distances (they do not fail the run).
//   node scripts/size.mjs            report and check
//   node scripts/size.mjs --init     first add missing ceilings (measured size + 10 %, rounded up);
//                                    existing ceilings are never raised
//   node scripts/size.mjs --tighten  also lower ceilings to measured size + 10 % where that is lower
// Writes .test-results/size.json: {passed, failed} = budget checks passed / failed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { CDN_DIR, ROOT, browserPackages } from './build-packages.mjs';
import { attribute, germanSuite, tagFiles } from './gates/suite-size.mjs';

const BUDGET_FILE = join(ROOT, 'size-budget.json');
const RESULTS_FILE = join(ROOT, '.test-results', 'size.json');
const VENDOR_EXTERNAL = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*', 'i18next'];
const MARGIN = 1.1;
const GERMAN_SUITE = 'cdn suite: German page, every widget';
/** Issue 10: "the whole CDN suite with all widgets ≤ 60 kB gz" (reported against GERMAN_SUITE). */
const SUITE_TARGET = 60_000;

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

function writeResults(passed, failed) {
  mkdirSync(join(ROOT, '.test-results'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ passed, failed })}\n`);
}

function fail(message) {
  console.error(message);
  writeResults(0, 1);
  process.exit(1);
}

/**
 * Min+gz size of one npm entry as an app's bundler would include it: the entry and what it imports
 * statically (code behind a dynamic import() — the loader's widgets — is not counted).
 */
async function measureNpmEntry(file) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    outdir: join(ROOT, 'node_modules', '.cache', 'civic-size'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    external: VENDOR_EXTERNAL,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const byPath = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  // With splitting, lazily loaded chunks carry an entryPoint too: take the output of this file.
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint && resolve(outputs[o].entryPoint) === resolve(file));
  if (!entry) fail(`esbuild produced no output for ${file}`);
  const files = new Set();
  const visit = (out) => {
    if (files.has(out)) return;
    files.add(out);
    for (const imported of outputs[out].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return [...files].reduce((total, out) => total + gz(byPath.get(join(ROOT, out))), 0);
}

export async function measure() {
  const measurements = [];
  for (const pkg of browserPackages()) {
    for (const entry of pkg.entries) {
      const file = join(pkg.dir, 'dist', entry.src.replace(/^src\//, '').replace(/\.ts$/, '.js'));
      if (!existsSync(file)) fail(`${file} is missing: run \`npm run build\` first.`);
      const name = `npm ${pkg.name}${entry.subpath === '.' ? '' : entry.subpath.slice(1)}`;
      measurements.push({ name, bytes: await measureNpmEntry(file) });
    }
  }

  const manifestFile = join(CDN_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) fail(`${manifestFile} is missing: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const fileSize = new Map();
  const labels = new Map();
  for (const [fileName, chunkName] of Object.entries(manifest.chunks)) {
    // Chunk names carry a content hash: normalise them, so a file's gzip size does not move by a
    // byte or two when only the hash of a chunk it imports changed.
    const text = readFileSync(join(CDN_DIR, fileName), 'utf8').replace(/(chunks\/[\w.-]+?)-[\w-]{8}\.js/g, '$1-00000000.js');
    const bytes = gz(Buffer.from(text));
    fileSize.set(fileName, bytes);
    let label = fileName === manifest.entry ? `cdn ${fileName}` : `cdn chunk ${chunkName}`;
    if ([...labels.values()].includes(label)) label = `cdn ${fileName.replace(/-[\w-]{8}\.js$/, '')}`;
    labels.set(fileName, label);
    measurements.push({ name: label, bytes, file: fileName });
  }
  const sum = (files) => [...new Set(files)].reduce((total, f) => total + fileSize.get(f), 0);
  for (const tag of Object.keys(manifest.tags)) {
    const all = [...manifest.eager, ...tagFiles(manifest, CDN_DIR, tag)];
    const parts = [...new Set(all)].map((f) => labels.get(f));
    measurements.push({ name: `cdn page: ${tag}`, bytes: sum(all), files: parts.map((l) => l.replace(/^cdn /, '')), composite: parts });
  }
  measurements.push({ name: 'cdn whole suite', bytes: sum([...fileSize.keys()]), files: [`${fileSize.size} files`], composite: [...labels.values()] });
  const suites = germanSuite(manifest, CDN_DIR);
  for (const [name, files] of [
    [GERMAN_SUITE, suites.atLoad],
    [`${GERMAN_SUITE}, every feature used`, suites.everyFeature],
  ]) {
    measurements.push({ name, bytes: sum(files), files: [`${files.length} files`], composite: files.map((f) => labels.get(f)), suiteFiles: files });
  }
  return measurements;
}

function goalApplies(goal, name) {
  return goal.applies.endsWith('*') ? name.startsWith(goal.applies.slice(0, -1)) : name === goal.applies;
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
  budget.ceilings ??= {};
  const measurements = await measure();

  if (args.has('--init') || args.has('--tighten')) {
    const changes = [];
    for (const m of measurements) {
      if (m.composite) continue;
      const proposed = Math.ceil(m.bytes * MARGIN);
      const current = budget.ceilings[m.name];
      if (current === undefined) {
        budget.ceilings[m.name] = proposed;
        changes.push(`added   ${m.name}: ${proposed}`);
      } else if (args.has('--tighten') && proposed < current) {
        budget.ceilings[m.name] = proposed;
        changes.push(`lowered ${m.name}: ${current} → ${proposed}`);
      }
    }
    budget.ceilings = Object.fromEntries(Object.entries(budget.ceilings).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(BUDGET_FILE, `${JSON.stringify(budget, null, 2)}\n`);
    console.log(changes.length ? `size-budget.json:\n  ${changes.join('\n  ')}` : 'size-budget.json: no changes');
  }

  let passed = 0;
  let failed = 0;
  const width = Math.max(...measurements.map((m) => m.name.length));
  console.log(`${'measurement (gzip -9)'.padEnd(width)}  ${'size'.padStart(10)}  ${'ceiling'.padStart(10)}  result`);
  const ceilingOf = (m) => {
    if (!m.composite) return budget.ceilings[m.name];
    const parts = m.composite.map((label) => budget.ceilings[label]);
    return parts.includes(undefined) ? undefined : parts.reduce((a, b) => a + b, 0);
  };
  for (const m of measurements) {
    const ceiling = ceilingOf(m);
    let result;
    if (ceiling === undefined) {
      failed++;
      result = 'FAIL no ceiling (add with: npm run size -- --init)';
    } else if (m.bytes > ceiling) {
      failed++;
      result = `FAIL ${m.bytes - ceiling} B over`;
    } else {
      passed++;
      result = `ok   ${ceiling - m.bytes} B headroom`;
    }
    const parts = m.files ? `  (${m.files.join(' + ')})` : '';
    console.log(`${m.name.padEnd(width)}  ${kB(m.bytes).padStart(10)}  ${(ceiling === undefined ? '—' : kB(ceiling)).padStart(10)}  ${result}${parts}`);
  }
  const unused = Object.keys(budget.ceilings).filter((name) => !measurements.some((m) => m.name === name && !m.composite));
  if (unused.length) console.log(`\nCeilings without a measurement (remove them when the entry is gone for good):\n  ${unused.join('\n  ')}`);

  console.log('\nGoals (reported, not enforced):');
  for (const goal of budget.goals ?? []) {
    const matching = measurements.filter((m) => goalApplies(goal, m.name));
    if (matching.length === 0) console.log(`  ${goal.name} ≤ ${kB(goal.bytes)}: nothing measured yet`);
    for (const m of matching) {
      const distance = goal.bytes - m.bytes;
      console.log(
        `  ${goal.name} ≤ ${kB(goal.bytes)}: ${m.name} ${kB(m.bytes)} — ${distance >= 0 ? `${kB(distance)} under the goal` : `OVER the goal by ${kB(-distance)}`}`,
      );
    }
  }

  const suite = measurements.find((m) => m.name === GERMAN_SUITE);
  const split = attribute(CDN_DIR, suite.suiteFiles);
  const over = suite.bytes - SUITE_TARGET;
  console.log(
    `\n${GERMAN_SUITE}: ${kB(suite.bytes)} gz in ${suite.suiteFiles.length} files — ${over > 0 ? `${kB(over)} OVER` : `${kB(-over)} under`} issue 10's target of ${kB(SUITE_TARGET)}. By source (share of ${kB(split.total.min)} minified; gz proportional):`,
  );
  for (const g of split.groups) console.log(`  ${g.name.padEnd(22)} ${kB(g.min).padStart(10)} min  ≈${kB(g.gz).padStart(9)} gz`);
  console.log('  largest modules:');
  for (const m of split.modules.slice(0, 8)) console.log(`    ${m.name.padEnd(74)} ≈${kB(m.gz).padStart(9)} gz`);

  writeResults(passed, failed);
  console.log(`\nsize: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

await main();
