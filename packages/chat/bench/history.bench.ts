// Long-history benchmark of <civic-chat>: a conversation with 1,000 messages. Prints, with a baseline
// measured in the same run (a bare Lit element rendering the same messages from memory, the floor
// any Lit log pays): the time to show the latest 50 after a reload (history request through the
// mock included), each "show earlier" page of 50 up to all 1,000, appending one message with 1,000
// loaded (also against the baseline plus the forced layout the widget pays to keep the newest
// message in view), and the JS heap and DOM nodes of 1,000 loaded messages. Asserts only that the figures
// are real (all messages shown, in order), nothing about speed.
//   WTR_FILES=packages/chat/bench/history.bench.ts npx web-test-runner --config packages/chat/bench/web-test-runner.config.mjs --port 8498
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { startMockWorker } from '@civic-elements/mock-api/browser';
import { TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import type { Message } from '@civic-elements/contract';
import type { CivicChat } from '../src/civic-chat/civic-chat.component.js';
import '../src/civic-chat/civic-chat.js';
import { turns } from '../src/testing/clock.js';

const TOTAL = 1000;
const ROUNDS = 7;

const mock = await startMockWorker({ now: Date.parse('2026-12-01T10:00:00+01:00'), settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });

/** The floor: a bare Lit element with a keyed list of the same messages (author, time, text). */
class BaselineLog extends LitElement {
  static override properties = { items: { attribute: false } };
  items: Message[] = [];
  override render() {
    return html`<div role="log">
      ${repeat(
        this.items,
        (m) => m.seq,
        (m) => html`<div><p><span>${m.author.name ?? m.author.kind}</span> <time>${m.createdAt}</time></p><p>${m.text}</p></div>`,
      )}
    </div>`;
  }
}
customElements.define('bench-baseline-log', BaselineLog);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

/** Waits (in macrotask turns, so the time is not rounded to a timer) until `done()`. */
async function until(done: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > 30_000) throw new Error(`bench: ${what} not reached`);
    await turns(1);
  }
}

async function heap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await turns(2);
  }
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
}

const nodes = (root: ParentNode) => root.querySelectorAll('*').length;

function chatElement(): CivicChat {
  const el = document.createElement('civic-chat');
  el.setAttribute('api-base', '/api');
  el.setAttribute('mode', 'inline');
  el.setAttribute('lang', 'de');
  document.body.append(el);
  return el;
}

const messages = (el: CivicChat) => el.shadowRoot!.querySelectorAll('.msg').length;

