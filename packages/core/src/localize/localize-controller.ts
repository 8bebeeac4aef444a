import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  DEFAULT_LANG,
  canonicalLang,
  hasStrings,
  libraryI18n,
  loadStrings,
  nextSeq,
  registerStrings,
  type Strings,
} from './strings.js';
import { addOverrides, type StringOverrides } from './overrides.js';
import {
  formatDateTimeIn,
  formatListIn,
  formatNumberIn,
  formatRelativeIn,
  type DateInput,
  type ZonedFormatOptions,
} from './format.js';
import de from './locales/de.js';

/** Options of {@link LocalizeController.t}: interpolation values, `count` for plurals, `defaultValue`. */
export interface TranslateOptions {
  count?: number;
  defaultValue?: string;
  [name: string]: unknown;
}

/** A translate function, e.g. `controller.t` (bound). */
export type Translate = (key: string, options?: TranslateOptions) => string;

export interface LocalizeOptions {
  /** The widget's namespace (see {@link registerStrings}); keys missing there come from `core`. */
  ns?: string;
  /**
   * Called when the requested language ({@link LocalizeController.requestLang}) changed while
   * connected (not for the first resolution), at once — before a lazily loaded language's texts
   * have arrived — so the widget can refetch server texts with the new `Accept-Language` while
   * they load. The host re-renders anyway, and again when the texts are there. It is not called
   * when texts arrive for a language that was already requested: a widget that fetched with
   * `requestLang` never fetches twice.
   */
  onLangChange?: (lang: string) => void;
}

type Host = ReactiveControllerHost & HTMLElement & { strings?: StringOverrides };

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'ckb', 'dv', 'yi', 'sd', 'ug']);

let coreRegistered = false;
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/** Every `lang` change and every light-DOM change of a host, for all controllers, through one observer. */
function onMutations(records: MutationRecord[]): void {
  const langChanged = records.some((r) => r.type === 'attributes');
  const touched = records.filter((r) => r.type !== 'attributes').map((r) => r.target);
  for (const controller of connected) {
    if (touched.some((node) => controller.host.contains(node))) controller.readJsonOverrides();
    if (langChanged) controller.refresh();
  }
}

/** The next node up, crossing from a shadow root to its host. */
const up = (node: Node): Node | null => node.parentNode ?? (node as ShadowRoot).host ?? null;

/** `lang` of the element, else of the closest ancestor (across shadow roots), else `<html lang>`, else `de`. */
export function resolveLang(el: Element): string {
  for (let node: Node | null = el; node; node = up(node)) {
    const lang = node.nodeType === Node.ELEMENT_NODE ? canonicalLang((node as Element).getAttribute('lang')) : undefined;
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}

/** `en-GB` → `['en-GB', 'en']`; `de-x-ls` → `['de-x-ls', 'de']` (private-use and other singletons are skipped). */
function subtags(lang: string): string[] {
  const parts = lang.split('-');
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1]!.length > 1) out.push(parts.slice(0, i).join('-'));
  }
  return out;
}

/**
 * Texts, plurals, text direction and `Intl` formatting in the element's language, live.
 *
 * The language is the host's `lang` attribute, else the closest ancestor's `[lang]` (across shadow
 * roots, so `<civic-config lang>` counts), else `<html lang>`, else German. `en-GB` uses `en` texts
 * (and British date formats); `de-x-ls` (Leichte Sprache) falls back to `de` key by key. A language
 * the widget has no texts for shows German (and `lang` says `de`). A change of any of these
 * attributes re-renders the host.
 *
 * Every text can be replaced per element, winning over the locale files:
 * - the host's `strings` property (a widget declares it as a Lit property);
 * - a JSON script in the host's light DOM. Invalid JSON is ignored with one warning.
 * The property wins over the script. Both may be flat or per language.
 *
 * @example
 * ```html
 * <civic-appointment-picker>
 *   <script type="application/json" slot="strings">
 *     { "de": { "title": "Termin im Bürgerbüro" }, "en": { "title": "Book at the citizens' office" } }
 *   </script>
 * </civic-appointment-picker>
 * ```
 * ```ts
 * picker.strings = { 'errors.network': 'Offline? Rufen Sie uns an: 0123 456-0' };
 * ```
 * In the widget:
 * ```ts
 * private localize = new LocalizeController(this, { ns: 'appointment', onLangChange: () => this.reload() });
 * render() {
 *   return html`<section lang=${this.localize.lang} dir=${this.localize.dir}>
 *     <h2>${this.localize.t('title')}</h2>
 *     <p>${this.localize.t('slotsLeft', { count: 3 })}</p>
 *     <p>${this.localize.formatTime(slot.start, { timeZone: location.timeZone })}</p>
 *   </section>`;
 * }
 * ```
 */
