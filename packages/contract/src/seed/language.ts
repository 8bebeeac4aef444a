import type { LocalizedText } from './types.js';

const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** True for a `{ de: "…", en: "…" }` text object (keys are language tags, values strings, `de` present). */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return typeof (value as Record<string, unknown>).de === 'string' && entries.every(([k, v]) => LANG_TAG.test(k) && typeof v === 'string');
}

/**
 * The text in `lang`, else in the closest more general tag (`de-x-ls` → `de`, `en-GB` → `en`),
 * else German.
 */
export function localise(text: LocalizedText, lang: string): string {
  let tag = lang.toLowerCase();
  for (;;) {
    const hit = Object.keys(text).find((k) => k.toLowerCase() === tag);
    const value = hit === undefined ? undefined : text[hit];
    if (value !== undefined) return value;
    const cut = tag.lastIndexOf('-');
    if (cut < 0) return text.de;
    tag = tag.slice(0, cut);
  }
}

/** Deep copy of `value` with every `LocalizedText` replaced by its text in `lang`. */
export function localiseDeep<T>(value: T, lang: string): Localised<T> {
  const walk = (v: unknown): unknown => {
    if (isLocalizedText(v)) return localise(v, lang);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as Localised<T>;
}

/** The type `localiseDeep` returns: every `LocalizedText` becomes a `string`. */
export type Localised<T> = T extends LocalizedText
  ? string
  : T extends readonly (infer U)[]
    ? Localised<U>[]
    : T extends object
      ? { [K in keyof T]: Localised<T[K]> }
      : T;

/**
 * Best language of `supported` for an `Accept-Language` header (RFC 9110 quality values, RFC 4647
 * lookup: `de-AT` matches `de`, `de-x-ls` matches only `de-x-ls` or `de`). Falls back to
 * `fallback` (German) when nothing matches or the header is absent.
 */
export function negotiateLanguage(header: string | null | undefined, supported: readonly string[], fallback = 'de'): string {
  if (!header) return fallback;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.range && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const lower = supported.map((s) => s.toLowerCase());
  for (const { range } of ranges) {
    if (range === '*') return fallback;
    let tag = range;
    for (;;) {
      const i = lower.indexOf(tag);
      if (i >= 0) return supported[i] as string;
      const cut = tag.lastIndexOf('-');
      if (cut < 0) break;
      tag = tag.slice(0, cut);
      // A private-use singleton (`x`) is never a language on its own.
      if (tag.endsWith('-x')) tag = tag.slice(0, -2);
    }
  }
  return fallback;
}
