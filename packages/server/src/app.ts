/**
 * The Hono application: every operation of the contract is routed, rate-limited, authenticated,
 * validated against its schemas (→ `400` problem+json, never a 5xx for bad input) and then handed
 * to its domain handler, in the contract's order of checks: 1. rate limit, 2. authentication,
 * 3. syntax and schema, 4. existence (town, resources), 5. idempotency, 6. business rules.
 */
import { Hono } from 'hono';
import { negotiateLanguage, type Seed } from '@civic-elements/contract/seed';
import { coerce, fieldErrors, type Contract, type FieldError, type OperationSpec } from './contract.js';
import type { Db } from './db.js';
import type { ServerConfig } from './config.js';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, RateLimiter, corsHeaders, fail, invalid, notFound, rateLimited, sameSecret } from './http.js';
import type { Logger } from './log.js';
import { unstorable } from './text.js';

export interface Clock {
  now(): number;
}

/** What every domain gets. */
export interface ServerContext {
  db: Db;
  seed: Seed;
  config: ServerConfig;
  clock: Clock;
  /** HMAC key of proof-of-work challenges. */
  secret: Uint8Array;
  staffKey: string;
  log: Logger;
  /** Called on shutdown (timers, listeners). */
  onClose(fn: () => void | Promise<void>): void;
  /** Set when shutdown began: new requests, and requests the closing database fails, answer 503. */
  closing?: boolean;
}

export interface RequestContext {
  op: OperationSpec;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body (undefined without one). */
  body: unknown;
  /** Raw body bytes for non-JSON operations (attachments). */
  raw?: Uint8Array;
  lang: string;
  ip: string;
  /** What `authenticate` returned. */
  auth?: unknown;
}

export interface Handler {
  /** Rate-limit bucket: uses per client IP and window. */
  limit?: { bucket: string; max: number; windowMs?: number };
  /** Bearer-token operations: the resource the token opens, or a `401` Response. Runs before validation. */
  authenticate?(rc: RequestContext): Promise<unknown> | unknown;
  handle(rc: RequestContext): Promise<Response> | Response;
}

export type Handlers = Record<string, Handler>;

const MAX_JSON_BYTES = 256 * 1024;
/** Largest non-JSON body (an attachment upload: the contract's 10 MB limit plus multipart framing). */
const MAX_RAW_BYTES = 12 * 1024 * 1024;

/**
 * The body's bytes, read at most `max` of them: undefined when there are more (also when the
 * client sent no Content-Length and streams on), so a large or endless body never fills memory.
 */
