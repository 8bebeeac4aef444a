import { expect, waitUntil } from '@open-wc/testing';
import { http } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, $$, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function conversation(mock: MockWorker) {
  const c = [...mock.api.state.chat.conversations.values()][0];
  if (!c) throw new Error('no conversation');
  return c;
}

describe('<civic-chat> on this device: delete, earlier messages that fail, state after a reload', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('"Delete from this device" ends the conversation and leaves nothing in storage, unsent messages included', async () => {
    const { el } = await chat();
    await el.open();
    await start(el);
    expect(sessionStorage.length, 'stored after consent').to.equal(1);
    // An unsent message waits in the outbox (the desk does not answer sends right now).
    mock.api.faults.set({ status: 500, match: 'sendMessage' });
    el.panel!.sendText('Bitte vergessen');
    await shows(el, '.msg--pending .state--failed');
    expect(sessionStorage.getItem(sessionStorage.key(0)!)).to.contain('Bitte vergessen');
    mock.api.faults.clear();

    const forget = $(el, 'button.forget')!;
    expect(text(forget)).to.equal('Auf diesem Gerät löschen');
    forget.focus();
    await sendKeys({ press: 'Enter' });
    const status = await shows(el, '.prechat [role=status]');
    expect(text(status)).to.equal('Das Gespräch ist beendet und auf diesem Gerät gelöscht.');
    expect(sessionStorage.length, 'storage empty').to.equal(0);
    expect(conversation(mock).status).to.equal('ended');
    expect(conversation(mock).endedBy).to.equal('citizen');
    expect(conversation(mock).messages.some((m) => m.text === 'Bitte vergessen'), 'the unsent message never went').to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#civic-chat-consent'), 'focus on the consent box');
    expect(($(el, '#civic-chat-consent') as HTMLInputElement).checked).to.equal(false);
    await expectAccessible(el, { state: '.prechat [role=status]' });

    // A reload finds nothing to resume: the launcher does not even load the panel.
    el.remove();
    const again = await chat();
    expect(again.el.panel).to.equal(undefined);
    expect(sessionStorage.length).to.equal(0);
  });

  it('a message still on its way when the citizen deletes does not bring the conversation back into storage', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    // The send waits at the door until the deletion is done, then goes on to the mock's handler.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered!: () => void;
    const done = new Promise<void>((resolve) => (answered = resolve));
    mock.worker.use(
      http.post('*/v1/chat/conversations/:id/messages', async () => {
        await held;
        setTimeout(answered, 50); // the client has the answer by then
      }),
    );
    el.panel!.sendText('Unterwegs');
    $(el, 'button.forget')!.click();
    await shows(el, '.prechat [role=status]');
    expect(sessionStorage.length).to.equal(0);
    release();
    await done;
    await waitUntil(() => conversation(mock).status === 'ended', 'ended at the desk');
    expect(sessionStorage.length, 'nothing written again').to.equal(0);
  });

  it('a message waiting for its retry is sent once the element is back in the page (moved)', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    mock.api.faults.set({ status: 500, match: 'sendMessage' });
    el.panel!.sendText('Nach dem Umzug');
    await shows(el, '.msg--pending .state--failed');
    mock.api.faults.clear();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => conversation(mock).messages.some((m) => m.text === 'Nach dem Umzug'), 'sent after the move');
    await waitUntil(() => !$(el, '.msg--pending'), 'shown as sent');
    await expectAccessible(el, { state: '.msg--citizen' });
  });

  it('deletes locally even when the desk cannot be reached', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    mock.api.faults.set({ status: 500, match: 'endConversation' });
    $(el, 'button.forget')!.click();
    await shows(el, '.prechat [role=status]');
    expect(sessionStorage.length).to.equal(0);
  });

  it('a failed "show earlier" says so in place with a retry; the reading position stays', async () => {
    const first = await chat({ mode: 'inline' });
    await start(first.el);
    first.el.remove();
    const c = conversation(mock);
    for (let i = 1; i <= 70; i++) {
      mock.api.state.chat.post(c, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: `Nachricht ${i}`, attachments: [], suggestions: [] });
    }
    const { el } = await chat({ mode: 'inline' });
    await waitUntil(() => $$(el, '.msg').length === 50, 'latest 50');
    const log = $(el, '.scroller')!;
    log.scrollTop = 0;
    const anchor = $$(el, '.msg')[0]!;
    const before = anchor.getBoundingClientRect().top;

    mock.api.faults.set({ status: 500, match: 'listMessages' });
    const earlier = $(el, 'button.earlier')!;
    earlier.focus();
    await sendKeys({ press: 'Enter' });
    const error = await shows(el, '#civic-chat-earlier-error');
    expect(text(error)).to.equal(
      'Frühere Nachrichten konnten nicht geladen werden. Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
    );
    expect(error.getAttribute('role')).to.equal('alert');
    const retry = $(el, 'button.earlier')!;
    expect(retry, 'the same button, focus stays').to.equal(earlier);
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    expect(text(retry)).to.equal('Frühere Nachrichten erneut laden');
    expect(retry.getAttribute('aria-describedby')).to.equal('civic-chat-earlier-error');
    expect(Math.abs(anchor.getBoundingClientRect().top - before), 'reading position kept').to.be.below(2);
    expect($$(el, '.msg').length).to.equal(50);
    await expectAccessible(el, { state: '#civic-chat-earlier-error' });

    mock.api.faults.clear();
    const top = anchor.getBoundingClientRect().top;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '.msg').length === 71, 'loaded on retry');
    expect($(el, '#civic-chat-earlier-error')).to.equal(null);
    expect(Math.abs(anchor.getBoundingClientRect().top - top), 'reading position after the retry').to.be.below(2);
  });

  it('after a reload shows again who answers, from the server’s state (also before the agent wrote anything)', async () => {
    const first = await chat({ mode: 'inline' });
    await start(first.el);
    mock.api.state.chat.join(conversation(mock), 'Frau Schmidt');
    await waitUntil(() => text($(first.el, '[part=agent]')) === 'Sie schreiben mit Frau Schmidt.', 'joined live');
    first.el.remove(); // the page is reloaded

    const { el } = await chat({ mode: 'inline' });
    await shows(el, '[role=log] .msg');
    await waitUntil(() => text($(el, '[part=agent]')) === 'Sie schreiben mit Frau Schmidt.', 'who answers, after the reload');
    await expectAccessible(el, { state: '[part=agent]' });
  });

  it('names a joined agent without a name as staff, not the bot, after a reload', async () => {
    const first = await chat({ mode: 'inline' });
    await start(first.el);
    first.el.remove();
    // The contract's agent name is optional: a desk may not show it.
    Object.assign(conversation(mock), { status: 'active', agent: {} });
    const { el } = await chat({ mode: 'inline' });
    await waitUntil(
      () => text($(el, '[part=agent]')) === 'Eine Mitarbeiterin oder ein Mitarbeiter hat das Gespräch übernommen.',
      'anonymous agent',
    );
  });
});
