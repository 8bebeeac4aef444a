import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, $$, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function conversation(mock: MockWorker) {
  const c = [...mock.api.state.chat.conversations.values()].at(-1);
  if (!c) throw new Error('no conversation');
  return c;
}

describe('<civic-chat> ending, transcript, a new conversation and long histories', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('ends the conversation, keeps the transcript, and a new conversation starts clean (storage too)', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    el.panel!.sendText('Danke, das war alles.');
    await waitUntil(() => $$(el, '.msg--citizen:not(.msg--pending)').length === 1, 'sent');
    const first = conversation(mock);
    $(el, 'button.end')!.click();
    const restart = await shows(el, 'button.restart');
    expect(first.status).to.equal('ended');
    expect(first.endedBy).to.equal('citizen');
    await waitUntil(() => el.shadowRoot!.activeElement === restart, 'focus on "new conversation"');
    await waitUntil(() => $$(el, 'p.event').length === 1, 'ended notice from the stream');
    expect(text($(el, 'p.event'))).to.equal('Das Gespräch wurde beendet.');
    expect($(el, '#civic-chat-input')).to.equal(null);
    await expectAccessible(el, { state: 'button.restart' });

    restart.click();
    await shows(el, '.consent-form');
    expect(sessionStorage.length, 'the old conversation is forgotten').to.equal(0);
    expect(($(el, '#civic-chat-consent') as HTMLInputElement).checked).to.equal(false);
    const started = oneEvent(el, 'civic-chat-started');
    await start(el);
    const { detail } = await started;
    expect(detail.conversationId).to.not.equal(first.id);
    expect($$(el, '.msg--citizen')).to.deep.equal([]);
    expect($$(el, '.msg').length).to.equal(1); // only the new greeting
  });

  it('downloads the transcript as a text file with the conversation in it', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    el.panel!.sendText('Wo finde ich das Bürgerbüro?');
    await waitUntil(() => $$(el, '.msg--citizen:not(.msg--pending)').length === 1, 'sent');
    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      $(el, 'button.transcript')!.click();
      await waitUntil(() => names.length === 1, 'download started');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names[0]).to.match(/^chat-\d{4}-\d{2}-\d{2}\.txt$/);
    const body = await blobs[0]!.text();
    expect(body).to.contain('Sie:\nWo finde ich das Bürgerbüro?');
    expect(body).to.contain('Stadtbot:');
  });

  it('shows the latest 50 messages first; "show earlier" loads 50 more and keeps the reading position', async () => {
    const first = await chat({ mode: 'inline' });
    await start(first.el);
    first.el.remove();
    const c = conversation(mock);
    for (let i = 1; i <= 120; i++) {
      mock.api.state.chat.post(c, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: `Nachricht ${i}`, attachments: [], suggestions: [] });
    }
    const { el } = await chat({ mode: 'inline' });
    await waitUntil(() => $$(el, '.msg').length === 50, 'latest 50');
    expect(text($$(el, '.msg .text')[0]!)).to.equal('Nachricht 71');
    const log = $(el, '.scroller')!;
    log.scrollTop = 0;
    const anchor = $$(el, '.msg')[0]!;
    const before = anchor.getBoundingClientRect().top;
    $(el, 'button.earlier')!.click();
    await waitUntil(() => $$(el, '.msg').length === 100, '50 earlier');
    expect(text(anchor.querySelector('.text')), 'the same message node').to.equal('Nachricht 71');
    expect(Math.abs(anchor.getBoundingClientRect().top - before), 'reading position').to.be.below(2);
    expect(text($$(el, '.msg .text')[0]!)).to.equal('Nachricht 21');
    $(el, 'button.earlier')!.click();
    await waitUntil(() => $$(el, '.msg').length === 121, 'all');
    expect($(el, 'button.earlier')).to.equal(null);
    const seqs = $$(el, '.log [data-seq]').map((m) => Number(m.dataset.seq));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
  });
});
