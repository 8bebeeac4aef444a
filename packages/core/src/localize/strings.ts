import { createInstance, type i18n } from 'i18next';

/** A namespace's texts in one language: nested objects of strings. Keys may use `_one`/`_other`… plural suffixes. */
export interface Strings {
  [key: string]: string | Strings;
}

/** Loads one language of a namespace on demand, e.g. `() => import('./locales/en.js').then((m) => m.default)`. */
export type StringsLoader = () => Promise<Strings>;

/** German is always bundled (it is the fallback); every other language may be bundled or lazy. */
export type StringsByLanguage = { de: Strings } & { [lang: string]: Strings | StringsLoader };

/** The library's language, used when no `lang` is found and for every key a language lacks. */
export const DEFAULT_LANG = 'de';

interface Shared {
  i18n: i18n;
  /** `ns|lang` → loader of a language not loaded yet. */
  loaders: Map<string, StringsLoader>;
  /** `ns|lang` → a load in flight (shared, so two widgets never load the same file twice). */
  pending: Map<string, Promise<boolean>>;
  /** Source of unique per-element override namespaces, shared by every copy of the library. */
  seq: number;
}

// A global symbol, so two copies of the library on one page (npm + CDN) share one instance.
const KEY = Symbol.for('civic-elements/i18n');

interface LoggerLike {
  logger: unknown;
  options: unknown;
  init(logger: unknown, options: unknown): void;
}

/**
 * Creates the library's own i18next instance. Never the page's global `i18next`: that one stays
 * untouched. i18next 26 shares its logger between instances and `init()` resets it; the page's
 * logger (and its `debug` setting) is put back afterwards.
 */
export function createLibraryI18n(): i18n {
  const instance = createInstance();
  const logger = (instance as unknown as { logger?: LoggerLike }).logger;
  const saved = logger && { concrete: logger.logger, options: logger.options };
  void instance.init({
    initAsync: false,
    resources: {},
    fallbackLng: DEFAULT_LANG,
    ns: [],
    defaultNS: false,
    // Keys never carry a namespace, so `:` is an ordinary character.
    nsSeparator: false,
    // Lit escapes every interpolated value when it renders text.
    interpolation: { escapeValue: false },
  });
  if (logger && saved) logger.init(saved.concrete, saved.options);
  return instance;
}

function shared(): Shared {
  const g = globalThis as { [KEY]?: Shared };
  return (g[KEY] ??= { i18n: createLibraryI18n(), loaders: new Map(), pending: new Map(), seq: 0 });
}

/** The library's i18next instance (one per page). */
export function libraryI18n(): i18n {
  return shared().i18n;
}

/** A fresh, page-wide unique number (for per-element override namespaces). */
export function nextSeq(): number {
  return ++shared().seq;
}

/** Canonical BCP 47 casing (`EN-gb` → `en-GB`), or undefined for something that is no language tag. */
export function canonicalLang(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/**
 * Registers a namespace's texts per language. Bundled languages are plain objects; others may be a
 * loader that is called the first time an element needs that language.
 *
 * @example
 * registerStrings('appointment', {
 *   de: { title: 'Termin buchen' },
 *   en: () => import('./locales/en.js').then((m) => m.default),
 * });
 */
export function registerStrings(ns: string, byLanguage: StringsByLanguage): void {
  const { i18n, loaders } = shared();
  for (const [tag, value] of Object.entries(byLanguage)) {
    const lang = canonicalLang(tag);
    if (!lang) continue;
    if (typeof value === 'function') {
      if (!i18n.hasResourceBundle(lang, ns)) loaders.set(`${ns}|${lang}`, value);
    } else {
      i18n.addResourceBundle(lang, ns, value, true, true);
      loaders.delete(`${ns}|${lang}`);
    }
  }
}

/** True when `ns` has texts for `lang`, loaded or loadable. */
export function hasStrings(ns: string, lang: string): boolean {
  const { i18n, loaders } = shared();
  return i18n.hasResourceBundle(lang, ns) || loaders.has(`${ns}|${lang}`);
}

/**
 * Loads `lang` of `ns` if it is registered lazily and not loaded yet. Resolves to true once the
 * texts are there, false when loading failed; undefined means nothing to wait for (loaded already,
 * or nothing registered).
 */
export function loadStrings(ns: string, lang: string): Promise<boolean> | undefined {
  const { i18n, loaders, pending } = shared();
  const key = `${ns}|${lang}`;
  const loader = loaders.get(key);
  if (!loader || i18n.hasResourceBundle(lang, ns)) return undefined;
  let load = pending.get(key);
  if (!load) {
    load = loader().then(
      (strings) => {
        i18n.addResourceBundle(lang, ns, strings, true, false);
        loaders.delete(key);
        pending.delete(key);
        return true;
      },
      () => {
        // Forget the loader: the element shows German instead of retrying on every change.
        loaders.delete(key);
        pending.delete(key);
        console.warn(`[civic-elements] The "${lang}" texts of "${ns}" could not be loaded; German is shown instead.`);
        return false;
      },
    );
    pending.set(key, load);
  }
  return load;
}
