/**
 * Small building blocks the cases, chat and queues domains share: an operation table that names
 * every msw handler after its `operationId`, JSON and problem responses, bearer tokens, realtime
 * channels and Server-Sent Event streams that fault injection can drop.
 */
import { http, type HttpHandler } from 'msw';
import { isIdnEmail } from '@civic-elements/contract';
import { problem, problemResponse } from './support/problem.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One operation of `openapi.yaml` (citizen) or `staff.yaml` (staff). */
export interface Operation {
  operationId: string;
  method: Method;
  /** The path as the contract writes it, e.g. `/v1/cases/{caseId}`. */
  path: string;
  document: 'citizen' | 'staff';
  /** The msw path (base prefix + `:param` placeholders). */
  mswPath: string;
}

export interface RouteInfo {
  request: Request;
  params: Record<string, string>;
  url: URL;
}

export type Resolver = (info: RouteInfo) => Response | Promise<Response>;

/** `'*'` matches any origin and prefix; `'/api'` or `'http://host/api'` match that prefix only. */
export function mswPath(base: string, path: string): string {
  const prefix = base === '*' ? '*' : base.replace(/\/+$/, '');
  return prefix + path.replace(/\{(\w+)\}/g, ':$1');
}

const METHODS = { GET: http.get, POST: http.post, PATCH: http.patch, PUT: http.put, DELETE: http.delete } as const;

/** Path parameters that are catalogue ids (schema `Id`): malformed → 400 before any lookup (404). */
const CATALOGUE_ID_PARAMS = new Set(['serviceId', 'locationId', 'officeId']);

/** Collects msw handlers together with the operation each one implements. */
export class Routes {
  readonly operations: Operation[] = [];
  readonly handlers: HttpHandler[] = [];

  constructor(
    private readonly base: string,
    private readonly document: 'citizen' | 'staff',
  ) {}

