/**
 * An incremental parser of `text/event-stream` (HTML Living Standard, "Interpreting an event
 * stream"). Feed it decoded text in chunks of any size; it splits lines on CRLF, LF or CR (also when
 * a CR and its LF arrive in different chunks) and dispatches events on blank lines.
 */

/** One dispatched server-sent event. */
export interface SseEvent {
  /** The `event:` field, `message` when absent. */
  type: string;
  /** The `data:` lines joined with LF. */
  data: string;
  /** The last event id in force when the event was dispatched ('' when none was ever set). */
  id: string;
}

export interface SseHandlers {
  onEvent(event: SseEvent): void;
  /** A valid `retry:` field (milliseconds). */
  onRetry?(ms: number): void;
  /** A comment line (`:` …); servers send these as heartbeats. */
  onComment?(text: string): void;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export class SseParser {
  /**
   * The stream's "last event ID string": updated on every dispatch, kept across events that carry
   * no `id:` field. Seed it with the id a previous connection ended on (as browsers' EventSource
   * does on reconnect), so events without an `id:` on a resumed stream do not forget it.
   */
  lastEventId: string;

  private pending = '';
  private skipLeadingLF = false;
  private data = '';
  private type = '';
  private idBuffer: string;

  constructor(
    private readonly handlers: SseHandlers,
    lastEventId = '',
  ) {
    this.lastEventId = lastEventId;
    this.idBuffer = lastEventId;
  }

  /** Feeds decoded text. A byte-order mark must already be stripped (TextDecoder does that). */
  feed(text: string): void {
    if (this.skipLeadingLF && text.length > 0) {
      if (text.startsWith('\n')) text = text.slice(1);
      this.skipLeadingLF = false;
    }
    const buffer = this.pending + text;
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let match = LINE_BREAK.exec(buffer); match; match = LINE_BREAK.exec(buffer)) {
      const end = match.index;
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (match[0] === '\r' && end === buffer.length - 1) this.skipLeadingLF = true;
      this.line(buffer.slice(start, end));
      start = LINE_BREAK.lastIndex;
    }
    this.pending = buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.handlers.onComment?.(line.slice(1));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.handlers.onRetry?.(Number.parseInt(value, 10));
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    this.lastEventId = this.idBuffer;
    if (this.data === '') {
      this.type = '';
      return;
    }
    const event: SseEvent = {
      type: this.type || 'message',
      data: this.data.slice(0, -1),
      id: this.lastEventId,
    };
    this.data = '';
    this.type = '';
    this.handlers.onEvent(event);
  }
}

/**
 * Reads a `text/event-stream` body to its end, decoding UTF-8 across chunk boundaries, and feeds
 * `parser`. `onChunk` runs after every chunk (a sign of life). Aborting `signal` cancels the body
 * and ends the read quietly. An incomplete last event is discarded, as the standard says.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  options: { signal?: AbortSignal; onChunk?: () => void } = {},
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const cancel = (): void => {
    reader.cancel().catch(() => undefined);
  };
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || options.signal?.aborted) return;
      parser.feed(decoder.decode(value, { stream: true }));
      options.onChunk?.();
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
