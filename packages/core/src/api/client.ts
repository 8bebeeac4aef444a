import { CheckError, type Check } from './check.js';
import { CivicApiError, type CivicApiErrorInit, type Problem } from './errors.js';
import type { CivicConfig } from '../config/config-context.js';
import type { UploadProgress } from './xhr.js';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Waits `ms`; rejects when `signal` aborts. Injected in tests so that nothing waits on real time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface ApiClientOptions {
  /** Base URL of the back end, resolved against `document.baseURI`. Requests go only to its origin. */
  apiBase?: string;
  /** Sent as `Accept-Language`. */
  lang?: string;
  /** Amtlicher Gemeindeschlüssel, sent as `X-Civic-AGS` when set. */
  ags?: string;
  fetch?: typeof fetch;
  /** Per attempt, until the whole body is read (for streams: until the headers arrive). 15000. */
  timeoutMs?: number;
  /** Automatic retries of a retryable request after the first attempt. 2. */
  retries?: number;
  /** Longest `Retry-After` waited for automatically; a longer one is surfaced instead. 60. */
  maxRetryAfterSeconds?: number;
  /** Used for backoff delays and for the timeout timer. */
  sleep?: Sleep;
  /** Jitter source, `Math.random` by default. */
  random?: () => number;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface BaseRequestOptions {
  /** Values for `{name}` placeholders in the path, URI-encoded. Keeps ids out of error messages. */
  params?: Record<string, string | number>;
  /** Query parameters; `null`/`undefined` ones are left out. Never put personal data here. */
  query?: Record<string, QueryValue>;
  /** Sent as `Authorization: Bearer <token>`, never in the URL. */
  token?: string;
  signal?: AbortSignal;
  /** Extra request headers; they win over the client's own. */
  headers?: Record<string, string>;
}

export interface RequestOptions<T> extends BaseRequestOptions {
  /** JSON body (or a FormData / Blob sent as it is). */
  body?: unknown;
  /**
   * Runtime check of the JSON response; without one the response body is ignored and the request
   * resolves with `undefined`.
   */
  check?: Check<T>;
  /**
   * `Idempotency-Key` header: `true` makes a new key reused by this request's automatic retries;
   * pass your own (see {@link newIdempotencyKey}) to make a manual retry or a double click idempotent
   * as well. Every POST that creates something carries one.
   */
  idempotencyKey?: string | true;
  /**
   * Whether repeating the request is safe. Default: GET, HEAD, OPTIONS, PUT, DELETE, or any request
   * with an Idempotency-Key. Set `true` for a POST that changes nothing (e.g. a lookup).
   */
  idempotent?: boolean;
  /** `Accept` header; `application/json, application/problem+json` by default. */
  accept?: string;
  /**
   * Lets the request outlive the page (`fetch`'s `keepalive`): for a request sent while the citizen
   * leaves (`pagehide`), e.g. releasing a held slot. The browser caps such bodies at 64 kB in all.
   */
  keepalive?: boolean;
  /**
   * Reports how much of the body has been sent (an upload's progress bar). The request then goes
   * through XMLHttpRequest — `fetch` cannot tell — with the same rules (origin, no credentials, no
   * redirects, timeout, retries, problem documents).
   */
  onUploadProgress?: UploadProgress;
}

export interface StreamOptions extends BaseRequestOptions {
  /** Sent as the `Last-Event-ID` header to resume after that event. */
  lastEventId?: string;
}

export interface DownloadOptions extends BaseRequestOptions {
  /** `Accept` header, e.g. `text/calendar`; any type by default. */
  accept?: string;
}

/** A new random Idempotency-Key (a UUID v4), also where `crypto.randomUUID` is missing (plain http). */
export function newIdempotencyKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) =>
    (x + 256).toString(16).slice(1),
  ).join('');
  // 8-4-4-4-12 hex digits with the version (4) and variant (8) digits set.
  return hex.replace(/(.{8})(.{4}).(.{3}).(.{3})/, '$1-$2-4$3-8$4-');
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into whole seconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return +value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.ceil((t - now) / 1000));
}

/** The default {@link Sleep}: a timer that an AbortSignal cancels (also one aborted already). */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    const t = setTimeout(resolve, ms);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });

const ABSOLUTE = /^[a-z][\w+.-]*:/i;
const SAFE = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;
// Not 500: a server bug usually repeats, and repeating loads a failing server (see ApiClient).
const TRANSIENT = [408, 429, 502, 503, 504];

const hasType = (res: Response, type: string) =>
  new RegExp(type, 'i').test(res.headers.get('content-type') ?? '');

