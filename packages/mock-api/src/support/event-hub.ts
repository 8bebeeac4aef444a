/**
 * Server-Sent Events with ids and replay, for one channel (a case, a conversation, a queue).
 * Subscribers get a `ReadableStream` of `text/event-stream` bytes; a subscriber that passes a
 * `Last-Event-ID` first receives every kept event after that id. `dropAll()` closes every open
 * stream (fault injection: "the stream dropped").
 */
export interface HubEvent {
  id: number;
  event: string;
  data: unknown;
}

const encoder = new TextEncoder();

export function formatEvent(e: HubEvent): string {
  const data = JSON.stringify(e.data).split('\n').map((line) => `data: ${line}`).join('\n');
  return `id: ${e.id}\nevent: ${e.event}\n${data}\n\n`;
}

export class EventHub {
  private readonly events: HubEvent[] = [];
  private readonly subscribers = new Set<ReadableStreamDefaultController<Uint8Array>>();
  private lastId = 0;

  /** @param keep How many past events are kept for replay. */
  constructor(private readonly keep = 1000) {}

  get latestId(): number {
    return this.lastId;
  }

  /** Publishes an event to every open stream; `id` defaults to the next sequence number. */
  publish(event: string, data: unknown, id = this.lastId + 1): HubEvent {
    this.lastId = Math.max(this.lastId, id);
    const e: HubEvent = { id, event, data };
    this.events.push(e);
    if (this.events.length > this.keep) this.events.shift();
    const bytes = encoder.encode(formatEvent(e));
    for (const controller of this.subscribers) {
      try {
        controller.enqueue(bytes);
      } catch {
        this.subscribers.delete(controller);
      }
    }
    return e;
  }

  /** Events with an id greater than `afterId`. */
  since(afterId: number): HubEvent[] {
    return this.events.filter((e) => e.id > afterId);
  }

  /** Opens a stream; replays events after `lastEventId`, then stays open. */
  subscribe(lastEventId?: string | null, options: { retryMs?: number } = {}): ReadableStream<Uint8Array> {
    const after = lastEventId && /^\d+$/.test(lastEventId) ? Number(lastEventId) : undefined;
    let self: ReadableStreamDefaultController<Uint8Array> | undefined;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        self = controller;
        controller.enqueue(encoder.encode(`retry: ${options.retryMs ?? 2000}\n: connected\n\n`));
        if (after !== undefined) for (const e of this.since(after)) controller.enqueue(encoder.encode(formatEvent(e)));
        this.subscribers.add(controller);
      },
      cancel: () => {
        if (self) this.subscribers.delete(self);
      },
    });
  }

  /** Number of open streams. */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Closes every open stream, as a dropped connection would. */
  dropAll(): void {
    for (const controller of this.subscribers) {
      try {
        controller.close();
      } catch {
        // already closed
      }
    }
    this.subscribers.clear();
  }
}

export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' },
  });
}
