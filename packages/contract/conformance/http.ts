/**
 * The suite's HTTP client: one request in, one fully read answer out (status, headers, text,
 * parsed JSON when the media type is JSON), with a time limit. Event streams are read for a
 * bounded number of events or time, then the connection is closed.
 */
import { SseReader, type WireEvent } from './sse.js';

export interface Call {
  method: string;
  /** Path with its parameters filled in (already encoded), e.g. `/v1/services/personalausweis`. */
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  /** JSON body (serialised with `Content-Type: application/json`). */
  json?: unknown;
  /** A body sent as is (multipart, broken JSON, …). */
  raw?: { body: string | Uint8Array; contentType: string };
  /** Bearer token for `Authorization`. */
  token?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Media type without parameters, lower case ('' when absent). */
  mediaType: string;
  text: string;
  bytes: Uint8Array;
  /** Parsed body when the media type is JSON and it parses. */
  json?: unknown;
  /** Why a JSON body did not parse. */
  jsonError?: string;
  /** Parsed events, for `text/event-stream` answers. */
  events?: WireEvent[];
  /** The stream ended (server closed) before the reader stopped. */
  streamEnded?: boolean;
  /** A non-stream body that had not ended when the reader stopped. */
  truncated?: boolean;
  /** Milliseconds from sending to the full answer (or to stopping the stream). */
  ms: number;
}

export interface StreamLimits {
  /** Stop after this many events. */
  maxEvents?: number;
  /** Stop when no event arrived for this long (ms) after the first byte. */
  idleMs?: number;
  /** Stop after this long in total (ms). */
  totalMs?: number;
  /** Stop as soon as an event satisfies this. */
  until?: (events: WireEvent[]) => boolean;
}

export class HttpError extends Error {}

export interface HttpClientOptions {
  baseUrl: string;
  /** Time limit of one request (default 10 s). */
  timeoutMs?: number;
  /** Called for every exchange (the CLI's --verbose). */
  onExchange?: (call: Call, answer: Answer) => void;
}

export class HttpClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  url(call: Call): string {
    const url = new URL(this.baseUrl + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    return url.toString();
  }

  private init(call: Call, signal: AbortSignal): RequestInit {
    const headers = new Headers();
    for (const [k, v] of Object.entries(call.headers ?? {})) if (v !== undefined) headers.set(k, v);
    if (call.token !== undefined) headers.set('Authorization', `Bearer ${call.token}`);
    let body: BodyInit | undefined;
    if (call.raw) {
      body = typeof call.raw.body === 'string' ? call.raw.body : new Blob([call.raw.body as Uint8Array<ArrayBuffer>]);
      headers.set('Content-Type', call.raw.contentType);
    } else if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers.set('Content-Type', 'application/json');
    }
    return { method: call.method, headers, body, signal, redirect: 'manual' };
  }

  /** Sends the request and reads the whole answer (event streams: see {@link stream}). */
  async send(call: Call, limits?: StreamLimits): Promise<Answer> {
    const controller = new AbortController();
    const started = performance.now();
    const timer = setTimeout(() => controller.abort(new HttpError(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.url(call), this.init(call, controller.signal));
    } catch (error) {
      clearTimeout(timer);
      throw new HttpError(`${call.method} ${call.path}: ${describe(error)}`);
    }
    const mediaType = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    try {
      if (mediaType === 'text/event-stream' && response.ok && response.body) {
        clearTimeout(timer);
        return await this.readStream(response, mediaType, controller, started, limits ?? {}, call);
      }
      // A stream request answered with something else (a finding): read what comes, briefly.
      const read = limits ? await readLimited(response, Math.min(limits.totalMs ?? 3000, 3000), 500) : await readLimited(response, this.timeoutMs);
      clearTimeout(timer);
      if (!read.complete && !limits) throw new HttpError(`${call.method} ${call.path}: the body did not end within ${this.timeoutMs} ms`);
      const bytes = read.bytes;
      const text = new TextDecoder().decode(bytes);
      const answer: Answer = { status: response.status, headers: response.headers, mediaType, text, bytes, ms: performance.now() - started, ...(!read.complete && { truncated: true }) };
      if (/[/+]json$/.test(mediaType)) {
        try {
          answer.json = JSON.parse(text);
        } catch (error) {
          answer.jsonError = describe(error);
        }
      }
      this.options.onExchange?.(call, answer);
      return answer;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  private async readStream(response: Response, mediaType: string, controller: AbortController, started: number, limits: StreamLimits, call: Call): Promise<Answer> {
    const maxEvents = limits.maxEvents ?? 5;
    const idleMs = limits.idleMs ?? 1500;
    const totalMs = limits.totalMs ?? 5000;
    const reader = response.body!.getReader();
    const sse = new SseReader();
    const events: WireEvent[] = [];
    const chunks: Uint8Array[] = [];
    let ended = false;
    const deadline = started + totalMs;
    for (;;) {
      if (events.length >= maxEvents || limits.until?.(events)) break;
      const wait = Math.min(idleMs, deadline - performance.now());
      if (wait <= 0) break;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), wait);
      });
      const next = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (next === 'timeout') break;
      if (next.done) {
        ended = true;
        break;
      }
      chunks.push(next.value);
      events.push(...sse.push(next.value));
    }
    controller.abort();
    await reader.cancel().catch(() => {});
    const bytes = concat(chunks);
    const answer: Answer = {
      status: response.status,
      headers: response.headers,
      mediaType,
      text: new TextDecoder().decode(bytes),
      bytes,
      events,
      streamEnded: ended,
      ms: performance.now() - started,
    };
    this.options.onExchange?.(call, answer);
    return answer;
  }
}

/** Reads a body; stops after `totalMs`, or after `idleMs` without data. */
async function readLimited(response: Response, totalMs: number, idleMs = totalMs): Promise<{ bytes: Uint8Array; complete: boolean }> {
  if (!response.body) return { bytes: new Uint8Array(), complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  const end = performance.now() + totalMs;
  let deadline = Math.min(end, performance.now() + idleMs);
  for (;;) {
    const wait = deadline - performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, wait));
    });
    const next = await Promise.race([reader.read(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout') {
      await reader.cancel().catch(() => {});
      return { bytes: concat(chunks), complete: false };
    }
    if (next.done) break;
    chunks.push(next.value);
    deadline = Math.min(end, performance.now() + idleMs);
  }
  return { bytes: concat(chunks), complete: true };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