/**
 * Client for the Civic Elements REST contract: the only code of the library that calls `fetch`.
 *
 * - Requests go only to the origin of `apiBase`; cookies are never sent (`credentials: 'omit'`)
 *   and redirects are refused (a redirect could lead to another origin).
 * - Retryable requests (see `idempotent`) are retried on network errors, timeouts, 408, 429, 502,
 *   503, 504 and `409 idempotency_in_progress`, with exponential backoff and jitter, or after
 *   `Retry-After` when the server sends one (up to `maxRetryAfterSeconds`). Not on 500: a server
 *   bug usually repeats, and repeating loads a failing server. Everything else fails at once with
 *   a {@link CivicApiError}.
 *
 * Works with @lit/task, whose signal aborts a run when its arguments change:
 * ```ts
 * const service = c.object({ id: c.string(), name: c.string() });
 * class MyWidget extends CivicElement {
 *   private services = new Task(this, {
 *     args: () => [this.config.apiBase, this.config.lang, this.query] as const,
 *     task: ([, , q], { signal }) =>
 *       clientFor(this).request('GET', '/v1/services', { query: { q }, check: c.array(service), signal }),
 *   });
 *   render() {
 *     return this.services.render({
 *       complete: (list) => html`…`,
 *       error: (e) => (isAbortError(e) ? nothing : html`…${(e as CivicApiError).code}…`),
 *     });
 *   }
 * }
 * ```
 */
export class ApiClient {
  // TypeScript `private`, not `#`: the npm build targets ES2021, where `#` costs a helper.
  private readonly options: ApiClientOptions;
  private readonly base?: URL;

  constructor(options: ApiClientOptions) {
    this.options = options;
    try {
      if (options.apiBase) this.base = new URL(options.apiBase, document.baseURI);
    } catch {
      // Left unset: every request rejects with `not_configured`.
    }
  }

  /** Sends a request and resolves with the checked JSON body. */
  request<T>(
    method: HttpMethod,
    path: string,
    options: RequestOptions<T> & { check: Check<T> },
  ): Promise<T>;
  /** Sends a request whose response body is not needed (e.g. DELETE). */
  request(method: HttpMethod, path: string, options?: RequestOptions<never>): Promise<void>;
  request<T>(method: HttpMethod, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const { check, idempotencyKey, body } = options;
    const key = idempotencyKey === true ? newIdempotencyKey() : idempotencyKey;
    const json = body !== undefined && !(body instanceof FormData || body instanceof Blob);
    return this.send<T>(
      method,
      path,
      {
        ...options,
        body: json ? JSON.stringify(body) : (body as BodyInit | undefined),
        headers: {
          ...(json && { 'Content-Type': 'application/json' }),
          ...(key && { 'Idempotency-Key': key }),
          ...options.headers,
        },
      },
      options.idempotent ?? (!!key || SAFE.test(method)),
      async (res, fail) => {
        if (!check) return undefined as T;
        const text = method === 'HEAD' ? '' : await res.text();
        let data: unknown;
        try {
          // A body that is not labelled JSON is parsed as '' so that it fails like invalid JSON.
          if (text) data = JSON.parse(hasType(res, 'json') ? text : '');
        } catch {
          throw fail('malformed_response');
        }
        try {
          return check(data);
        } catch (e) {
          throw fail('schema_mismatch', e instanceof CheckError ? e.message : 'check failed');
        }
      },
    );
  }

  /**
   * Opens a Server-Sent Events stream and resolves with the response once its headers arrived
   * (the caller reads and parses `body`; the caller's `signal` ends the stream). No automatic
   * retry: the caller reconnects, guided by the error's `retryable`. Rejects with a
   * {@link CivicApiError} on a non-2xx status or a response that is not `text/event-stream`
   * (`malformed_response`, also for a 204, which asks the client not to reconnect).
   */
  openStream(path: string, options: StreamOptions = {}): Promise<Response> {
    const { lastEventId } = options;
    return this.send(
      'GET',
      path,
      {
        ...options,
        accept: 'text/event-stream',
        headers: { ...(lastEventId && { 'Last-Event-ID': lastEventId }), ...options.headers },
      },
      true,
      async (res, fail) => {
        if (hasType(res, '^text/event-stream')) return res;
        throw fail('malformed_response');
      },
      true,
    );
  }

  /** Downloads a file (an ICS calendar entry, a chat transcript) as a Blob. */
  download(path: string, options: DownloadOptions = {}): Promise<Blob> {
    return this.send('GET', path, { accept: '*/*', ...options }, true, (res) => res.blob());
  }

