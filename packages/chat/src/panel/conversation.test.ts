import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import type { CivicChat } from '../civic-chat/civic-chat.component.js';
import { $, $$, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const texts = (el: CivicChat, selector: string) => $$(el, selector).map((m) => m.querySelector('.text')?.textContent ?? '');

function conversation(mock: MockWorker) {
  const c = [...mock.api.state.chat.conversations.values()][0];
  if (!c) throw new Error('no conversation');
  return c;
}

const agentSays = (mock: MockWorker, text: string, name = 'Frau Schmidt') =>
  mock.api.state.chat.post(conversation(mock), { author: { kind: 'agent', name }, text, attachments: [], suggestions: [] });

describe('<civic-chat> conversation', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('works by keyboard alone: open, consent, start, write with Shift+Enter for a new line, send with Enter', async () => {
    const { el } = await chat();
    $(el, 'button.launcher')!.focus();
    await sendKeys({ press: 'Enter' });
    const consent = await shows(el, '#civic-chat-consent');
    await waitUntil(() => el.shadowRoot!.activeElement === consent, 'focus on consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.consent-form button[type=submit]'));
    await sendKeys({ press: 'Enter' });
    const input = await shows(el, '#civic-chat-input');
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'opening the conversation moves focus to the input');
    await sendKeys({ type: 'Hallo' });
    await waitUntil(() => conversation(mock).citizenTyping?.active === true, 'the desk sees the citizen typing');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Zeile zwei' });
    const sent = oneEvent(el, 'civic-chat-message');
    await sendKeys({ press: 'Enter' });
    expect((await sent).detail).to.deep.equal({ direction: 'out' });
    await waitUntil(() => texts(el, '.msg--citizen').includes('Hallo\nZeile zwei'), 'sent message shown');
    expect((input as HTMLTextAreaElement).value).to.equal('');
    // The desk saw the citizen typing, and "stopped" once the message went out.
    await waitUntil(() => conversation(mock).citizenTyping?.active === false, 'typing false after sending');
    expect(conversation(mock).messages.filter((m) => m.author.kind === 'citizen').map((m) => m.text)).to.deep.equal(['Hallo\nZeile zwei']);
    await waitUntil(() => $$(el, '.msg--bot').length === 2, 'the bot answers');
    expect(text($(el, '.msg--citizen .state'))).to.equal('Gesendet');
    expect(parseFloat(getComputedStyle(input).fontSize)).to.be.at.least(16);
    expect($(el, '[role=log]')).to.not.equal(null);
    await expectAccessible(el, { state: '[role=log]' });
  });

  it('shows a message as sending, then sent, in server order', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    mock.api.faults.set({ latencyMs: 300, match: 'sendMessage' });
    el.panel!.sendText('Eins');
    await el.updateComplete;
    expect(text($(el, '.msg--pending .state'))).to.equal('Wird gesendet …');
    await waitUntil(() => $(el, '.msg--pending') === null, 'sent');
    mock.api.faults.clear();
    await waitUntil(() => $$(el, '.msg--bot').length === 2, 'bot answer');
    const seqs = $$(el, '.log [data-seq]').map((m) => Number(m.dataset.seq));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    expect(seqs.length).to.equal(3);
  });

  it('marks a failed message, retries it with backoff on its own, and the citizen can retry at once', async () => {
    const { el, clock } = await chat({ mode: 'inline' });
    await start(el);
    mock.api.faults.set({ status: 500, failNext: 2, match: 'sendMessage' });
    el.panel!.sendText('Hallo?');
    const failed = await shows(el, '.msg--pending .state--failed');
    expect(text(failed)).to.equal('Nicht gesendet. Wird automatisch erneut versucht. Erneut senden');
    await expectAccessible(el, { state: '.state--failed' });
    // The automatic retry after 1 s (equal jitter with random 0.5: 750 ms) fails again (second fault).
    await clock.advance(750);
    await waitUntil(() => el.panel!.session!.outbox[0]?.attempts === 2, 'second attempt');
    expect(mock.api.faults.active, 'both faults used').to.equal(undefined);
    $(el, '.msg--pending .retry')!.click();
    await waitUntil(() => $(el, '.msg--pending') === null, 'sent after retry');
    expect(conversation(mock).messages.filter((m) => m.text === 'Hallo?').length).to.equal(1);
  });

  it('stops retrying what the server refuses for good (conversation ended) and says so', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    el.panel!.realtime.stop();
    mock.api.state.chat.end(conversation(mock), 'agent');
    el.panel!.sendText('Noch da?');
    const failed = await shows(el, '.msg--pending .state--failed');
    expect(text(failed)).to.equal('Nicht gesendet. Erneut senden');
    expect(el.panel!.session!.outbox[0]!.stopped).to.equal(true);
  });

  it('shows the typing indicator for 5 seconds or until that author writes, the agent’s name and the hand-off', async () => {
    const { el, clock } = await chat({ mode: 'inline' });
    await start(el);
    expect(text($(el, '[part=agent]'))).to.equal('Sie schreiben mit dem Stadtbot. Eine Person übernimmt, sobald jemand frei ist.');
    mock.api.state.chat.join(conversation(mock), 'Frau Schmidt');
    await waitUntil(() => $$(el, '.event').length === 1, 'hand-off notice');
    expect(text($(el, '.event'))).to.equal('Frau Schmidt hat das Gespräch übernommen.');
    expect(text($(el, '[part=agent]'))).to.equal('Sie schreiben mit Frau Schmidt.');

    mock.api.state.chat.typing(conversation(mock), { kind: 'agent', name: 'Frau Schmidt' }, true);
    const typing = await shows(el, '[part=typing]');
    expect(text(typing)).to.equal('Frau Schmidt schreibt …');
    await expectAccessible(el, { state: '[part=typing]' });
    await clock.advance(4000);
    const timer = () => (el.panel as unknown as { typing?: { timer: unknown } }).typing?.timer;
    const first = timer();
    mock.api.state.chat.typing(conversation(mock), { kind: 'agent', name: 'Frau Schmidt' }, true);
    await waitUntil(() => timer() !== first, 'the repeat arrived');
    await clock.advance(4000);
    expect($(el, '[part=typing]')).to.not.equal(null);
    await clock.advance(1000);
    await waitUntil(() => $(el, '[part=typing]') === null, 'typing lapses after 5 s without a repeat');

    mock.api.state.chat.typing(conversation(mock), { kind: 'agent', name: 'Frau Schmidt' }, true);
    await shows(el, '[part=typing]');
    agentSays(mock, 'Wie kann ich helfen?');
    await waitUntil(() => $(el, '[part=typing]') === null, 'a message from that author hides it');
    expect($$(el, '.msg--agent .author').map(text)).to.deep.equal(['Frau Schmidt']);
  });

  it('renders the messages again in the new language when lang changes (messages are cached per language)', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    el.panel!.sendText('Hallo');
    await waitUntil(() => $(el, '.msg--citizen:not(.msg--pending)'), 'sent');
    expect(text($(el, '.msg--citizen .author'))).to.equal('Sie');
    el.setAttribute('lang', 'en');
    await waitUntil(() => text($(el, '.msg--citizen .author')) === 'You', 'English author');
    expect(text($(el, '.msg--citizen .state'))).to.equal('Sent');
  });

  it('offers the bot’s suggestions as quick replies; choosing one sends it', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    const buttons = $$(el, '[part=suggestions] button');
    expect(buttons.map(text)).to.deep.equal(['Termin buchen', 'Welche Unterlagen brauche ich?', 'Mit einer Person sprechen']);
    expect($(el, '[part=suggestions]')!.getAttribute('aria-label')).to.equal('Antwortvorschläge');
    buttons[0]!.click();
    await waitUntil(() => texts(el, '.msg--citizen').includes('Termin buchen'), 'quick reply sent');
    await waitUntil(() => $$(el, '.msg--bot').length === 2, 'bot answers');
    // Only the latest message's suggestions are offered; an agent message removes them.
    agentSays(mock, 'Ich übernehme.');
    await waitUntil(() => $(el, '[part=suggestions]') === null, 'suggestions gone');
  });
});
