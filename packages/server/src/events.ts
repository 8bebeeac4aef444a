/**
 * Realtime: changes are announced with NOTIFY on one channel (`civic_events`, payload
 * `{"c": <resource channel>, "id": <revision or seq>}`), so every server process sharing the
 * database hears every change (PGlite delivers its notifications in process). A stream re-reads
 * the resource when it hears its channel, so payloads stay small and nothing is lost to the
 * 8000-byte NOTIFY limit. `eventStream` writes Server-Sent Events with ids, `: ping` keep-alives,
 * and ends when told to or when the server shuts down (graceful drain).
 */
import type { Db } from './db.js';

export interface SseEvent {
  event: string;
  id?: number;
  data: unknown;
}

export function formatSse(e: SseEvent): string {
  return `event: ${e.event}\n${e.id === undefined ? '' : `id: ${e.id}\n`}data: ${JSON.stringify(e.data)}\n\n`;
}

type Listener = (id: number) => void;

const CHANNEL = 'civic_events';

export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly open = new Set<() => void>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANNEL, (payload) => {
      let message: { c?: unknown; id?: unknown };
      try {
        message = JSON.parse(payload) as { c?: unknown; id?: unknown };
      } catch {
        return;
      }
      if (typeof message.c !== 'string') return;
      for (const fn of [...(this.listeners.get(message.c) ?? [])]) fn(Number(message.id ?? 0));
    });
  }

  /** Announces a change of `channel` to every process (call after the change committed). */
  async publish(channel: string, id: number): Promise<void> {
    await this.db.notify(CHANNEL, JSON.stringify({ c: channel, id }));
  }

  subscribe(channel: string, fn: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.listeners.delete(channel);
    };
  }

  /** Number of open event streams in this process. */
  get streams(): number {
    return this.open.size;
  }

  /** Ends every open stream (shutdown), then stops listening. */
  async close(): Promise<void> {
    for (const end of [...this.open]) end();
    await this.unlisten?.();
  }

  /**
   * A `text/event-stream` response: `initial` first, then whatever `next` renders each time the
   * channel changes (`undefined` = nothing to send, `'close'` = end the stream).
   */
  stream(o: {
    channel: string;
    initial: SseEvent[];
    next?: (id: number) => Promise<SseEvent[] | 'close'>;
    lang?: string;
    pingMs?: number;
  }): Response {
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        let closed = false;
        const send = (text: string) => {
          if (!closed) controller.enqueue(encoder.encode(text));
        };
        const end = () => {
          if (closed) return;
          closed = true;
          cleanup();
          try {
            controller.close();
          } catch {
            // the client already went away
          }
        };
        send('retry: 3000\n\n');
        for (const e of o.initial) send(formatSse(e));
        if (!o.next) return end();
        // Changes are rendered one after another, in order.
        let chain = Promise.resolve();
        const unsubscribe = this.subscribe(o.channel, (id) => {
          chain = chain.then(async () => {
            if (closed) return;
            try {
              const events = await o.next!(id);
              if (events === 'close') return end();
              for (const e of events) send(formatSse(e));
            } catch {
              end();
            }
          });
        });
        const ping = setInterval(() => send(': ping\n\n'), o.pingMs ?? 20_000);
        this.open.add(end);
        cleanup = () => {
          unsubscribe();
          clearInterval(ping);
          this.open.delete(end);
        };
      },
      cancel: () => cleanup(),
    });
    const headers: Record<string, string> = { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' };
    if (o.lang) headers['Content-Language'] = o.lang;
    return new Response(body, { status: 200, headers });
  }
}

/** The id a client resumes after (`Last-Event-ID` wins over `?after=`); validated by the schema already. */
export function resumeId(request: Request, url: URL): number | undefined {
  const header = request.headers.get('Last-Event-ID');
  const raw = header !== null && header !== '' ? header : url.searchParams.get('after');
  return raw === null || raw === '' || !/^\d{1,15}$/.test(raw.trim()) ? undefined : Number(raw.trim());
}
