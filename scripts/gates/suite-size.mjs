// Gate 7 of issue 10: what "the whole CDN suite" weighs for a citizen. Used by scripts/size.mjs.
//
// The CDN build splits every language into its own lazily loaded chunk, so the sum of every CDN file
// (size.mjs' "cdn whole suite") counts five languages nobody loads together. The suite figure is
// what one German page with every widget on it downloads:
//   at load        the loader + its eager chunks + every tag's chunks (manifest.tags) + the chunks a
//                  widget fetches at its first state without the citizen doing anything
//                  (AT_FIRST_SHOW, with what they import statically): German texts are part of the
//                  widget chunks, so this is what the page fetches. The `gates` step opens such a
//                  page (suite-page.html) and fails when it fetches anything else or less;
//   every feature  plus every chunk those import on demand (chat panel, offline form, attachments,
//                  proof of work, chime, …), except the texts of other languages.
// Other languages: chunks under a `locales/` folder whose last name part is, or ends in `-` and, one
// of OTHER_LANGUAGES (e.g. `chat/locales/en`, `chat/locales/launcher-ar`).
//
// `attribute(files)` splits those files' bytes by the source module they came from, using the
// build's source maps (each generated character belongs to the source its mapping segment names),
// grouped as lit (lit, lit-html, lit-element, @lit/*), i18next, core, each widget package, and
// "bundler glue" (characters no segment maps). gzip does not add up per module, so a group's gzip
// share is its share of the minified bytes applied to the files' real gzip total (approximate).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Languages other than German that the build ships as their own chunks. */
export const OTHER_LANGUAGES = ['en', 'ar', 'tr', 'uk', 'de-x-ls'];

export function isOtherLanguage(chunkName) {
  if (!/(^|\/)locales\//.test(chunkName)) return false;
  const last = chunkName.split('/').pop();
  return OTHER_LANGUAGES.some((lang) => last === lang || last.endsWith(`-${lang}`));
}

/**
 * Chunks (by name) a tag fetches at its first state, with no interaction: the queue display shows
 * its take-ticket form at once while the queue takes tickets online (as on the suite page).
 */
export const AT_FIRST_SHOW = { 'civic-queue-display': ['queue-display/queue-display/ticket-view'] };

const IMPORT = /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Relative .js imports (static and dynamic, or `staticOnly`) of one CDN file, as CDN-relative file names. */
function importsOf(cdnDir, file, staticOnly = false) {
  const text = readFileSync(join(cdnDir, file), 'utf8');
  const out = new Set();
  for (const [, spec] of text.matchAll(staticOnly ? STATIC_IMPORT : IMPORT)) out.add(normalize(join(dirname(file), spec)).split('\\').join('/'));
  return out;
}

/** The CDN files reachable from `start` through their imports (`staticOnly`: static ones only), but not those `skip` names. */
function reach(manifest, cdnDir, start, { staticOnly = false, skip = () => false } = {}) {
  const out = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop();
    if (out.has(file) || !(file in manifest.chunks) || skip(file)) continue;
    out.add(file);
    queue.push(...importsOf(cdnDir, file, staticOnly));
  }
  return out;
}

/**
 * The CDN files `tag` fetches before any interaction: its chunks (manifest.tags) and its
 * AT_FIRST_SHOW chunks with what they import statically (the loader and eager chunks not included).
 */
export function tagFiles(manifest, cdnDir, tag, atFirstShow = AT_FIRST_SHOW) {
  const names = atFirstShow[tag] ?? [];
  const shown = Object.keys(manifest.chunks).filter((file) => names.includes(manifest.chunks[file]));
  const eager = new Set([manifest.entry, ...manifest.eager]);
  return [...new Set([...(manifest.tags[tag] ?? []), ...reach(manifest, cdnDir, shown, { staticOnly: true, skip: (f) => eager.has(f) })])];
}