  add(method: Method, path: string, operationId: string, resolver: Resolver): void {
    const p = mswPath(this.base, path);
    this.operations.push({ operationId, method, path, document: this.document, mswPath: p });
    this.handlers.push(
      METHODS[method](p, async ({ request, params }) => {
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(params)) if (typeof v === 'string') flat[k] = v;
        const malformed = Object.entries(flat).find(([k, v]) => CATALOGUE_ID_PARAMS.has(k) && !ID.test(v));
        if (malformed) return hardened(invalid([{ in: 'path', parameter: malformed[0], detail: 'must match the Id pattern' }]));
        return hardened(await resolver({ request, params: flat, url: new URL(request.url) }));
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Responses

/**
 * Headers every answer of a production back end carries: `X-Content-Type-Options: nosniff`, so a
 * browser never second-guesses a JSON or event-stream body. Returns the same response.
 */
export function hardened(res: Response): Response {
  try {
    if (!res.headers.has('X-Content-Type-Options')) res.headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    // Response.error() and fetched responses have immutable headers; they carry no body to sniff.
  }
  return res;
}

export interface JsonOptions {
  status?: number;
  /** Personal data: `Cache-Control: no-store`. */
  noStore?: boolean;
  lang?: string;
  headers?: Record<string, string>;
}

export function json(body: unknown, options: JsonOptions = {}): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.noStore) headers['Cache-Control'] = 'no-store';
  if (options.lang) headers['Content-Language'] = options.lang;
  return new Response(JSON.stringify(body), { status: options.status ?? 200, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function fail(status: number, code: string, detail?: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return hardened(problemResponse(problem(status, code, detail, extensions), headers));
}

export const unauthorized = (): Response =>
  fail(401, 'unauthorized', 'A valid bearer token is required.', {}, { 'WWW-Authenticate': 'Bearer' });

export const notFound = (detail = 'Not found.'): Response => fail(404, 'not_found', detail);

export function rateLimited(retryAfterSeconds: number): Response {
  return fail(429, 'rate_limited', 'Too many requests.', { retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
}

/** The token of an `Authorization: Bearer …` header. */
export function bearer(request: Request): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  return m?.[1];
}

/** Compares two secrets without an early exit (the mock mirrors what a server must do). */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

// ---------------------------------------------------------------------------------------------
// Request validation (request bodies are closed: unknown properties are 400 validation_failed)

export interface FieldError {
  /** Where the violation is (the contract's `ValidationError.in`); `body` by default. */
  in?: 'body' | 'query' | 'path' | 'header';
  /** JSON pointer of the offending member, for `in: body`. */
  pointer?: string;
  /** Name of the parameter or header, for the other places. */
  parameter?: string;
  detail: string;
}

export function invalid(errors: FieldError[] | string): Response {
  const list = (typeof errors === 'string' ? [{ detail: errors }] : errors).map((e) => ({
    in: e.in ?? 'body',
    ...(e.pointer !== undefined && { pointer: e.pointer }),
    ...(e.parameter !== undefined && { parameter: e.parameter }),
    detail: e.detail,
  }));
  const where = (e: (typeof list)[number]) => e.pointer || e.parameter;
  return fail(400, 'validation_failed', list.map((e) => (where(e) ? `${where(e)}: ${e.detail}` : e.detail)).join('; ').slice(0, 1000), { errors: list });
}

/** A `400 validation_failed` for one query parameter. */
export const invalidQuery = (parameter: string, detail: string): Response => invalid([{ in: 'query', parameter, detail }]);

/** `400 bad_request`: unparsable JSON or a wrong content type. */
export const badRequest = (detail: string): Response => fail(400, 'bad_request', detail);

/** Reads a JSON object body; `undefined` body is allowed only when `optional`. */
export async function readJson(request: Request, optional = false): Promise<Record<string, unknown> | Response> {
  const text = await request.text();
  if (!text.trim()) return optional ? {} : invalid('A JSON request body is required.');
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(request.headers.get('Content-Type') ?? '')) return badRequest('The request body must be application/json.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return badRequest('The request body is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return invalid('The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

type Rule = (value: unknown, pointer: string, errors: FieldError[]) => void;

/** A tiny closed-object checker for request bodies. */
export const v = {
  object(shape: Record<string, Rule>, required: string[] = []): Rule {
    return (value, pointer, errors) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        errors.push({ pointer, detail: 'must be an object' });
        return;
      }
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        if (!(key in shape)) errors.push({ pointer: `${pointer}/${key}`, detail: 'is not allowed' });
      }
      for (const key of required) if (obj[key] === undefined) errors.push({ pointer: `${pointer}/${key}`, detail: 'is required' });
      for (const [key, rule] of Object.entries(shape)) if (obj[key] !== undefined) rule(obj[key], `${pointer}/${key}`, errors);
    };
  },
  string(opts: { min?: number; max?: number; pattern?: RegExp; enum?: readonly string[] } = {}): Rule {
    return (value, pointer, errors) => {
      if (typeof value !== 'string') return void errors.push({ pointer, detail: 'must be a string' });
      if (opts.min !== undefined && value.length < opts.min) errors.push({ pointer, detail: `must have at least ${opts.min} characters` });
      if (opts.max !== undefined && value.length > opts.max) errors.push({ pointer, detail: `must have at most ${opts.max} characters` });
      if (opts.pattern && !opts.pattern.test(value)) errors.push({ pointer, detail: 'has an invalid format' });
      if (opts.enum && !opts.enum.includes(value)) errors.push({ pointer, detail: `must be one of ${opts.enum.join(', ')}` });
    };
  },
  /**
   * The contract's `Email` (`format: idn-email`, 3–254 characters): international addresses such
   * as `anna@müller-bäckerei.de`, their A-label form and `jörg@example.de`, checked by the
   * contract package's `isIdnEmail`, with the server's wording for a refusal.
   */
  email(): Rule {
    return (value, pointer, errors) => {
      if (typeof value !== 'string') return void errors.push({ pointer, detail: 'must be a string' });
      const length = [...value].length;
      if (length < 3) errors.push({ pointer, detail: 'must have at least 3 characters' });
      if (length > 254) errors.push({ pointer, detail: 'must have at most 254 characters' });
      if (!isIdnEmail(value)) errors.push({ pointer, detail: 'must match format "idn-email"' });
    };
  },
  integer(opts: { min?: number; max?: number } = {}): Rule {
    return (value, pointer, errors) => {
      if (typeof value !== 'number' || !Number.isInteger(value)) return void errors.push({ pointer, detail: 'must be an integer' });
      if (opts.min !== undefined && value < opts.min) errors.push({ pointer, detail: `must be at least ${opts.min}` });
      if (opts.max !== undefined && value > opts.max) errors.push({ pointer, detail: `must be at most ${opts.max}` });
    };
  },
  boolean(constant?: boolean): Rule {
    return (value, pointer, errors) => {
      if (typeof value !== 'boolean') return void errors.push({ pointer, detail: 'must be a boolean' });
      if (constant !== undefined && value !== constant) errors.push({ pointer, detail: `must be ${constant}` });
    };
  },
  nullable(rule: Rule): Rule {
    return (value, pointer, errors) => {
      if (value !== null) rule(value, pointer, errors);
    };
  },
  array(item: Rule, opts: { min?: number; max?: number; unique?: boolean } = {}): Rule {
    return (value, pointer, errors) => {
      if (!Array.isArray(value)) return void errors.push({ pointer, detail: 'must be an array' });
      if (opts.min !== undefined && value.length < opts.min) errors.push({ pointer, detail: `must have at least ${opts.min} items` });
      if (opts.max !== undefined && value.length > opts.max) errors.push({ pointer, detail: `must have at most ${opts.max} items` });
      if (opts.unique && new Set(value.map((x) => JSON.stringify(x))).size !== value.length) errors.push({ pointer, detail: 'must not repeat items' });
      value.forEach((x, i) => item(x, `${pointer}/${i}`, errors));
    };
  },
  oneOf(...rules: Rule[]): Rule {
    return (value, pointer, errors) => {
      const attempts = rules.map((r) => {
        const e: FieldError[] = [];
        r(value, pointer, e);
        return e;
      });
      if (!attempts.some((e) => e.length === 0)) errors.push(...(attempts[0] ?? []));
    };
  },
};

/** Checks `value` against a rule; returns the 400 response or undefined when valid. */
export function check(value: unknown, rule: Rule): Response | undefined {
  const errors: FieldError[] = [];
  rule(value, '', errors);
  return errors.length ? invalid(errors) : undefined;
}

/** Parses an optional integer query parameter within bounds; a Response when malformed. */
export function intQuery(url: URL, name: string, min: number, max: number): number | undefined | Response {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max) return invalidQuery(name, `must be an integer from ${min} to ${max}`);
  return Number(raw);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// ---------------------------------------------------------------------------------------------
// Realtime

/** One Server-Sent Event. Durable events have an `id`; ephemeral ones (chat typing) have none. */
export interface SseEvent {
  event: string;
  id?: number;
  data: unknown;
}

export function formatSse(e: SseEvent): string {
  const id = e.id === undefined ? '' : `id: ${e.id}\n`;
  return `event: ${e.event}\n${id}data: ${JSON.stringify(e.data)}\n\n`;
}

type Subscriber = { next: (e: SseEvent) => void; end: () => void };

/**
 * A pub/sub channel of one resource (a case, a conversation, a queue, a ticket, an office). It
 * keeps durable events for replay (chat) and ends every subscriber when the resource is closed.
 */
export class Channel {
  private readonly log: SseEvent[] = [];
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly keep = 1000) {}

  publish(e: SseEvent): void {
    if (e.id !== undefined) {
      this.log.push(e);
      if (this.log.length > this.keep) this.log.shift();
    }
    for (const s of [...this.subscribers]) s.next(e);
  }

  /** Durable events with an id greater than `afterId`. */
  since(afterId: number): SseEvent[] {
    return this.log.filter((e) => (e.id ?? 0) > afterId);
  }

  subscribe(next: (e: SseEvent) => void, end: () => void): () => void {
    const s = { next, end };
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  /** Ends every open stream of this channel (the resource is gone or finished). */
  endAll(): void {
    for (const s of [...this.subscribers]) s.end();
    this.subscribers.clear();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }
}

interface OpenStream {
  url: string;
  operationId: string;
  close(): void;
}

/** Every open event stream of one mock API, so that fault injection can drop them. */
export class StreamRegistry {
  private readonly open = new Set<OpenStream>();

  add(s: OpenStream): () => void {
    this.open.add(s);
    return () => this.open.delete(s);
  }

  /** Closes the open streams for which `which` returns true (all by default); returns how many. */
  drop(which: (s: { url: string; operationId: string }) => boolean = () => true): number {
    let n = 0;
    for (const s of [...this.open]) {
      if (which(s)) {
        s.close();
        n++;
      }
    }
    return n;
  }

  get size(): number {
    return this.open.size;
  }
}

/**
 * The event id a client resumes after: the `Last-Event-ID` header wins over `?after=`.
 * `undefined` when neither is given; a malformed value is a 400.
 */
export function resumeId(request: Request, url: URL): number | undefined | Response {
  const header = request.headers.get('Last-Event-ID');
  const raw = header !== null && header !== '' ? header : url.searchParams.get('after');
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw.trim())) return invalid([{ in: header ? 'header' : 'query', parameter: header ? 'Last-Event-ID' : 'after', detail: 'must be a non-negative integer' }]);
  return Number(raw.trim());
}

export interface StreamOptions {
  registry: StreamRegistry;
  request: Request;
  operationId: string;
  /** Sent first (snapshot or replay). */
  initial: SseEvent[];
  /** Live events; omit to send only `initial` and close (a finished resource). */
  channel?: Channel;
  /** Renders each live event for this subscriber; `'close'` ends the stream instead. */
  map?: (e: SseEvent) => SseEvent | 'close';
  /** Close the stream after sending an event for which this returns true. */
  closeAfter?: (e: SseEvent) => boolean;
  /** Interval of `: ping` comments (default 20 s; the contract asks for at most 25 s). */
  pingMs?: number;
  /** Schedules the pings (default `setInterval`); returns the cancel function. Tests inject one. */
  interval?: Interval;
  lang?: string;
}

/** Runs `fn` every `ms` until the returned function is called. */
export type Interval = (fn: () => void, ms: number) => () => void;

export const realInterval: Interval = (fn, ms) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};

const encoder = new TextEncoder();

/** A `text/event-stream` response that stays open until the client goes, the channel ends, or a fault drops it. */
export function eventStream(o: StreamOptions): Response {
  let cleanup = (): void => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        cleanup();
        closed = true;
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      send('retry: 3000\n\n');
      for (const e of o.initial) {
        send(formatSse(e));
        if (o.closeAfter?.(e)) return close();
      }
      if (!o.channel) return close();
      const unsubscribe = o.channel.subscribe(
        (raw) => {
          const e = o.map ? o.map(raw) : raw;
          if (e === 'close') return close();
          send(formatSse(e));
          if (o.closeAfter?.(e)) close();
        },
        close,
      );
      const unregister = o.registry.add({ url: o.request.url, operationId: o.operationId, close });
      const stopPing = (o.interval ?? realInterval)(() => send(': ping\n\n'), o.pingMs ?? 20_000);
      cleanup = () => {
        unsubscribe();
        unregister();
        stopPing();
      };
    },
    cancel() {
      cleanup();
    },
  });
  const headers: Record<string, string> = {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  };
  if (o.lang) headers['Content-Language'] = o.lang;
  return new Response(stream, { status: 200, headers });
}

