import type { SeedFile } from './types.js';
import { isLocalizedText } from './language.js';

/** One hostile string of `packages/contract/seed/xss-vectors.json`. */
export interface XssVector {
  id: string;
  value: string;
  note?: string;
}

/**
 * Longest text each kind of field may carry (the contract's `maxLength`s), so the hostile
 * variant stays schema-valid and a widget's response check lets it through to the renderer.
 */
function limitFor(path: readonly string[]): number {
  const key = path[path.length - 1] ?? '';
  const parent = path.filter((p) => !/^\d+$/.test(p)).slice(-2, -1)[0] ?? '';
  if (parent === 'desks' || key === 'desk') return 50;
  if (parent === 'suggestions' || parent === 'topics' || parent === 'agents' || path.includes('bot') && key === 'name') return 100;
  if (key === 'city') return 100;
  if (key === 'description' || key === 'notes' || key === 'explanation') return 2000;
  return 200;
}

/**
 * The `SEED=xss` variant: a copy of the seed in which every citizen-visible text — every
 * `LocalizedText` in every language, plus street and city of addresses — is replaced by one of the
 * hostile strings, cycled in order (each field gets the next vector that fits its length limit).
 * Ids, numbers, times, e-mail addresses, phone numbers and URLs stay intact, so the variant
 * behaves exactly like the default seed.
 */
export function applyXssVariant(file: SeedFile, vectors: readonly XssVector[]): SeedFile {
  if (vectors.length === 0) throw new Error('no XSS vectors');
  let next = 0;
  const pick = (limit: number): string => {
    for (let tries = 0; tries < vectors.length; tries++) {
      const v = vectors[next % vectors.length] as XssVector;
      next++;
      if (v.value.length <= limit) return v.value;
    }
    throw new Error(`no XSS vector fits ${limit} characters`);
  };
  const walk = (value: unknown, path: string[]): unknown => {
    if (isLocalizedText(value)) {
      const limit = limitFor(path);
      return Object.fromEntries(Object.keys(value).map((lang) => [lang, pick(limit)]));
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, String(i)]));
    if (value && typeof value === 'object') {
      const isAddress = path[path.length - 1] === 'address';
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, isAddress && (k === 'street' || k === 'city') && typeof v === 'string' ? pick(limitFor([...path, k])) : walk(v, [...path, k])]),
      );
    }
    return value;
  };
  return walk(file, []) as SeedFile;
}
