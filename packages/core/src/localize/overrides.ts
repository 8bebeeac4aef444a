import { canonicalLang, type Strings } from './strings.js';

/**
 * Per-instance replacements of texts: key → string, nested objects or dotted keys
 * (`{"errors.network": "…"}` equals `{"errors": {"network": "…"}}`), either for every language
 * (flat) or per language (`{"de": {…}, "en": {…}}`: every top-level key a two-letter language tag,
 * optionally with subtags, and every value an object).
 */
export interface StringOverrides {
  [key: string]: string | StringOverrides;
}

const UNSAFE = new Set(['', '__proto__', 'constructor', 'prototype']);
const LANG_KEY = /^[a-z]{2}(-[a-z0-9]{1,8})*$/i;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies only string leaves into `target`, turning dotted keys into paths and dropping unsafe keys. */
function copyStrings(target: Strings, source: unknown, prefix: string[] = []): void {
  if (!isObject(source) || prefix.length > 16) return;
  for (const [key, value] of Object.entries(source)) {
    const path = [...prefix, ...key.split('.')];
    if (path.some((p) => UNSAFE.has(p))) continue;
    if (typeof value !== 'string') {
      copyStrings(target, value, path);
      continue;
    }
    let node = target;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[path[path.length - 1]!] = value;
  }
}

/**
 * Adds the overrides in `raw` that apply to a text language into `target`. `langs` runs from the
 * most specific tag to the least (`['en-GB', 'en']`); a more specific language wins.
 */
export function addOverrides(target: Strings, raw: unknown, langs: readonly string[]): void {
  if (!isObject(raw)) return;
  const entries = Object.entries(raw);
  const perLanguage = entries.length > 0 && entries.every(([k, v]) => LANG_KEY.test(k) && isObject(v));
  if (!perLanguage) {
    copyStrings(target, raw);
    return;
  }
  const byLang = new Map(entries.map(([k, v]) => [canonicalLang(k), v]));
  for (const lang of [...langs].reverse()) copyStrings(target, byLang.get(lang));
}
