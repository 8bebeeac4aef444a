/**
 * A small `text/event-stream` reader for the suite. Unlike a browser's EventSource it keeps what
 * the wire said about each event — whether the event carried its own `id:` line, the raw `data`
 * text and whether that parsed as JSON — because the contract makes claims about exactly that
 * (ephemeral chat `typing` events carry no id; every `data` is one line of JSON).
 */

export interface WireEvent {
  /** `event:` field, `message` when absent. */
  event: string;
  /** The event's own `id:` field (undefined when the event had none). */
  id?: string;
  /** The raw `data` lines joined with LF. */
  dataText: string;
  /** Number of `data:` lines (the contract sends exactly one). */
  dataLines: number;
  /** Parsed `data` (undefined when it is not JSON; see `dataError`). */
  data?: unknown;
  dataError?: string;
}

export class SseReader {
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private lines: string[] = [];
  private bomChecked = false;
  /** Comment lines seen (`: ping`). */
  comments: string[] = [];
  /** `retry:` values seen. */
  retries: number[] = [];

  /** Feeds bytes; returns the events completed by them. */
  push(chunk: Uint8Array | string): WireEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (!this.bomChecked && text.length > 0) {
      this.bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buffer += text;
    const out: WireEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      // A lone CR at the end may be the first half of CRLF: wait for more.
      if (!m || (m[0] === '\r' && m.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      if (line === '') {
        const e = this.dispatch();
        if (e) out.push(e);
      } else this.lines.push(line);
    }
    return out;
  }

  private dispatch(): WireEvent | undefined {
    const lines = this.lines;
    this.lines = [];
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of lines) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) this.retries.push(Number(value));
    }
    if (data.length === 0) return undefined;
    const dataText = data.join('\n');
    const e: WireEvent = { event, dataText, dataLines: data.length, ...(id !== undefined && { id }) };
    try {
      e.data = JSON.parse(dataText);
    } catch (error) {
      e.dataError = error instanceof Error ? error.message : String(error);
    }
    return e;
  }
}

/** Parses a complete stream text (tests, reports). */
export function parseEventStream(text: string): WireEvent[] {
  const r = new SseReader();
  return r.push(text.endsWith('\n') ? text : `${text}\n`);
}