it(`a conversation with ${TOTAL} messages: latest 50, "show earlier", append, memory`, async () => {
  // A conversation (consent given through the widget), then 1,000 messages on the server.
  const first = chatElement();
  await until(() => !!first.shadowRoot!.querySelector('#civic-chat-consent'), 'pre-chat');
  first.shadowRoot!.querySelector<HTMLInputElement>('#civic-chat-consent')!.click();
  await first.updateComplete;
  first.shadowRoot!.querySelector<HTMLButtonElement>('.consent-form button[type=submit]')!.click();
  await until(() => messages(first) > 0, 'greeting');
  first.remove();
  const c = [...mock.api.state.chat.conversations.values()][0]!;
  for (let i = messages(first); c.messages.length < TOTAL; i++) {
    const agent = i % 2 === 0;
    mock.api.state.chat.post(c, {
      author: agent ? { kind: 'agent', name: 'Frau Schmidt' } : { kind: 'citizen' },
      text: `Nachricht ${i}: ${'Für die Anmeldung brauchen Sie den Ausweis und die Wohnungsgeberbestätigung. '.repeat(1 + (i % 3))}`,
      attachments: [],
      suggestions: [],
    });
  }
  const all = c.messages.slice();
  if (all.length !== TOTAL) throw new Error(`bench: ${all.length} messages on the server`);

  // Baseline, same run: render the latest 50, prepend pages of 50 up to 1,000, append one.
  const baseHeapBefore = await heap();
  const base = document.createElement('bench-baseline-log') as BaselineLog;
  document.body.append(base);
  const baseLatest: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    base.items = all.slice(-50);
    await base.updateComplete;
    baseLatest.push(performance.now() - t);
    base.items = [];
    await base.updateComplete;
  }
  base.items = all.slice(-50);
  await base.updateComplete;
  const basePages: number[] = [];
  for (let n = 100; n <= TOTAL; n += 50) {
    const t = performance.now();
    base.items = all.slice(-n);
    await base.updateComplete;
    basePages.push(performance.now() - t);
  }
  const baseAppend: number[] = [];
  for (let r = 0; r < 21; r++) {
    const extra = { ...all[0]!, seq: 100_000 + r, text: `Noch eine ${r}` };
    const t = performance.now();
    base.items = [...base.items, extra];
    await base.updateComplete;
    baseAppend.push(performance.now() - t);
  }
  // The same, plus the synchronous layout the widget forces to keep the newest message in view
  // (it reads the scroller's height after each update): the fair floor for the widget's figure.
  const baseAppendLayout: number[] = [];
  for (let r = 0; r < 21; r++) {
    const extra = { ...all[0]!, seq: 150_000 + r, text: `Noch eine mit Layout ${r}` };
    const t = performance.now();
    base.items = [...base.items, extra];
    await base.updateComplete;
    void base.offsetHeight;
    baseAppendLayout.push(performance.now() - t);
  }
  base.items = all;
  await base.updateComplete;
  const baseHeap = (await heap()) - baseHeapBefore;
  const baseNodes = nodes(base.shadowRoot!);
  base.remove();

  // The widget: reload (resume from this tab's storage) until the latest 50 show.
  const latest: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const el = chatElement();
    await until(() => messages(el) === 50, 'latest 50');
    latest.push(performance.now() - t);
    el.remove();
  }

  const heapBefore = await heap();
  const el = chatElement();
  await until(() => messages(el) === 50, 'latest 50');
  const pages: number[] = [];
  while (el.shadowRoot!.querySelector('button.earlier')) {
    const count = messages(el);
    const t = performance.now();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.earlier')!.click();
    await until(() => messages(el) === Math.min(TOTAL, count + 50), 'earlier page');
    await el.updateComplete;
    pages.push(performance.now() - t);
  }
  const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.msg')].map((m) => Number(m.dataset.seq));
  if (shown.length !== TOTAL || shown.some((s, i) => i > 0 && s <= shown[i - 1]!)) throw new Error('bench: not all 1,000 messages in order');

  // Append one with 1,000 loaded: the render alone (as the stream hands it over), and end to end
  // (posted on the server, delivered by the event stream, rendered).
  const session = el.panel!.session!;
  const append: number[] = [];
  for (let r = 0; r < 21; r++) {
    const m: Message = { ...all[all.length - 1]!, id: crypto.randomUUID(), seq: 200_000 + r, text: `Direkt ${r}` };
    const t = performance.now();
    session.addMessage(m, true);
    await el.updateComplete;
    append.push(performance.now() - t);
  }
  const endToEnd: number[] = [];
  for (let r = 0; r < 11; r++) {
    const count = messages(el);
    const t = performance.now();
    mock.api.state.chat.post(c, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: `Live ${r}`, attachments: [], suggestions: [] });
    await until(() => messages(el) === count + 1, 'streamed message');
    endToEnd.push(performance.now() - t);
  }
  const widgetHeap = (await heap()) - heapBefore;
  const widgetNodes = nodes(el.shadowRoot!);
  el.remove();

  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const lines = [
    `chat, a conversation with ${TOTAL} messages (median of ${ROUNDS} reloads, 19 pages, 21 appends; baseline = bare Lit keyed list of the same messages, same run):`,
    `  latest 50 after a reload (history request through the mock included): median ${ms(median(latest))}; baseline render of 50 ${ms(median(baseLatest))}`,
    `  "show earlier" (50 more, request included): median ${ms(median(pages))}, first ${ms(pages[0]!)}, last (950 → 1000) ${ms(pages[pages.length - 1]!)}; baseline median ${ms(median(basePages))}, last ${ms(basePages[basePages.length - 1]!)}`,
    `  append one with 1,000+ loaded: render median ${ms(median(append))} (baseline ${ms(median(baseAppend))}, ${ratio(median(append), median(baseAppend))}; baseline with a forced layout ${ms(median(baseAppendLayout))}, ${ratio(median(append), median(baseAppendLayout))}); end to end via the event stream median ${ms(median(endToEnd))}`,
    `  memory with 1,000 loaded: JS heap +${mb(widgetHeap)} (baseline +${mb(baseHeap)}), DOM elements ${widgetNodes} (baseline ${baseNodes})`,
  ];
  console.log(lines.join('\n'));
});
