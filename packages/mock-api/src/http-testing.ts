/**
 * Test helpers: send requests straight through a mock API's msw handlers (msw's `getResponse`, no
 * service worker, no network) and read Server-Sent Event streams event by event.
 */
import { getResponse, type RequestHandler } from 'msw';

export interface ParsedEvent {
  event: string;
  id?: string;
  data: unknown;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  /** Sent as `X-Staff-Key`. */
  staffKey?: string;
  /** Sent as `Idempotency-Key`; `true` makes a fresh one. */
  key?: string | true;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON (also problem+json), else undefined. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

let counter = 0;
export const freshKey = () => `test-key-${Date.now().toString(36)}-${++counter}`;

/** Reads a `text/event-stream` body one event at a time. */
export class EventReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private done = false;
  /** Every raw chunk of text seen (comments and `retry:` included). */
  raw = '';

  constructor(readonly response: Response) {
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
  }

  /** The next event, or undefined once the stream has ended. */
  async next(): Promise<ParsedEvent | undefined> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const e = parseFrame(frame);
        if (e) return e;
        continue;
      }
      if (this.done) return undefined;
      const { value, done } = await this.reader.read();
      if (done) {
        this.done = true;
        continue;
      }
      const text = this.decoder.decode(value, { stream: true });
      this.raw += text;
      this.buffer += text;
    }
  }

  async take(n: number): Promise<ParsedEvent[]> {
    const out: ParsedEvent[] = [];
    while (out.length < n) {
      const e = await this.next();
      if (!e) break;
      out.push(e);
    }
    return out;
  }

  /** Resolves true when the stream ends without another event. */
  async ended(): Promise<boolean> {
    return (await this.next()) === undefined;
  }

  close(): Promise<void> {
    return this.reader.cancel().catch(() => {});
  }
}

function parseFrame(frame: string): ParsedEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':') || line.startsWith('retry:')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (!data.length) return undefined;
  const text = data.join('\n');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text (fault tests look at it)
  }
  return { event, ...(id !== undefined && { id }), data: parsed };
}

/** A client that talks to msw handlers in-process. */
export class TestClient {
  constructor(
    private readonly handlers: () => readonly RequestHandler[],
    readonly origin = 'http://mock.test',
  ) {}

  build(method: string, path: string, o: CallOptions = {}): Request {
    const headers: Record<string, string> = { ...o.headers };
    let body: BodyInit | undefined;
    if (o.body instanceof FormData) body = o.body;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['Content-Type'] ??= 'application/json';
    }
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.staffKey) headers['X-Staff-Key'] = o.staffKey;
    if (o.key) headers['Idempotency-Key'] = o.key === true ? freshKey() : o.key;
    return new Request(new URL(path, this.origin), { method, headers, body });
  }

  async raw(request: Request): Promise<Response> {
    const res = await getResponse([...this.handlers()], request);
    if (!res) throw new Error(`no handler answered ${request.method} ${request.url}`);
    return res;
  }

  async call(method: string, path: string, o: CallOptions = {}): Promise<CallResult> {
    const res = await this.raw(this.build(method, path, o));
    const text = await res.text();
    let json: unknown;
    if (/json/i.test(res.headers.get('Content-Type') ?? '')) json = JSON.parse(text);
    return { status: res.status, headers: res.headers, json, text };
  }

  get = (path: string, o?: CallOptions) => this.call('GET', path, o);
  post = (path: string, o?: CallOptions) => this.call('POST', path, o);
  patch = (path: string, o?: CallOptions) => this.call('PATCH', path, o);
  put = (path: string, o?: CallOptions) => this.call('PUT', path, o);
  delete = (path: string, o?: CallOptions) => this.call('DELETE', path, o);

  /** Opens an event stream (the status is checked by the caller through `reader.response`). */
  async stream(path: string, o: CallOptions & { lastEventId?: string } = {}): Promise<EventReader> {
    const headers = { Accept: 'text/event-stream', ...o.headers, ...(o.lastEventId !== undefined && { 'Last-Event-ID': o.lastEventId }) };
    const res = await this.raw(this.build('GET', path, { ...o, headers }));
    return new EventReader(res);
  }
}
