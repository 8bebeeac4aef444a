import { expect } from '@open-wc/testing';
import { SseParser, readEventStream, type SseEvent } from './sse-parser.js';

interface Parsed {
  events: SseEvent[];
  retries: number[];
  comments: string[];
  lastEventId: string;
}

const encoder = new TextEncoder();

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function parseBytes(chunks: Uint8Array[], lastEventId = ''): Promise<Parsed> {
  const parsed: Parsed = { events: [], retries: [], comments: [], lastEventId: '' };
  const parser = new SseParser(
    {
      onEvent: (e) => parsed.events.push(e),
      onRetry: (ms) => parsed.retries.push(ms),
      onComment: (text) => parsed.comments.push(text),
    },
    lastEventId,
  );
  await readEventStream(streamOf(chunks), parser);
  parsed.lastEventId = parser.lastEventId;
  return parsed;
}

const parse = (...chunks: string[]): Promise<Parsed> => parseBytes(chunks.map((c) => encoder.encode(c)));

/** Every way of cutting `bytes` in two, plus one byte per chunk. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const result: Uint8Array[][] = [];
  for (let i = 1; i < bytes.length; i++) result.push([bytes.slice(0, i), bytes.slice(i)]);
  result.push(Array.from(bytes, (b) => Uint8Array.of(b)));
  return result;
}

describe('SseParser', () => {
  it('dispatches an event on a blank line with the default type "message"', async () => {
    const { events } = await parse('data: hello\n\n');
    expect(events).to.deep.equal([{ type: 'message', data: 'hello', id: '' }]);
  });

  it('joins data lines with LF and removes only one leading space from a value', async () => {
    const { events } = await parse('data:first\ndata:  second\ndata\ndata: third\n\n');
    expect(events).to.deep.equal([{ type: 'message', data: 'first\n second\n\nthird', id: '' }]);
  });

  it('follows the standard\'s examples: empty data still dispatches, the unterminated tail is discarded', async () => {
    const { events } = await parse('data\n\ndata\ndata\n\ndata:');
    expect(events.map((e) => e.data)).to.deep.equal(['', '\n']);
    const same = await parse('data:test\n\ndata: test\n\n');
    expect(same.events.map((e) => e.data)).to.deep.equal(['test', 'test']);
  });

  it('sets the type from "event:" for one event only', async () => {
    const { events } = await parse('event: called\ndata: {"ticket":"A12"}\n\ndata: plain\n\n');
    expect(events.map((e) => [e.type, e.data])).to.deep.equal([
      ['called', '{"ticket":"A12"}'],
      ['message', 'plain'],
    ]);
  });

  it('does not dispatch a block without data, and forgets its event type', async () => {
    const { events } = await parse('event: ping\n\ndata: x\n\n');
    expect(events).to.deep.equal([{ type: 'message', data: 'x', id: '' }]);
  });

  it('keeps the last event id across events that carry none', async () => {
    const { events, lastEventId } = await parse('id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n');
    expect(events.map((e) => e.id)).to.deep.equal(['7', '7', '8']);
    expect(lastEventId).to.equal('8');
  });

  it('updates the last event id from a block without data (no event)', async () => {
    const parsed = await parse('id: 41\n\n');
    expect(parsed.events).to.have.length(0);
    expect(parsed.lastEventId).to.equal('41');
  });

  it('ignores an id containing NUL and resets the id with an empty "id" field', async () => {
    const { events } = await parse('id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\nid\ndata: c\n\n');
    expect(events.map((e) => e.id)).to.deep.equal(['1', '1', '']);
  });

  it('does not commit an id before its block is dispatched', async () => {
    const parsed = await parse('id: 1\ndata: a\n\nid: 2\ndata: unfinished');
    expect(parsed.events.map((e) => e.id)).to.deep.equal(['1']);
    expect(parsed.lastEventId).to.equal('1');
  });

  it('starts from a seeded last event id (a resumed connection)', async () => {
    const parsed = await parseBytes([encoder.encode('data: after reconnect\n\n')], '99');
    expect(parsed.events[0]?.id).to.equal('99');
  });

  it('reports "retry:" only when it is all ASCII digits', async () => {
    const { retries, events } = await parse('retry: 3000\nretry: 3s\nretry: -1\nretry:\nretry: 2500\n\n');
    expect(retries).to.deep.equal([3000, 2500]);
    expect(events).to.have.length(0);
  });

  it('reports comments (heartbeats) and ignores unknown fields', async () => {
    const { comments, events } = await parse(':\n: keep-alive\nfoo: bar\ndata: x\n\n');
    expect(comments).to.deep.equal(['', ' keep-alive']);
    expect(events.map((e) => e.data)).to.deep.equal(['x']);
  });

  it('accepts CRLF, LF and CR line endings, mixed', async () => {
    const { events } = await parse('data: a\r\ndata: b\rdata: c\n\r\nid: 5\rdata: d\r\r');
    expect(events.map((e) => [e.data, e.id])).to.deep.equal([
      ['a\nb\nc', ''],
      ['d', '5'],
    ]);
  });

  it('treats a CR and LF split across chunks as one line break', async () => {
    const { events } = await parse('data: a\r', '\ndata: b\r', '\n\r', '\n');
    expect(events.map((e) => e.data)).to.deep.equal(['a\nb']);
  });

  it('treats a CR at the end of a chunk followed by other text as a line break', async () => {
    const { events } = await parse('data: a\r', 'data: b\r', '\r');
    expect(events.map((e) => e.data)).to.deep.equal(['a\nb']);
  });

  it('strips one leading byte-order mark, also when it is split across chunks', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('data: x\n\n')]);
    expect((await parseBytes([bytes])).events.map((e) => e.data)).to.deep.equal(['x']);
    expect((await parseBytes([bytes.slice(0, 2), bytes.slice(2)])).events.map((e) => e.data)).to.deep.equal(['x']);
    // A second BOM is part of the next field name ("\uFEFFdata"), an unknown field.
    const twice = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...encoder.encode('data: x\n\n')]);
    expect((await parseBytes([twice])).events).to.have.length(0);
  });

  it('gives the same events wherever the chunk boundaries fall (mid-line, mid-UTF-8, between CR and LF)', async () => {
    const text =
      '\uFEFF: hi\r\nretry: 1500\r\nid: 1\r\nevent: called\r\ndata: Grüße 🎫 A12\r\n\r\n' +
      'data: Straße\rdata: zwei\r\rid: 2\ndata: ✓\n\n';
    const bytes = encoder.encode(text);
    const whole = await parseBytes([bytes]);
    expect(whole.events).to.deep.equal([
      { type: 'called', data: 'Grüße 🎫 A12', id: '1' },
      { type: 'message', data: 'Straße\nzwei', id: '1' },
      { type: 'message', data: '✓', id: '2' },
    ]);
    expect(whole.retries).to.deep.equal([1500]);
    expect(whole.comments).to.deep.equal([' hi']);
    for (const chunks of splits(bytes)) {
      const parsed = await parseBytes(chunks);
      expect(parsed, `split into ${chunks.map((c) => c.length).join('+')} bytes`).to.deep.equal(whole);
    }
  });

  it('readEventStream cancels the body and ends quietly when its signal aborts', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: one\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const events: string[] = [];
    const abort = new AbortController();
    const parser = new SseParser({
      onEvent: (e) => {
        events.push(e.data);
        abort.abort();
      },
    });
    await readEventStream(body, parser, { signal: abort.signal });
    expect(events).to.deep.equal(['one']);
    expect(cancelled).to.equal(true);
  });

  it('readEventStream calls onChunk for every chunk and rethrows a stream error', async () => {
    let chunks = 0;
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(': a\n'));
        controller.enqueue(encoder.encode(': b\n'));
      },
      pull(controller) {
        controller.error(new TypeError('network'));
      },
    });
    let thrown: unknown;
    try {
      await readEventStream(failing, new SseParser({ onEvent: () => undefined }), { onChunk: () => chunks++ });
    } catch (error) {
      thrown = error;
    }
    expect(chunks).to.equal(2);
    expect(String(thrown)).to.contain('network');
  });
});
