// Key coverage of one string namespace: which keys a language lacks or has in excess, compared with German.

export type Texts = { [key: string]: string | Texts };

/** The six languages every namespace must have (issue 9). */
export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'de-x-ls'] as const;

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** Nested texts → flat `a.b.c` keys. */
export function flatten(texts: Texts, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(texts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!));

/** The plural categories a language needs (`de-x-ls` → German's). */
export function pluralCategories(lang: string): string[] {
  return new Intl.PluralRules(lang.replace(/-x-.*$/, '')).resolvedOptions().pluralCategories as string[];
}

/**
 * Problems of `lang` compared with German: keys German has and `lang` lacks ("missing"), keys `lang`
 * has and German does not ("unused"), plural forms the language needs or cannot use, placeholders
 * that differ, and empty or non-string values. A German plural (`x_one`, `x_other`) needs every
 * plural category of `lang` (Arabic: zero, one, two, few, many, other).
 */
export function compare(de: Texts, other: Texts, lang: string): string[] {
  const reference = flatten(de);
  const translated = flatten(other);
  const problems: string[] = [];
  const needed = pluralCategories(lang);

  // German keys grouped: plain keys, and plural bases with their forms' placeholders.
  const plain = new Map<string, Set<string>>();
  const plurals = new Map<string, Set<string>>();
  for (const [key, value] of reference) {
    const text = String(value);
    const m = PLURAL.exec(key);
    if (m) {
      const set = plurals.get(m[1]!) ?? new Set<string>();
      for (const p of placeholders(text)) set.add(p);
      plurals.set(m[1]!, set);
    } else plain.set(key, placeholders(text));
  }

  const checkText = (key: string, value: unknown, expected: Set<string>, optional: Set<string>) => {
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`empty or not text: ${key}`);
      return;
    }
    const found = placeholders(value);
    const extra = [...found].filter((p) => !expected.has(p));
    const lacking = [...expected].filter((p) => !found.has(p) && !optional.has(p));
    if (extra.length) problems.push(`placeholder not in German: ${key} {{${extra.join('}}, {{')}}}`);
    if (lacking.length) problems.push(`placeholder missing: ${key} {{${lacking.join('}}, {{')}}}`);
  };

  for (const [key, expected] of plain) {
    if (!translated.has(key)) problems.push(`missing: ${key}`);
    else checkText(key, translated.get(key), expected, new Set());
  }
  for (const [base, expected] of plurals) {
    for (const category of needed) {
      const key = `${base}_${category}`;
      // A plural form may say the number in words ("one second"): {{count}} is optional there.
      if (!translated.has(key)) problems.push(`missing: ${key} (plural form "${category}" of ${lang})`);
      else checkText(key, translated.get(key), expected, new Set(['count']));
    }
  }
  for (const key of translated.keys()) {
    if (plain.has(key)) continue;
    const m = PLURAL.exec(key);
    if (m && plurals.has(m[1]!)) {
      if (!needed.includes(m[2]!)) problems.push(`unused: ${key} (${lang} has no plural form "${m[2]}")`);
      continue;
    }
    problems.push(`unused: ${key} (not in German)`);
  }
  return problems;
}