// ---------------------------------------------------------------------------------------------
// Ids and tokens

/** A random UUID v4, also where `crypto.randomUUID` is missing (a page served over plain http). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An unguessable bearer token with a readable prefix (`cat_`, `cht_`, `tkt_`). */
export function token(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

// ---------------------------------------------------------------------------------------------
// Rate limits (fixed windows on the injected clock)

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number) {}

  /** Seconds to wait when `key` already used up `limit` in the current window; otherwise undefined. */
  blocked(key: string, limit: number, windowMs: number): number | undefined {
    const w = this.windows.get(key);
    const now = this.now();
    if (!w || now - w.start >= windowMs) return undefined;
    return w.count >= limit ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : undefined;
  }

  /** Counts one use of `key`. */
  count(key: string, windowMs: number): void {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) this.windows.set(key, { start: now, count: 1 });
    else w.count++;
  }

  clear(): void {
    this.windows.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// What the cases, chat and queues domains get besides the shared context

export interface DomainKit {
  /** Every open event stream (fault injection drops them). */
  streams: StreamRegistry;
  /** Rate limits on the context's clock; consulted only when `settings.rateLimits` is on. */
  limiter: RateLimiter;
  /** Interval of `: ping` comments on event streams. */
  pingMs?: number;
  /** Schedules the pings (tests inject one that does not wait on real time). */
  interval?: Interval;
}

/** `401 unauthorized` unless the request carries the staff key in `X-Staff-Key`. */
export function staffDenied(request: Request, staffKey: string): Response | undefined {
  if (sameSecret(request.headers.get('X-Staff-Key') ?? undefined, staffKey)) return undefined;
  return fail(401, 'unauthorized', 'Missing or wrong X-Staff-Key.');
}

// ---------------------------------------------------------------------------------------------
// Idempotency-Key (creating POSTs)

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._~-]{8,128}$/;

