import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, $$, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';
import { accessibleName } from '../testing/name.js';

interface AxNode { role: string; name: string; children: AxNode[] }

// The default buffer (250 entries) fills up with the test page's modules.
performance.setResourceTimingBufferSize(100_000);

const panelLoaded = () =>
  performance.getEntriesByType('resource').some((e) => /chat\/src\/(panel|locales\/(de|en)\.ts)/.test(e.name));

describe('<civic-chat> launcher', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  // Must stay the first test of this file: it checks what the page has loaded so far.
  it('renders a small button and loads neither the panel nor its strings before the first click', async () => {
    const { el } = await chat();
    const button = $(el, 'button.launcher')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Chat mit dem Bürgeramt');
    expect(accessibleName(button)).to.equal('Chat mit dem Bürgeramt');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.panel).to.equal(undefined);
    expect(panelLoaded()).to.equal(false);
    expect(sessionStorage.length).to.equal(0);
    expect(mock.api.state.chat.conversations.size).to.equal(0);
    await expectAccessible(el, { state: 'button.launcher' });
  });

  it('opens on click: loads the panel, fires civic-chat-open and moves focus into the panel', async () => {
    const { el } = await chat();
    const opened = oneEvent(el, 'civic-chat-open');
    $(el, 'button.launcher')!.click();
    await opened;
    const consent = await shows(el, '#civic-chat-consent');
    await waitUntil(() => el.shadowRoot!.activeElement === consent, 'focus on the first input');
    expect(panelLoaded()).to.equal(true);
    expect($(el, 'button.launcher')!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[role=dialog]')!.getAttribute('aria-labelledby')).to.equal('civic-chat-title');
    await expectAccessible(el, { state: '#civic-chat-title' });
  });

  it('closes on Escape, fires civic-chat-close and returns focus to the launcher', async () => {
    const { el } = await chat();
    await el.open();
    await shows(el, '#civic-chat-consent');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'civic-chat-consent', 'focus in the panel');
    const closed = oneEvent(el, 'civic-chat-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect($(el, '#civic-chat-frame')!.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.launcher'));
    expect($(el, 'button.launcher')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('open(), close() and toggle() work from script; the close button closes too', async () => {
    const { el } = await chat();
    const events: string[] = [];
    el.addEventListener('civic-chat-open', () => events.push('open'));
    el.addEventListener('civic-chat-close', () => events.push('close'));
    await el.toggle();
    expect(el.isOpen).to.equal(true);
    await el.toggle();
    expect(el.isOpen).to.equal(false);
    await el.open();
    await el.open();
    (await shows(el, 'button.close')).click();
    await waitUntil(() => !el.isOpen, 'closed by the close button');
    await el.close();
    expect(events).to.deep.equal(['open', 'close', 'open', 'close']);
  });

  it('mode="inline" shows the panel in the page without a launcher; Escape does not hide it', async () => {
    const { el } = await chat({ mode: 'inline' });
    await shows(el, '#civic-chat-consent');
    expect($(el, 'button.launcher')).to.equal(null);
    expect($(el, 'section.panel')!.getAttribute('role')).to.equal('region');
    $(el, '#civic-chat-consent')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '#civic-chat-frame')!.hidden).to.equal(false);
    expect(el.isOpen).to.equal(true);
    await expectAccessible(el, { state: '#civic-chat-title' });
  });

  it('counts messages that arrive while closed on the badge, announces them and clears the count on opening', async () => {
    const { el } = await chat();
    await el.open();
    await start(el);
    const id = [...mock.api.state.chat.conversations.keys()][0]!;
    const conversation = mock.api.state.chat.conversations.get(id)!;
    await el.close();
    const arrived = oneEvent(el, 'civic-chat-message');
    mock.api.state.chat.post(conversation, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: 'Guten Tag!', attachments: [], suggestions: [] });
    const event = await arrived;
    expect(event.detail).to.deep.equal({ direction: 'in' });
    await el.updateComplete;
    expect($(el, '[part=badge]')!.textContent).to.equal('1');
    // The launcher's own live region (the panel, loaded and hidden, has its own).
    expect($(el, '.base > [role=status]')!.textContent).to.equal('1 neue Nachricht');
    // The badge's digit is hidden from screen readers; no space before the comma.
    expect(accessibleName($(el, 'button.launcher')!)).to.equal('Chat mit dem Bürgeramt, 1 neue Nachricht');
    await expectAccessible(el, { state: '[part=badge]' });
    await el.open();
    await el.updateComplete;
    expect($(el, '[part=badge]')).to.equal(null);
    expect($$(el, '.msg--agent').map((m) => m.querySelector('.text')!.textContent)).to.deep.equal(['Guten Tag!']);
  });

  it('names the launcher with the unread count after a comma, without a space before it (German and English, singular and plural)', async () => {
    const { el } = await chat();
    const button = $(el, 'button.launcher')!;
    el.unread = 2;
    await el.updateComplete;
    expect(accessibleName(button)).to.equal('Chat mit dem Bürgeramt, 2 neue Nachrichten');
    // Chromium's own accessibility tree, what a screen reader reads: it puts a space between an
    // inline and a visually hidden (absolutely positioned) span, which axe's computation does not.
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    const names: string[] = [];
    findAccessibilityNode(tree, (node) => (node.role === 'button' && names.push(node.name), false));
    expect(names).to.include('Chat mit dem Bürgeramt, 2 neue Nachrichten');
    el.setAttribute('lang', 'en');
    await waitUntil(() => accessibleName(button).startsWith('Chat with'), 'English');
    expect(accessibleName(button)).to.equal('Chat with the citizens’ office, 2 new messages');
    el.unread = 1;
    await el.updateComplete;
    expect(accessibleName(button)).to.equal('Chat with the citizens’ office, 1 new message');
    el.unread = 0;
    await el.updateComplete;
    expect(accessibleName(button)).to.equal('Chat with the citizens’ office');
    await expectAccessible(el, { state: 'button.launcher' });
  });
});
