/**
 * Text PostgreSQL cannot store: a NUL character, or a lone UTF-16 surrogate (half of a pair; JSON
 * can carry one as `"\\ud83d"`). Requests with such text get a 400 at its pointer (app.ts); seed
 * data is made storable instead.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL could not store `s`, or undefined. */
export function unstorable(s: string): string | undefined {
  if (s.includes('\0')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(s)) return 'must not contain lone surrogates (invalid Unicode)';
  return undefined;
}

/**
 * `value` with every string storable: NUL characters and lone surrogates (the `xss` seed has both)
 * become U+FFFD, as an HTML parser would show them.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\0/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)])) as T;
  return value;
}
