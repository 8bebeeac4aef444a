/**
 * Fault injection for tests, stories and the demo: one msw handler, placed first, decides per
 * request whether a fault applies. When none does it returns `undefined`, so msw falls through to
 * the real handler (no `passthrough()` involved). See the README for every switch.
 */
import { getResponse, http, matchRequestUrl, type HttpHandler, type RequestHandler } from 'msw';
import { fail, rateLimited, type Operation, type StreamRegistry } from './http-kit.js';

export interface FaultSettings {
  /** Delay every matching request by this many milliseconds before it is answered. */
  latencyMs?: number;
  /** Answer every matching request with `500 internal` or `503 unavailable` (+ `Retry-After`). */
  status?: 500 | 503;
  /** `Retry-After` seconds sent with `status: 503` (default 2). */
  retryAfterSeconds?: number;
  /** Answer every matching request with `429 rate_limited` and this `Retry-After`. */
  rateLimit?: { retryAfterSeconds: number };
  /** Run the real handler, then cut its JSON body (or each event's `data`) so it does not parse. */
  malformedJson?: boolean;
  /** Run the real handler, then return valid JSON that violates the schema (every member of the wrong type). */
  schemaBreak?: boolean;
  /**
   * `true`: close every open event stream now. A number N: close them now and refuse the next N
   * stream connections with a network error.
   */
  dropStreams?: boolean | number;
  /**
   * Apply the other switches to the next N matching requests only, then clear all faults. Alone it
   * fails the next N requests with `500 internal`.
   */
  failNext?: number;
  /** Limit the faults to requests whose operationId equals the string or whose path contains it; a RegExp is tested against both. */
  match?: string | RegExp;
}

export interface Faults {
  /** Replaces the active faults with these. */
  set(settings: FaultSettings): void;
  /** Switches every fault off. */
  clear(): void;
  /** The active faults (undefined when none). */
  readonly active: Readonly<FaultSettings> | undefined;
  /** Requests that `failNext` still affects. */
  readonly remaining: number | undefined;
  /** Stream connections still to be refused. */
  readonly refusing: number;
  /** The msw handler; must come first in the handler list. */
  readonly handler: HttpHandler;
}

export interface FaultsOptions {
  /** Every operation of the API, to recognise API requests and name their operationId. */
  operations: () => readonly Operation[];
  /** The real handlers (without this one): malformedJson and schemaBreak transform their answers. */
  handlers: () => readonly RequestHandler[];
  streams: StreamRegistry;
  /** Waits for latency; tests inject one that does not wait on real time. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function validate(s: FaultSettings): void {
  const count = (n: number | undefined, name: string) => {
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new TypeError(`faults.${name} must be a non-negative integer`);
  };
  count(s.latencyMs, 'latencyMs');
  count(s.failNext, 'failNext');
  count(s.retryAfterSeconds, 'retryAfterSeconds');
  count(s.rateLimit?.retryAfterSeconds, 'rateLimit.retryAfterSeconds');
  if (typeof s.dropStreams === 'number') count(s.dropStreams, 'dropStreams');
  if (s.status !== undefined && s.status !== 500 && s.status !== 503) throw new TypeError('faults.status must be 500 or 503');
}

function matches(m: string | RegExp | undefined, operationId: string, url: string): boolean {
  if (m === undefined) return true;
  const path = new URL(url).pathname;
  if (typeof m === 'string') return operationId === m || path.includes(m);
  const r = new RegExp(m.source, m.flags.replace(/[gy]/g, ''));
  return r.test(operationId) || r.test(path);
}

/** Valid JSON of the wrong shape: every member changes its type (so each required member is wrong). */
export function breakSchema(value: unknown): unknown {
  if (Array.isArray(value)) return { items: 'not-an-array' };
  if (!value || typeof value !== 'object') return { broken: true };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) {
    if (typeof x === 'string') out[k] = 12345;
    else if (typeof x === 'number') out[k] = 'not-a-number';
    else if (typeof x === 'boolean') out[k] = 'not-a-boolean';
    else if (x === null) out[k] = { unexpected: 'object' };
    else if (Array.isArray(x)) out[k] = 'not-an-array';
    else out[k] = ['not-an-object'];
  }
  return out;
}