/** The request's Idempotency-Key, or a `400 validation_failed` when it is missing or malformed. */
export function idempotencyKey(request: Request): string | Response {
  const key = request.headers.get('Idempotency-Key');
  if (key && IDEMPOTENCY_KEY.test(key)) return key;
  return fail(400, 'validation_failed', 'A valid Idempotency-Key header is required.', {
    errors: [{ in: 'header', parameter: 'Idempotency-Key', detail: key ? 'must be 8–128 characters of [A-Za-z0-9._~-]' : 'is required' }],
  });
}

/** A creation's answer, stored for replays. Problem bodies (status ≥ 400) are sent as problem+json. */
export interface Created {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface IdempotencyRunner {
  run(scope: string, key: string, fingerprint: string, create: () => Promise<Created> | Created): Promise<Created | 'mismatch'>;
}

/**
 * Runs `create` once per (scope, key): a repeat with the same request gets the stored answer with
 * `Idempotent-Replayed: true`; the same key with another request is `422 idempotency_mismatch`.
 */
export async function idempotent(store: IdempotencyRunner, scope: string, key: string, fingerprint: string, create: () => Promise<Created> | Created): Promise<Response> {
  let ran = false;
  const result = await store.run(scope, key, fingerprint, () => {
    ran = true;
    return create();
  });
  if (result === 'mismatch') return fail(422, 'idempotency_mismatch', 'The Idempotency-Key was already used for a different request.');
  const headers: Record<string, string> = { ...result.headers };
  if (!ran) headers['Idempotent-Replayed'] = 'true';
  if (result.status >= 400) return new Response(JSON.stringify(result.body), { status: result.status, headers: { ...headers, 'Content-Type': 'application/problem+json' } });
  return json(result.body, { status: result.status, headers, noStore: true });
}
