/**
 * A tiny runtime checker for JSON responses (a zod-mini without dependencies).
 *
 * A `Check<T>` is a function: it returns the value it was given, typed as `T`, or throws a
 * {@link CheckError} naming the failing path (`$.days[2].slots[0].start`) and what was expected.
 * It never copies the offending value into the error: response bodies can hold personal data.
 * Checks do not transform: objects keep their extra keys, date-times stay strings (as in the
 * contract's generated types).
 *
 * ```ts
 * import { c, type Infer } from '@civic-elements/core';
 * const service = c.object({ id: c.string(), name: c.string(), fee: c.optional(c.number()) });
 * type Service = Infer<typeof service>; // { id: string; name: string; fee?: number | undefined }
 * const services = c.array(service)(json); // throws CheckError at e.g. "$[3].name"
 * ```
 *
 * Import as a namespace (`import * as c from './check.js'`, or `c` from core's index).
 * @module
 */

/** Returns `value` typed as `T`, or throws a {@link CheckError}. `path` names `value` in errors. */
export type Check<T> = (value: unknown, path?: string) => T;

/** The type a check produces. */
export type Infer<C> = C extends Check<infer T> ? T : never;

/** A check made by {@link optional}: in {@link object}, its key becomes optional. */
export interface Optional<T> extends Check<T | undefined> {
  readonly optional: true;
}

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
/** The type produced by `object(shape)`. */
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

/** A value did not match its check. `message` holds only the path and the expected kind. */
export class CheckError extends Error {
  constructor(
    /** Where the value failed, e.g. `$.slots[2].start`. */
    readonly path: string,
    /** What was expected there, e.g. `string`, `date-time`, `one of ["open","closed"]`. */
    readonly expected: string,
  ) {
    super(`expected ${expected} at ${path}`);
    this.name = 'CheckError';
  }
}

const fail = (path: string, expected: string): never => {
  throw new CheckError(path, expected);
};

const is =
  <T>(expected: string, test: (v: unknown) => boolean): Check<T> =>
  (v, p = '$') =>
    test(v) ? (v as T) : fail(p, expected);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const string = (): Check<string> => is('string', (v) => typeof v === 'string');
/** A finite number. */
export const number = (): Check<number> => is('number', Number.isFinite);
export const integer = (): Check<number> => is('integer', Number.isInteger);
export const boolean = (): Check<boolean> => is('boolean', (v) => typeof v === 'boolean');
/** Any value, unchecked (for fields passed through without being read). */
export const unknown = (): Check<unknown> => (v) => v;

type Literal = string | number | boolean | null;

/** One of the given constant values: `literal('open', 'closed')`. */
export const literal = <const L extends readonly Literal[]>(...values: L): Check<L[number]> =>
  is(`one of ${JSON.stringify(values)}`, (v) => values.includes(v as Literal));

/** One of the values of a list: `oneOf(['waiting', 'called'])`; exported as `enum` too. */
export const oneOf = <const L extends readonly Literal[]>(values: L): Check<L[number]> =>
  literal(...values);
export { oneOf as enum };

const DATE = /^\d{4}-\d\d-\d\d$/;
const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;
const parses = (v: string) => !Number.isNaN(Date.parse(v));

/** An RFC 3339 date-time string with an offset (`2026-03-02T09:30:00+01:00`); stays a string. */
export const dateTime = (): Check<string> =>
  is('date-time', (v) => typeof v === 'string' && DATE_TIME.test(v) && parses(v));

/** An RFC 3339 full-date string (`2026-03-02`). */
export const date = (): Check<string> =>
  is('date', (v) => typeof v === 'string' && DATE.test(v) && parses(v));

export const array =
  <T>(item: Check<T>): Check<T[]> =>
  (v, p = '$') => {
    if (!Array.isArray(v)) fail(p, 'array');
    (v as unknown[]).forEach((x, i) => item(x, `${p}[${i}]`));
    return v as T[];
  };

/** An object with at least these keys; extra keys are allowed and kept. */
export const object =
  <S extends Shape>(shape: S): Check<ObjectOf<S>> =>
  (v, p = '$') => {
    if (!isObject(v)) fail(p, 'object');
    for (const k in shape) shape[k]!((v as Record<string, unknown>)[k], `${p}.${k}`);
    return v as ObjectOf<S>;
  };

// A record key is response data: it appears in a path only when it looks like an identifier or a
// date, never when it could be free text or an e-mail address.
const SAFE_KEY = /^[\w-]{1,40}$/;

/** An object used as a map: every value passes `item`. */
export const record =
  <T>(item: Check<T>): Check<Record<string, T>> =>
  (v, p = '$') => {
    if (!isObject(v)) fail(p, 'object');
    for (const [k, x] of Object.entries(v as object)) item(x, p + (SAFE_KEY.test(k) ? `.${k}` : '[…]'));
    return v as Record<string, T>;
  };

/** `undefined` or `item`; inside {@link object} the key becomes optional. */
export const optional = <T>(item: Check<T>): Optional<T> =>
  Object.assign((v: unknown, p?: string) => (v === undefined ? undefined : item(v, p)), {
    optional: true as const,
  });

export const nullable =
  <T>(item: Check<T>): Check<T | null> =>
  (v, p) =>
    v === null ? null : item(v, p);

/** The first of `members` that accepts the value. */
export const union =
  <const C extends readonly Check<unknown>[]>(...members: C): Check<Infer<C[number]>> =>
  (v, p = '$') => {
    for (const m of members) {
      try {
        return m(v, p) as Infer<C[number]>;
      } catch (e) {
        if (!(e instanceof CheckError)) throw e;
      }
    }
    return fail(p, 'a union member');
  };