/** A JSON text cut in half, which no JSON parser accepts. */
export function cutJson(text: string): string {
  return `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}\u0000`;
}

function transformData(data: string, mode: 'malformed' | 'schema'): string {
  if (mode === 'malformed') return cutJson(data);
  try {
    return JSON.stringify(breakSchema(JSON.parse(data)));
  } catch {
    return data;
  }
}

/** Rewrites the `data:` of every event of a `text/event-stream` body. */
function transformEventStream(body: ReadableStream<Uint8Array>, mode: 'malformed' | 'schema'): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  const frame = (text: string) =>
    text
      .split('\n')
      .map((line) => (line.startsWith('data:') ? `data: ${transformData(line.slice(5).trimStart(), mode)}` : line))
      .join('\n');
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          controller.enqueue(encoder.encode(`${frame(buffer.slice(0, end))}\n\n`));
          buffer = buffer.slice(end + 2);
        }
      },
      flush(controller) {
        if (buffer) controller.enqueue(encoder.encode(frame(buffer)));
      },
    }),
  );
}

async function transformResponse(res: Response, mode: 'malformed' | 'schema'): Promise<Response> {
  const type = res.headers.get('Content-Type') ?? '';
  const headers = new Headers(res.headers);
  headers.delete('Content-Length');
  if (/text\/event-stream/i.test(type) && res.body) {
    return new Response(transformEventStream(res.body, mode), { status: res.status, headers });
  }
  if (!/json/i.test(type) || res.status === 204) return res;
  const text = await res.text();
  let body: string;
  if (mode === 'malformed') body = cutJson(text);
  else {
    try {
      body = JSON.stringify(breakSchema(JSON.parse(text)));
    } catch {
      body = text;
    }
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}

export function createFaults(options: FaultsOptions): Faults {
  const sleep = options.sleep ?? realSleep;
  let active: FaultSettings | undefined;
  let remaining: number | undefined;
  let refusing = 0;

  const operationOf = (request: Request): Operation | undefined => {
    const url = new URL(request.url);
    return options.operations().find((op) => op.method === request.method && matchRequestUrl(url, op.mswPath).matches);
  };

  const isStream = (op: Operation, request: Request) =>
    /^stream/.test(op.operationId) || /text\/event-stream/i.test(request.headers.get('Accept') ?? '');

  const faults: Faults = {
    set(settings) {
      validate(settings);
      active = { ...settings };
      remaining = settings.failNext;
      refusing = typeof settings.dropStreams === 'number' ? settings.dropStreams : 0;
      if (settings.dropStreams) options.streams.drop((s) => matches(settings.match, s.operationId, s.url));
    },
    clear() {
      active = undefined;
      remaining = undefined;
      refusing = 0;
    },
    get active() {
      return active;
    },
    get remaining() {
      return remaining;
    },
    get refusing() {
      return refusing;
    },
    handler: http.all('*', async ({ request }) => {
      const f = active;
      if (!f) return undefined;
      const op = operationOf(request);
      if (!op || !matches(f.match, op.operationId, request.url)) return undefined;

      if (refusing > 0 && isStream(op, request)) {
        refusing--;
        return Response.error();
      }
      if (remaining !== undefined && remaining <= 0) return undefined;

      const failing = f.status !== undefined || f.rateLimit !== undefined || !!f.malformedJson || !!f.schemaBreak || remaining !== undefined;
      if (f.latencyMs) await sleep(f.latencyMs);
      if (!failing) return undefined;
      if (remaining !== undefined) {
        remaining--;
        if (remaining === 0 && refusing === 0) active = undefined;
      }

      if (f.rateLimit) return rateLimited(f.rateLimit.retryAfterSeconds);
      if (f.status === 503) {
        const s = f.retryAfterSeconds ?? 2;
        return fail(503, 'unavailable', 'The service is temporarily unavailable.', { retryAfter: s }, { 'Retry-After': String(s) });
      }
      if (f.status === 500 || (!f.malformedJson && !f.schemaBreak)) return fail(500, 'internal', 'An unexpected error occurred.');

      const real = await getResponse([...options.handlers()], request.clone());
      if (!real) return undefined;
      return transformResponse(real, f.malformedJson ? 'malformed' : 'schema');
    }),
  };
  return faults;
}
