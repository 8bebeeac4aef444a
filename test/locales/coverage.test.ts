import { expect } from '@open-wc/testing';
import { LocalizeController } from '../../packages/core/src/localize/localize-controller.js';
import { compare, LANGUAGES, pluralCategories, type Texts } from './check.js';

/**
 * Locale key coverage of every string namespace, in all six languages (de, en, tr, ar, uk, de-x-ls).
 *
 * Discovery, so a new widget package is covered without touching this file:
 * 1. Registered namespaces: every workspace package (from the root package-lock.json) whose
 *    package.json says `"civic": {"kind": "widget"}` has its `src/index.ts` imported; every
 *    namespace it registers through core's `registerStrings` (bundled or lazy) is checked, and core's
 *    own `core` namespace too. A language not registered at all counts as missing.
 * 2. Locale files by convention: `packages/<pkg>/src/locales/{de,en,tr,ar,uk,de-x-ls}.ts` (default
 *    export), for namespaces a package registers only later (a lazily loaded panel) or before its
 *    index exists. Core's are in `packages/core/src/localize/locales/`.
 *
 * KNOWN_INCOMPLETE lists, per package (or per namespace as `ns:<name>`), languages not written or
 * not registered yet: a widget still in progress. The test then reports them in its title instead
 * of checking them — so an entry hides every gap of that language; remove it as soon as the files
 * exist. Every widget has all six languages (issue 9): the list is empty.
 */
const KNOWN_INCOMPLETE: Record<string, readonly string[]> = {};

type Loader = () => Promise<Texts>;
interface Registry {
  i18n: { store: { data: Record<string, Record<string, Texts>> } };
  loaders: Map<string, Loader>;
}
const registry = () => (globalThis as unknown as Record<symbol, Registry>)[Symbol.for('civic-elements/i18n')]!;

/** Namespace → language → texts (or a loader), as registered right now. */
function registered(): Map<string, Map<string, Texts | Loader>> {
  const out = new Map<string, Map<string, Texts | Loader>>();
  const add = (ns: string, lang: string, value: Texts | Loader) => {
    if (!out.has(ns)) out.set(ns, new Map());
    out.get(ns)!.set(lang, value);
  };
  const { i18n, loaders } = registry();
  for (const [lang, byNs] of Object.entries(i18n.store.data)) for (const [ns, texts] of Object.entries(byNs)) add(ns, lang, texts);
  for (const [key, loader] of loaders) {
    const [ns, lang] = key.split('|') as [string, string];
    add(ns, lang, loader);
  }
  return out;
}

const exists = async (url: string) => (await fetch(url, { method: 'HEAD' })).ok;

interface Subject {
  /** What the test names: `namespace "core"` or `packages/chat/src/locales/*.ts`. */
  label: string;
  pkg: string;
  /** `ns:<namespace>` for a registered namespace. */
  ns?: string;
  byLang: Map<string, Texts | Loader | undefined>;
}

/** Every text of `part` is in `whole` under the same key, unchanged. */
function sameTexts(part: Texts, whole: Texts): boolean {
  return Object.entries(part).every(([key, value]) => {
    const other = whole[key];
    return typeof value === 'string' ? value === other : typeof other === 'object' && sameTexts(value, other);
  });
}

async function discover(): Promise<{ subjects: Subject[]; packages: string[] }> {
  const lock = (await (await fetch('/package-lock.json')).json()) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages)
    .filter((k) => /^packages\/[^/]+$/.test(k))
    .map((k) => k.slice('packages/'.length))
    .sort();
  const subjects: Subject[] = [];

  // Core registers its namespace when the first controller is made.
  new LocalizeController({ addController() {} } as unknown as ConstructorParameters<typeof LocalizeController>[0]);
  const owner = new Map<string, string>([...registered().keys()].map((ns) => [ns, 'core']));
  for (const pkg of packages) {
    const manifest = (await (await fetch(`/packages/${pkg}/package.json`)).json()) as { civic?: { kind?: string } };
    if (manifest.civic?.kind !== 'widget' || !(await exists(`/packages/${pkg}/src/index.ts`))) continue;
    await import(/* @vite-ignore */ `/packages/${pkg}/src/index.ts`);
    for (const ns of registered().keys()) if (!owner.has(ns)) owner.set(ns, pkg);
  }
  for (const [ns, byLang] of registered()) {
    const pkg = owner.get(ns)!;
    const languages = new Map(byLang);
    // A widget may register its German texts in parts (the picker's later steps register theirs
    // with their code): then its locales/de.ts holds them all, and is the German reference.
    const germanFile = `/packages/${pkg}/src/locales/de.ts`;
    const registeredDe = languages.get('de');
    if (pkg !== 'core' && typeof registeredDe === 'object' && (await exists(germanFile))) {
      const whole = ((await import(/* @vite-ignore */ germanFile)) as { default?: Texts }).default;
      // Only when the registered German is a strict part of that file (it lacks keys, has none of
      // its own, every text the same): a namespace the file is not about keeps its own German.
      const gaps = whole ? compare(whole, registeredDe, 'de') : ['no file'];
      const part = gaps.length > 0 && gaps.every((p) => p.startsWith('missing:'));
      if (part && sameTexts(registeredDe, whole!)) languages.set('de', whole!);
    }
    subjects.push({ label: `namespace "${ns}" (registered by ${pkg})`, pkg, ns: `ns:${ns}`, byLang: languages });
  }

  for (const pkg of packages) {
    // Packages with citizen-visible texts depend on core or i18next; the others have no locales.
    const manifest = (await (await fetch(`/packages/${pkg}/package.json`)).json()) as Record<string, Record<string, string> | undefined>;
    const usesStrings = pkg === 'core' || ['dependencies', 'peerDependencies'].some((f) => manifest[f]?.['@civic-elements/core'] || manifest[f]?.['i18next']);
    const dir = pkg === 'core' ? '/packages/core/src/localize/locales' : `/packages/${pkg}/src/locales`;
    if (!usesStrings || !(await exists(`${dir}/de.ts`))) continue;
    const byLang = new Map<string, Texts | undefined>();
    for (const lang of LANGUAGES) {
      // Allow-listed languages are not fetched (no 404 noise); they are reported in the title.
      if (KNOWN_INCOMPLETE[pkg]?.includes(lang) || !(await exists(`${dir}/${lang}.ts`))) continue;
      const mod = (await import(/* @vite-ignore */ `${dir}/${lang}.ts`)) as { default?: Texts };
      byLang.set(lang, mod.default);
    }
    subjects.push({ label: `files ${dir.slice(1)}/*.ts`, pkg, byLang });
  }
  return { subjects, packages };
}

