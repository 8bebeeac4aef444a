/** A point in time: a `Date`, epoch milliseconds or an ISO 8601 string from the API. */
export type DateInput = Date | number | string;

/**
 * `Intl.DateTimeFormat` options with a required `timeZone`: an appointment at 09:00 in the
 * Bürgeramt is 09:00 in `Europe/Berlin`, whatever the citizen's device says.
 */
export type ZonedFormatOptions = Intl.DateTimeFormatOptions & { timeZone: string };

const cache = new Map<string, unknown>();

/** One formatter per kind, locale and options; building an `Intl` formatter is the slow part. */
function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    if (cache.size >= 200) cache.clear();
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

const COMPONENTS = [
  'dateStyle',
  'timeStyle',
  'weekday',
  'era',
  'year',
  'month',
  'day',
  'dayPeriod',
  'hour',
  'minute',
  'second',
  'fractionalSecondDigits',
  'timeZoneName',
] as const;

/** Formats a point in time; `defaults` apply only when `options` names no date or time field. */
export function formatDateTimeIn(
  locale: string,
  value: DateInput,
  options: ZonedFormatOptions,
  defaults: Intl.DateTimeFormatOptions,
): string {
  const opts = COMPONENTS.some((c) => options[c] !== undefined) ? options : { ...defaults, ...options };
  const date = value instanceof Date ? value : new Date(value);
  return cached('dt', locale, opts, () => new Intl.DateTimeFormat(locale, opts)).format(date);
}

export function formatNumberIn(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
}

export function formatRelativeIn(
  locale: string,
  value: number,
  unit: Intl.RelativeTimeFormatUnit,
  options: Intl.RelativeTimeFormatOptions = {},
): string {
  const opts = { numeric: 'auto' as const, ...options };
  return cached('rt', locale, opts, () => new Intl.RelativeTimeFormat(locale, opts)).format(value, unit);
}

export function formatListIn(locale: string, items: readonly string[], options: Intl.ListFormatOptions = {}): string {
  return cached('l', locale, options, () => new Intl.ListFormat(locale, options)).format(items);
}