export class LocalizeController implements ReactiveController {
  readonly host: Host;
  private readonly ns: string;
  private readonly onLangChange?: (lang: string) => void;
  private _lang = DEFAULT_LANG;
  /** The language the texts will be in once loaded (what requests ask for). */
  private _requested = DEFAULT_LANG;
  /** Text languages, most specific first (`['en-GB', 'en']`), and the lookup chain ending in `de`. */
  private langs = [DEFAULT_LANG];
  private chain = [DEFAULT_LANG];
  private resolved = false;
  private jsonText?: string;
  private json?: unknown;
  private overrideNs?: string;
  private applied?: { strings: unknown; json: unknown; lang: string; has: boolean };

  constructor(host: Host, options: LocalizeOptions = {}) {
    this.host = host;
    this.ns = options.ns ?? 'core';
    this.onLangChange = options.onLangChange;
    if (!coreRegistered) {
      registerStrings('core', {
        de,
        en: () => import('./locales/en.js').then((m) => m.default),
        tr: () => import('./locales/tr.js').then((m) => m.default),
        ar: () => import('./locales/ar.js').then((m) => m.default),
        uk: () => import('./locales/uk.js').then((m) => m.default),
        'de-x-ls': () => import('./locales/de-x-ls.js').then((m) => m.default),
      });
      coreRegistered = true;
    }
    host.addController(this);
  }

  /** The language of the texts and formats (BCP 47): set it as `lang` on the widget's root. */
  get lang(): string {
    return this._lang;
  }

  /**
   * The language requests should ask the server for (`Accept-Language`): the language the texts
   * are in, or — while a lazily loaded language's texts are on their way — the one they will be
   * in. `CivicElement.config.lang` is this, so the first request of a widget in `lang="en"`
   * already asks for English.
   */
  get requestLang(): string {
    return this._requested;
  }

  /** Text direction of {@link lang}: set it as `dir` on the widget's root. */
  get dir(): 'ltr' | 'rtl' {
    return RTL.has(this._lang.split('-')[0]!) ? 'rtl' : 'ltr';
  }

  hostConnected(): void {
    connected.add(this);
    observer ??= new MutationObserver(onMutations);
    const langOnly = { attributes: true, attributeFilter: ['lang'], subtree: true };
    for (let node: Node | null = this.host; node; node = up(node)) {
      if (node.nodeType === Node.DOCUMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
        observer.observe(node, langOnly);
      }
    }
    observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    this.readJsonOverrides();
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
    this.dropOverrides();
  }

  /** Re-resolves the language; re-renders the host (and tells the widget) when it changed. @internal */
  refresh(): void {
    const requested = subtags(resolveLang(this.host));
    const langs = requested.some((l) => hasStrings(this.ns, l)) ? requested : [DEFAULT_LANG];
    const target = langs[0]!;
    // The widget hears about a change of the requested language at once (it refetches server
    // texts in it), never again when that language's texts arrive.
    const notify = this.resolved && target !== this._requested;
    this._requested = target;
    const loads = [this.ns, 'core'].flatMap((ns) => langs.map((l) => loadStrings(ns, l))).filter((p) => p);
    if (loads.length) {
      // Keep showing the current texts until the new ones are there, then render again.
      this.resolved = true;
      void Promise.all(loads).then(() => connected.has(this) && this.refresh());
      if (notify) this.onLangChange?.(target);
      return;
    }
    if (target === this._lang && this.resolved) {
      if (notify) this.onLangChange?.(target);
      return;
    }
    this._lang = target;
    this.langs = langs;
    this.chain = [...new Set([...langs, DEFAULT_LANG])];
    this.resolved = true;
    this.host.requestUpdate();
    if (notify) this.onLangChange?.(target);
  }