const { subjects, packages } = await discover();

const allowListOf = (subject: Subject): readonly string[] =>
  (subject.ns && KNOWN_INCOMPLETE[subject.ns]) || KNOWN_INCOMPLETE[subject.pkg] || [];

async function problemsOf(subject: Subject): Promise<{ problems: string[]; allowed: string[] }> {
  const allowList = allowListOf(subject);
  const load = async (lang: string): Promise<Texts | undefined> => {
    const value = subject.byLang.get(lang);
    return typeof value === 'function' ? value() : value;
  };
  const de = await load('de');
  if (!de) return { problems: ['no German texts (German is the reference and the fallback)'], allowed: [] };
  const problems: string[] = [];
  const allowed: string[] = [];
  for (const lang of LANGUAGES.slice(1)) {
    if (allowList.includes(lang)) {
      allowed.push(subject.byLang.has(lang) ? `${lang} (registered, not checked)` : `${lang} (not checked)`);
      continue;
    }
    const texts = await load(lang);
    if (!texts) problems.push(`${lang}: language missing`);
    else problems.push(...compare(de, texts, lang).map((p) => `${lang}: ${p}`));
  }
  for (const lang of subject.byLang.keys()) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) problems.push(`${lang}: registered, but not one of the six languages`);
  }
  return { problems, allowed };
}

describe('locale key coverage (de, en, tr, ar, uk, de-x-ls)', () => {
  describe('the checker', () => {
    const de: Texts = { a: 'A', nested: { b: 'B {{name}}' }, items_one: '{{count}} Ding', items_other: '{{count}} Dinge' };

    it('passes a complete translation', () => {
      expect(compare(de, { a: 'a', nested: { b: 'b {{name}}' }, items_one: 'one thing', items_other: '{{count}} things' }, 'en')).to.deep.equal([]);
    });

    it('reports a missing key, an unused key and a changed placeholder', () => {
      expect(compare(de, { nested: { b: 'b {{nme}}' }, extra: 'x', items_one: '1', items_other: '{{count}}' }, 'en')).to.deep.equal([
        'missing: a',
        'placeholder not in German: nested.b {{nme}}',
        'placeholder missing: nested.b {{name}}',
        'unused: extra (not in German)',
      ]);
    });

    it("requires each plural category of the language and refuses forms it does not have", () => {
      expect(pluralCategories('ar')).to.have.members(['zero', 'one', 'two', 'few', 'many', 'other']);
      expect(pluralCategories('de-x-ls')).to.have.members(['one', 'other']);
      const ukProblems = compare(de, { a: 'a', nested: { b: '{{name}}' }, items_one: '{{count}}', items_other: '{{count}}', items_two: 'x' }, 'uk');
      expect(ukProblems).to.include('missing: items_few (plural form "few" of uk)');
      expect(ukProblems).to.include('missing: items_many (plural form "many" of uk)');
      expect(ukProblems).to.include('unused: items_two (uk has no plural form "two")');
    });
  });

  it('discovers core and every workspace package with locales', () => {
    expect(packages).to.include('core');
    expect(subjects.some((s) => s.label.startsWith('namespace "core"'))).to.equal(true);
    expect(subjects.some((s) => s.label.startsWith('files packages/core/src/localize/locales'))).to.equal(true);
  });

  it('every entry of KNOWN_INCOMPLETE names a real package or registered namespace', () => {
    const known = new Set([...packages, ...subjects.flatMap((s) => (s.ns ? [s.ns] : []))]);
    expect(Object.keys(KNOWN_INCOMPLETE).filter((key) => !known.has(key))).to.deep.equal([]);
  });

  for (const subject of subjects) {
    const allowList = allowListOf(subject);
    const title = allowList.length
      ? `${subject.label}: complete except the allow-listed ${allowList.join(', ')} (KNOWN_INCOMPLETE; the lead empties it)`
      : `${subject.label}: no key missing or unused in any of the six languages`;
    it(title, async () => {
      const { problems, allowed } = await problemsOf(subject);
      if (allowed.length) console.warn(`[locale coverage] ${subject.label}: allow-listed gaps: ${allowed.join(', ')}`);
      expect(problems, `${subject.label}:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
    });
  }
});