/** `{ atLoad, everyFeature }`: the CDN files of a German page with every widget (see above). */
export function germanSuite(manifest, cdnDir, atFirstShow = AT_FIRST_SHOW) {
  const atLoad = new Set([manifest.entry, ...manifest.eager, ...Object.keys(manifest.tags).flatMap((tag) => tagFiles(manifest, cdnDir, tag, atFirstShow))]);
  const everyFeature = reach(manifest, cdnDir, atLoad, { skip: (f) => isOtherLanguage(manifest.chunks[f]) });
  return { atLoad: [...atLoad], everyFeature: [...everyFeature] };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map `mappings` line into segments [generatedColumn, sourceIndex?]. */
function decodeLine(line, state) {
  const segments = [];
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = B64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    if (values.length) state.col += values[0];
    if (values.length >= 4) state.source += values[1];
    segments.push([state.col, values.length >= 4 ? state.source : undefined]);
  }
  return segments;
}

/** The group a source file counts towards. */
export function groupOf(source) {
  const path = source.split('\\').join('/');
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(path)) return 'lit';
  if (/node_modules\/i18next\//.test(path)) return 'i18next';
  const pkg = /packages\/([^/]+)\//.exec(path);
  if (pkg) return pkg[1] === 'core' ? 'core' : pkg[1];
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return dep ? dep[1] : 'other';
}

/** A source path shortened to `package/path` (packages/…/src/… or node_modules/…). */
function modulePath(path) {
  const p = path.split('\\').join('/');
  const dep = /node_modules\/(.+)$/.exec(p);
  if (dep) return dep[1];
  const own = /packages\/(.+)$/.exec(p);
  return own ? own[1] : p;
}

/**
 * Bytes of `files` by group and by source module: `{ groups, modules }`, each `[{ name, min, gz }]`
 * largest first, and the files' `total` ({ min, gz }). `gz` per entry is proportional (see above).
 */
export function attribute(cdnDir, files) {
  const byGroup = new Map();
  const byModule = new Map();
  let min = 0;
  let gz = 0;
  for (const file of files) {
    const code = readFileSync(join(cdnDir, file), 'utf8');
    min += Buffer.byteLength(code);
    gz += gzipSync(code, { level: 9 }).length;
    let map;
    try {
      map = JSON.parse(readFileSync(join(cdnDir, `${file}.map`), 'utf8'));
    } catch {
      byGroup.set('unmapped files', (byGroup.get('unmapped files') ?? 0) + Buffer.byteLength(code));
      continue;
    }
    const lines = code.split('\n');
    const mappings = map.mappings.split(';');
    const state = { col: 0, source: 0 };
    // A character belongs to the source of the last mapping before it: minifiers leave some tokens
    // (punctuation, the rest lines of a multi-line template literal) without a mapping of their own.
    let last;
    lines.forEach((text, i) => {
      state.col = 0;
      const segments = decodeLine(mappings[i] ?? '', state);
      const add = (from, to) => {
        const bytes = Buffer.byteLength(text.slice(from, to));
        const path = last === undefined ? undefined : join(cdnDir, dirname(file), map.sourceRoot ?? '', map.sources[last] ?? '');
        const group = path ? groupOf(path) : 'bundler glue';
        const module = path ? modulePath(path) : group;
        byGroup.set(group, (byGroup.get(group) ?? 0) + bytes);
        byModule.set(module, (byModule.get(module) ?? 0) + bytes);
      };
      add(0, segments[0]?.[0] ?? text.length);
      segments.forEach(([col, source], k) => {
        if (source !== undefined) last = source;
        add(col, segments[k + 1]?.[0] ?? text.length);
      });
    });
  }
  const share = ([name, bytes]) => ({ name, min: bytes, gz: Math.round((bytes / min) * gz) });
  const groups = [...byGroup].filter(([, bytes]) => bytes > 0).map(share).sort((a, b) => b.min - a.min);
  const modules = [...byModule].filter(([, bytes]) => bytes > 0).map(share).sort((a, b) => b.min - a.min);
  return { groups, modules, total: { min, gz } };
}
