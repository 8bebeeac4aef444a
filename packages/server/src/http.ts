/** Responses: JSON, RFC 9457 problems with the contract's `code`, CORS as `openapi.yaml` describes it. */
import type { FieldError } from './contract.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  [extension: string]: unknown;
}

export function problem(status: number, code: string, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  return { type: `urn:civic:problem:${code}`, title: TITLES[status] ?? 'Error', status, code, ...(detail ? { detail } : {}), ...extensions };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), { status: p.status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers } });
}

export function fail(status: number, code: string, detail?: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return problemResponse(problem(status, code, detail, extensions), headers);
}

export function invalid(errors: FieldError[]): Response {
  const where = (e: FieldError) => e.pointer || e.parameter;
  const detail = errors.map((e) => (where(e) ? `${where(e)}: ${e.detail}` : e.detail)).join('; ').slice(0, 1000);
  return fail(400, 'validation_failed', detail || 'The request is invalid.', { errors });
}

export const invalidQuery = (parameter: string, detail: string): Response => invalid([{ in: 'query', parameter, detail }]);
export const invalidBody = (pointer: string, detail: string): Response => invalid([{ in: 'body', pointer, detail }]);

export const unauthorized = (): Response => fail(401, 'unauthorized', 'A valid bearer token is required.', {}, { 'WWW-Authenticate': 'Bearer' });
export const notFound = (detail = 'Not found.'): Response => fail(404, 'not_found', detail);
export const rateLimited = (seconds: number): Response => fail(429, 'rate_limited', 'Too many requests.', { retryAfter: seconds }, { 'Retry-After': String(seconds) });

export interface JsonOptions {
  status?: number;
  /** Personal data: `Cache-Control: no-store`. */
  noStore?: boolean;
  lang?: string;
  headers?: Record<string, string>;
}

export function json(body: unknown, o: JsonOptions = {}): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...o.headers };
  headers['Cache-Control'] = o.noStore ? 'no-store' : (headers['Cache-Control'] ?? 'no-cache');
  if (o.lang) headers['Content-Language'] = o.lang;
  return new Response(JSON.stringify(body), { status: o.status ?? 200, headers });
}

export const noContent = (): Response => new Response(null, { status: 204 });

/**
 * Whether an `Accept-Encoding` header (RFC 9110 §12.5.3) lets the answer be gzip-compressed:
 * `gzip` (or `x-gzip`, else `*`) with a weight above 0, and at least the weight of `identity`
 * (1 unless the header names it, or excludes it by `*;q=0`). No header: no.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false;
  // Browsers send the same header with every request: the last answer is remembered.
  if (header === lastAcceptEncoding.header) return lastAcceptEncoding.gzip;
  const gzip = readAcceptEncoding(header);
  lastAcceptEncoding = { header, gzip };
  return gzip;
}
let lastAcceptEncoding = { header: '', gzip: false };

function readAcceptEncoding(header: string): boolean {
  let gzip: number | undefined;
  let identity: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      if (m) q = Number(m[1]);
      else if (/^\s*q\s*=/i.test(param)) q = 0; // an unreadable weight: not acceptable
    }
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Math.max(gzip ?? 0, q);
    else if (coding === 'identity') identity = q;
    else if (coding === '*') any = q;
  }
  const g = gzip ?? any ?? 0;
  const i = identity ?? (any === 0 ? 0 : 1);
  return g > 0 && g >= i;
}

/** The token of `Authorization: Bearer …`. */
export function bearer(request: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
}

/** Compares two secrets without an early exit. */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export const CORS_ALLOW_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
export const CORS_ALLOW_HEADERS = 'Accept, Accept-Language, Authorization, Content-Type, Idempotency-Key, Last-Event-ID, X-Civic-AGS';
export const CORS_EXPOSE_HEADERS = 'Content-Language, Content-Disposition, Idempotent-Replayed, Location, Retry-After';

/** CORS headers for a response to `origin` (none for staff paths: staff endpoints are never exposed to browsers). */
export function corsHeaders(origin: string | null, allowed: readonly string[] | '*', staffPath: boolean): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (!origin || staffPath) return headers;
  if (allowed === '*') headers['Access-Control-Allow-Origin'] = '*';
  else if (allowed.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  else return headers;
  headers['Access-Control-Expose-Headers'] = CORS_EXPOSE_HEADERS;
  return headers;
}

/** A random unguessable token with a readable prefix. */
export function token(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => alphabet[b % 62]).join('');
}

/** Fixed-window rate limits per key (per process). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly now: () => number) {}

  /** Seconds to wait when `key` used up `limit` in its current window (without counting a use). */
  blocked(key: string, limit: number, windowMs: number): number | undefined {
    const w = this.windows.get(key);
    const now = this.now();
    if (!w || now - w.start >= windowMs || w.count < limit) return undefined;
    return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
  }

  /** Counts one use of `key`; returns the seconds to wait when the window is used up. */
  hit(key: string, limit: number, windowMs: number): number | undefined {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return undefined;
    }
    if (w.count >= limit) return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    w.count++;
    return undefined;
  }
}
