// Declarations for the npm build: one TypeScript program over every browser package's entries
// (tsconfig.base.json, declarations only), each `packages/<pkg>/src/x.ts` written to
// `packages/<pkg>/dist/x.d.ts` (+ .d.ts.map). Tests, stories and src/testing/ are never entries, so
// they are only emitted if a shipped module imports them (which the build then reports).
//   node scripts/build-types.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ROOT, browserPackages, isShippedSource } from './build-packages.mjs';

export function buildTypes() {
  const packages = browserPackages();
  const configFile = join(ROOT, 'tsconfig.base.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, {
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: true,
    rootDir: join(ROOT, 'packages'),
    outDir: join(ROOT, 'node_modules', '.cache', 'civic-types'),
    types: [],
  });
  const rootNames = packages.flatMap((p) => p.entries.map((e) => join(p.dir, e.src)));
  const program = ts.createProgram({ rootNames, options: parsed.options });

  const written = [];
  const problems = [];
  const outDir = parsed.options.outDir;
  const writeFile = (fileName, text) => {
    // <outDir>/<folder>/src/<path>.d.ts(.map) → packages/<folder>/dist/<path>.d.ts(.map)
    const rel = relative(outDir, fileName).split(sep);
    const [folder, srcDir, ...rest] = rel;
    const pkg = packages.find((p) => p.folder === folder);
    if (!pkg || srcDir !== 'src') return; // a package this build does not publish
    const inner = rest.join('/');
    if (!isShippedSource(inner.replace(/\.d\.ts(\.map)?$/, '.ts'))) {
      problems.push(`${pkg.name}: shipped code imports ${inner.replace(/\.d\.ts(\.map)?$/, '.ts')} (a test or test helper)`);
      return;
    }
    const target = join(pkg.dir, 'dist', ...rest);
    // Source maps point from dist/ back to src/ of the same package.
    const fixed = fileName.endsWith('.map')
      ? JSON.stringify({ ...JSON.parse(text), sources: [relative(dirname(target), join(pkg.dir, 'src', ...rest).replace(/\.d\.ts\.map$/, '.ts'))] })
      : text;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fixed);
    written.push(target);
  };
  const result = program.emit(undefined, writeFile, undefined, true);
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getOptionsDiagnostics(), ...result.diagnostics];
  if (diagnostics.length) {
    problems.push(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      }),
    );
  }
  return { written, problems };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { written, problems } = buildTypes();
  if (problems.length) {
    console.error(`Declarations failed:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`declarations: ${written.filter((f) => f.endsWith('.d.ts')).length} files in ${Date.now() - started} ms`);
}