  private async send<R>(
    method: HttpMethod,
    path: string,
    o: BaseRequestOptions & { body?: BodyInit; accept?: string; keepalive?: boolean; onUploadProgress?: UploadProgress },
    idempotent: boolean,
    read: (res: Response, fail: (code: string, detail?: string) => CivicApiError) => Promise<R>,
    stream?: boolean,
  ): Promise<R> {
    const { signal, params, query, token } = o;
    const { lang, ags, sleep = abortableSleep, timeoutMs = 15_000, retries = 2 } = this.options;
    const progress = o.onUploadProgress;
    // The XMLHttpRequest transport is its own small module, loaded only by pages that upload.
    const xhr = progress && !this.options.fetch ? (await import('./xhr.js')).xhrFetch : undefined;
    const fetcher = this.options.fetch ?? (xhr && progress ? (u: URL, init: RequestInit) => xhr(u, init, progress) : fetch);
    // Only the path template (or an absolute URL's pathname) ever appears in an error message.
    const error = (code: string, init?: Partial<CivicApiErrorInit>) =>
      new CivicApiError(code, {
        method,
        path: path.replace(/[?#].*/, '').replace(/^[\w+.-]+:\/\/[^/]*/, ''),
        ...init,
      });

    const base = this.base;
    if (!base) throw error('not_configured');
    const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params?.[k] ?? ''));
    const url = ABSOLUTE.test(filled)
      ? new URL(filled)
      : new URL(base.origin + base.pathname.replace(/\/+$/, '') + filled.replace(/^\/?/, '/'));
    if (url.origin !== base.origin) throw error('origin_refused');
    for (const [k, v] of Object.entries(query ?? {})) if (v != null) url.searchParams.set(k, `${v}`);

    const headers = new Headers({ Accept: o.accept ?? 'application/json, application/problem+json' });
    if (lang) headers.set('Accept-Language', lang);
    if (ags) headers.set('X-Civic-AGS', ags);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k, v);

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw error('aborted');
      const ctrl = new AbortController();
      const done = new AbortController();
      const cancel = () => ctrl.abort();
      let timedOut = false;
      let keep = false;
      let failure: CivicApiError;
      signal?.addEventListener('abort', cancel);
      sleep(timeoutMs, done.signal).then(
        () => {
          timedOut = true;
          cancel();
        },
        () => {},
      );
      try {
        const res = await fetcher(url, {
          method,
          headers,
          body: o.body,
          signal: ctrl.signal,
          credentials: 'omit',
          redirect: 'error',
          ...(o.keepalive && { keepalive: true }),
        });
        const { status } = res;
        if (res.ok) {
          const out = await read(res, (code, detail) => error(code, { status, detail }));
          keep = !!stream;
          return out;
        }
        let problem: Problem | undefined;
        try {
          if (hasType(res, '^application/problem\\+json')) problem = await res.json();
        } catch {
          // Not a usable problem document: the code falls back to `http_<status>`.
        }
        const code = problem?.code;
        failure = error(
          typeof code === 'string' ? code : status === 429 ? 'rate_limited' : `http_${status}`,
          {
            status,
            problem: problem instanceof Object ? problem : undefined,
            // The contract's 409 idempotency_in_progress: a repeat of this key is still running.
            retryable: idempotent && (TRANSIENT.includes(status) || code === 'idempotency_in_progress'),
            // The problem's `retryAfter` member stands in when CORS hides the header.
            retryAfterSeconds: parseRetryAfter(
              res.headers.get('retry-after') ?? `${problem?.retryAfter ?? ''}`,
            ),
          },
        );
      } catch (e) {
        if (e instanceof CivicApiError) throw e;
        const code = signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'network';
        failure = error(code, { retryable: idempotent && code !== 'aborted' });
      } finally {
        done.abort();
        // A stream's body outlives this call: the caller's signal must still be able to end it.
        if (!keep) signal?.removeEventListener('abort', cancel);
      }
      const wait = failure.retryAfterSeconds;
      if (
        !failure.retryable ||
        stream ||
        attempt >= retries ||
        (wait ?? 0) > (this.options.maxRetryAfterSeconds ?? 60)
      ) {
        throw failure;
      }
      // Exponential backoff with jitter: 250–500 ms, then 500–1000 ms, … at most 8 s.
      const d = Math.min(8000, 500 * 2 ** attempt);
      try {
        await sleep(wait === undefined ? d / 2 + ((this.options.random ?? Math.random)() * d) / 2 : wait * 1000, signal);
      } catch {
        throw error('aborted');
      }
    }
  }
}

/**
 * A client for an element's effective configuration (`CivicElement.config`: its own `api-base`,
 * `lang` and `ags` attributes, else the closest `<civic-config>`'s). The language falls back to
 * `<html lang>`; `options` override anything (e.g. the localize controller's resolved language).
 */
export function clientFor(
  element: { readonly config: CivicConfig },
  options?: Partial<ApiClientOptions>,
): ApiClient {
  const { apiBase, lang, ags } = element.config;
  return new ApiClient({
    apiBase,
    lang: lang || document.documentElement.lang || undefined,
    ags,
    ...options,
  });
}