async function readCapped(request: Request, max: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The first string (or key) in a JSON value that PostgreSQL could not store: its pointer and why. */
function unstorablePointer(value: unknown, at = ''): { pointer: string; detail: string } | undefined {
  if (typeof value === 'string') {
    const detail = unstorable(value);
    return detail ? { pointer: at, detail } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePointer(value[i], `${at}/${i}`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const keyDetail = unstorable(k);
      const found = keyDetail ? { pointer: here, detail: keyDetail } : unstorablePointer(v, here);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const tooLarge = (max: number) => fail(413, 'payload_too_large', 'The request body is too large.', { maxBytes: max });

/** The answer while shutting down (new requests, and requests the closing database cut off). */
const stopping = () => fail(503, 'unavailable', 'The server is restarting. Please try again in a moment.', { retryAfter: 5 }, { 'Retry-After': '5' });

function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export interface AppOptions {
  contract: Contract;
  ctx: ServerContext;
  handlers: Handlers;
  /** Address of the client; default: the Node socket's remote address (put a trusted proxy's header here). */
  clientIp?: (request: Request) => string;
  /** Adds routes outside the contract (e.g. the development outbox page). */
  extend?: (app: Hono) => void;
}

export function createApp(o: AppOptions): Hono {
  const { contract, ctx, handlers } = o;
  // Every operation of both documents has its handler: a gap is a programming error at start-up,
  // never an answer to a citizen.
  const unhandled = contract.operations.filter((op) => !handlers[op.operationId]).map((op) => op.operationId);
  if (unhandled.length) throw new Error(`No handler for: ${unhandled.join(', ')}`);
  const app = new Hono();
  const limiter = new RateLimiter(() => ctx.clock.now());
  const languages = ctx.seed.town.languages;

  // CORS on every answer; preflights for any citizen path.
  app.use('*', async (c, next) => {
    const staffPath = c.req.path.startsWith('/staff/');
    const cors = corsHeaders(c.req.header('Origin') ?? null, ctx.config.corsOrigins, staffPath);
    if (c.req.method === 'OPTIONS') {
      const headers: Record<string, string> = { ...cors, Allow: CORS_ALLOW_METHODS };
      if ('Access-Control-Allow-Origin' in cors && c.req.header('Access-Control-Request-Method')) {
        Object.assign(headers, { 'Access-Control-Allow-Methods': CORS_ALLOW_METHODS, 'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS, 'Access-Control-Max-Age': '600' });
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = c.res.headers;
    for (const [k, v] of Object.entries(cors)) {
      // `Vary` adds to what the answer varies with already (e.g. `Accept-Encoding`).
      const before = k === 'Vary' ? headers.get('Vary') : null;
      headers.set(k, before ? `${before}, ${v}` : v);
    }
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.get('/healthz', async () => {
    if (ctx.closing) return fail(503, 'unavailable', 'The server is shutting down.', { retryAfter: 5 }, { 'Retry-After': '5' });
    try {
      await ctx.db.query('SELECT 1');
      return new Response(JSON.stringify({ status: 'ok', storage: ctx.db.kind }), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
    } catch {
      return fail(503, 'unavailable', 'The database does not answer.', { retryAfter: 5 }, { 'Retry-After': '5' });
    }
  });

  o.extend?.(app);

  const byPath = new Map<string, OperationSpec[]>();
  for (const op of contract.operations) {
    const list = byPath.get(op.path) ?? [];
    list.push(op);
    byPath.set(op.path, list);
  }

  for (const [path, ops] of byPath) {
    for (const op of ops) {
      app.on(op.method, honoPath(path), async (c) => {
        const started = performance.now();
        let response: Response;
        if (ctx.closing) return stopping();
        try {
          const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
          response = await run(op, c.req.raw, c.req.param() as Record<string, string>, incoming?.socket?.remoteAddress);
        } catch (error) {
          // A request the closing database cut off is not a server error: the client retries.
          if (ctx.closing) response = stopping();
          else {
            ctx.log.error('request_failed', { operationId: op.operationId, error: (error as { code?: string }).code ?? (error as Error).name });
            response = fail(500, 'internal', 'The server could not answer this request.');
          }
        }
        ctx.log.request({ operationId: op.operationId, status: response.status, ms: Math.round(performance.now() - started) });
        return response;
      });
    }
    const allow = [...ops.map((op) => op.method), 'OPTIONS'].join(', ');
    app.all(honoPath(path), () => fail(405, 'method_not_allowed', 'This method is not allowed here.', {}, { Allow: allow }));
  }

  app.notFound(() => notFound('No such operation.'));
  app.onError((error) => {
    ctx.log.error('unhandled', { error: (error as Error).name });
    return fail(500, 'internal', 'The server could not answer this request.');
  });

  async function run(op: OperationSpec, request: Request, rawParams: Record<string, string>, remote: string | undefined): Promise<Response> {
    const handler = handlers[op.operationId]!;
    const url = new URL(request.url);
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawParams)) {
      try {
        params[k] = decodeURIComponent(v);
      } catch {
        params[k] = v;
      }
    }
    const rc: RequestContext = {
      op,
      request,
      url,
      params,
      body: undefined,
      lang: negotiateLanguage(request.headers.get('Accept-Language'), languages),
      ip: o.clientIp?.(request) ?? remote ?? 'unknown',
    };

    // 1. Rate limit.
    if (handler.limit && ctx.config.settings.rateLimits) {
      const wait = limiter.hit(`${handler.limit.bucket}:${rc.ip}`, handler.limit.max, handler.limit.windowMs ?? 60_000);
      if (wait !== undefined) return rateLimited(wait);
    }
    // 2. Authentication.
    if (op.document === 'staff' && !sameSecret(request.headers.get('X-Staff-Key') ?? undefined, ctx.staffKey)) {
      return fail(401, 'unauthorized', 'Missing or wrong X-Staff-Key.');
    }
    if (handler.authenticate) {
      const auth = await handler.authenticate(rc);
      if (auth instanceof Response) return auth;
      rc.auth = auth;
    }
    // 3. Syntax and schema.
    const errors: FieldError[] = [];
    for (const p of op.parameters) {
      if (p.in === 'header' && p.name.toLowerCase() === 'accept-language') continue; // any value falls back to de
      let raw: string | null | undefined;
      if (p.in === 'path') raw = params[p.name];
      else if (p.in === 'query') raw = url.searchParams.get(p.name);
      else raw = request.headers.get(p.name);
      if (raw === null || raw === undefined) {
        if (p.required) errors.push({ in: p.in, parameter: p.name, detail: 'is required' });
        continue;
      }
      if (raw.includes('\0')) {
        errors.push({ in: p.in, parameter: p.name, detail: 'must not contain NUL characters' });
        continue;
      }
      if (p.validate && !p.validate(coerce(raw, p.type))) errors.push(...fieldErrors(p.validate.errors, p.in, p.name).map((e) => ({ ...e, parameter: p.name })));
    }
    if (op.body) {
      const length = Number(request.headers.get('Content-Length') ?? '0');
      if (op.body.json) {
        if (length > MAX_JSON_BYTES) return tooLarge(MAX_JSON_BYTES);
        const bytes = await readCapped(request, MAX_JSON_BYTES);
        if (!bytes) return tooLarge(MAX_JSON_BYTES);
        const text = new TextDecoder().decode(bytes);
        if (!text.trim()) {
          if (op.body.required) errors.push({ in: 'body', pointer: '', detail: 'A JSON request body is required.' });
        } else {
          if (!/^application\/([\w.+-]+\+)?json\b/i.test(request.headers.get('Content-Type') ?? '')) return fail(400, 'bad_request', 'The request body must be application/json.');
          try {
            rc.body = JSON.parse(text);
          } catch {
            return fail(400, 'bad_request', 'The request body is not valid JSON.');
          }
          const bad = unstorablePointer(rc.body);
          if (bad !== undefined) errors.push({ in: 'body', pointer: bad.pointer, detail: bad.detail });
          else if (op.body.validate && !op.body.validate(rc.body)) errors.push(...fieldErrors(op.body.validate.errors, 'body'));
        }
      } else {
        if (length > MAX_RAW_BYTES) return tooLarge(MAX_RAW_BYTES);
        const bytes = await readCapped(request, MAX_RAW_BYTES);
        if (!bytes) return tooLarge(MAX_RAW_BYTES);
        rc.raw = bytes;
      }
    }
    if (errors.length) return invalid(errors);
    // 4. Existence: the town (a back end serving one town answers 404 for another AGS).
    const ags = request.headers.get('X-Civic-AGS');
    if (ags !== null && ags !== ctx.seed.town.ags) return notFound('This back end does not serve that town.');
    return handler.handle(rc);
  }

  return app;
}