  /** Reads the JSON overrides script of the host's light DOM. @internal */
  readJsonOverrides(): void {
    const script = [...this.host.children].find(
      (el) =>
        el.localName === 'script' &&
        el.getAttribute('type')?.trim().toLowerCase() === 'application/json' &&
        (el.getAttribute('slot') === 'strings' || el.hasAttribute('data-civic-strings')),
    );
    const text = script?.textContent ?? '';
    if (text === this.jsonText) return;
    this.jsonText = text;
    this.json = undefined;
    if (text.trim()) {
      try {
        this.json = JSON.parse(text);
      } catch {
        console.warn(`[civic-elements] <${this.host.localName}>: the strings script is not valid JSON and is ignored.`);
      }
    }
    this.host.requestUpdate();
  }

  /** Puts this element's overrides for its language into its own namespace of the shared instance. */
  private syncOverrides(): void {
    const strings = this.host.strings;
    const a = this.applied;
    if (a && a.strings === strings && a.json === this.json && a.lang === this._lang) return;
    this.dropOverrides();
    const merged: Strings = {};
    addOverrides(merged, this.json, this.langs);
    addOverrides(merged, strings, this.langs);
    const has = Object.keys(merged).length > 0;
    if (has) {
      this.overrideNs ??= `civic-overrides-${nextSeq()}`;
      libraryI18n().addResourceBundle(this._lang, this.overrideNs, merged, true, true);
    }
    this.applied = { strings, json: this.json, lang: this._lang, has };
  }

  private dropOverrides(): void {
    if (this.applied?.has && this.overrideNs) libraryI18n().removeResourceBundle(this.applied.lang, this.overrideNs);
    this.applied = undefined;
  }

  /**
   * The text for `key` (dotted for nested keys): this element's overrides, then the widget's
   * namespace, then `core`, each in the element's language and then German. `{{name}}` is replaced
   * by `options.name` (not escaped: Lit escapes when rendering); `count` picks the plural form
   * (`key_one`, `key_few`, `key_other`… per `Intl.PluralRules`). Bound: pass it around as is.
   */
  readonly t: Translate = (key, options = {}) => {
    this.syncOverrides();
    const ns = this.applied?.has ? [this.overrideNs!, this.ns, 'core'] : [this.ns, 'core'];
    const translate = libraryI18n().t as unknown as (key: string, options: object) => unknown;
    return String(translate(key, { ...options, lng: this._lang, lngs: this.chain, ns }));
  };

  /** A date, by default `dateStyle: 'long'` ("24. November 2026"), in the given time zone. */
  formatDate(date: DateInput, options: ZonedFormatOptions): string {
    return formatDateTimeIn(this._lang, date, options, { dateStyle: 'long' });
  }

  /** A time of day, by default `timeStyle: 'short'` ("09:30"), in the given time zone. */
  formatTime(date: DateInput, options: ZonedFormatOptions): string {
    return formatDateTimeIn(this._lang, date, options, { timeStyle: 'short' });
  }

  /** Date and time, by default `dateStyle: 'long', timeStyle: 'short'`, in the given time zone. */
  formatDateTime(date: DateInput, options: ZonedFormatOptions): string {
    return formatDateTimeIn(this._lang, date, options, { dateStyle: 'long', timeStyle: 'short' });
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumberIn(this._lang, value, options);
  }

  /** An amount of money, e.g. a fee: `formatCurrency(37, 'EUR')` → "37,00 €". */
  formatCurrency(amount: number, currency = 'EUR', options?: Intl.NumberFormatOptions): string {
    return formatNumberIn(this._lang, amount, { ...options, style: 'currency', currency });
  }

  /** "in 5 Minuten", "gestern" (`numeric: 'auto'` unless given). */
  formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit, options?: Intl.RelativeTimeFormatOptions): string {
    return formatRelativeIn(this._lang, value, unit, options);
  }

  /** "Personalausweis, Reisepass und Führerschein" (a conjunction unless `options.type` says otherwise). */
  formatList(items: readonly string[], options?: Intl.ListFormatOptions): string {
    return formatListIn(this._lang, items, options);
  }
}
