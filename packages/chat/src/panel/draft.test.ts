import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import type { CivicChat } from '../civic-chat/civic-chat.component.js';
import { $, $$, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';
import { turns } from '../testing/clock.js';
import { choose, png } from '../testing/files.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function conversation(mock: MockWorker) {
  const c = [...mock.api.state.chat.conversations.values()][0];
  if (!c) throw new Error('no conversation');
  return c;
}

/** The one stored conversation record of this tab (parsed), or undefined. */
function stored(): Record<string, unknown> | undefined {
  const key = sessionStorage.key(0);
  return key ? (JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown>) : undefined;
}

const box = (el: CivicChat) => $<HTMLTextAreaElement>(el, '#civic-chat-input')!;

/** The page is reloaded: the element goes, a new one reads the same sessionStorage. */
async function reload(el: CivicChat): Promise<CivicChat> {
  el.remove();
  const again = await chat({ mode: 'inline' });
  await shows(again.el, '#civic-chat-input');
  return again.el;
}

describe('<civic-chat> what the citizen typed or attached survives a reload', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('keeps the text in the message box across a reload; sending it clears it from storage', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    box(el).focus();
    await sendKeys({ type: 'Ich brauche einen' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'neuen Ausweis' });
    expect(stored()?.draft, 'stored while typing, without waiting').to.equal('Ich brauche einen\nneuen Ausweis');

    const again = await reload(el);
    expect(box(again).value).to.equal('Ich brauche einen\nneuen Ausweis');
    await expectAccessible(again, { state: '#civic-chat-input' });

    box(again).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => conversation(mock).messages.some((m) => m.text === 'Ich brauche einen\nneuen Ausweis'), 'sent');
    expect(box(again).value).to.equal('');
    expect(stored()?.draft).to.equal('');
    // A quick reply or an agent's message does not touch the box.
    box(again).focus();
    await sendKeys({ type: 'Noch etwas' });
    again.panel!.sendText('Termin');
    await again.updateComplete;
    expect(box(again).value).to.equal('Noch etwas');
    expect(stored()?.draft).to.equal('Noch etwas');
    await waitUntil(() => again.panel!.session!.outbox.length === 0, 'quick reply sent');
    expect(stored()?.draft).to.equal('Noch etwas');
  });

  it('lists uploaded files again after a reload (metadata only), removable, and sends them with the next message', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    choose(el, png('Meldebescheinigung.png'), png('Pass.png'));
    await waitUntil(() => $$(el, '.upload--done').length === 2, 'uploaded');
    const onServer = [...conversation(mock).attachments.values()];
    expect(stored()?.attachments, 'what the server answered, no bytes').to.deep.equal(
      ['Meldebescheinigung.png', 'Pass.png'].map((name) => {
        const a = onServer.find((x) => x.name === name)!;
        return { id: a.id, name, type: 'image/png', size: 16 };
      }),
    );

    const again = await reload(el);
    await waitUntil(() => $$(again, '.upload--done').length === 2, 'listed again');
    expect($$(again, '.upload').map(text)).to.deep.equal([
      'Meldebescheinigung.png (1 kB) Hochgeladen Entfernen',
      'Pass.png (1 kB) Hochgeladen Entfernen',
    ]);
    await expectAccessible(again, { state: '.uploads' });

    // Removable as before: by keyboard, and storage follows.
    $(again, '.upload:last-child .remove')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(again, '.upload').length === 1, 'removed');
    expect((stored()?.attachments as { name: string }[]).map((a) => a.name)).to.deep.equal(['Meldebescheinigung.png']);

    box(again).focus();
    await sendKeys({ type: 'Hier die Bescheinigung' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(again, '.msg--citizen:not(.msg--pending) button.download'), 'sent with the file');
    const sent = conversation(mock).messages.filter((m) => m.author.kind === 'citizen');
    expect(sent.map((m) => [m.text, m.attachments.map((a) => a.name)])).to.deep.equal([['Hier die Bescheinigung', ['Meldebescheinigung.png']]]);
    expect($(again, '.uploads')).to.equal(null);
    expect(stored()).to.include({ draft: '' });
    expect(stored()?.attachments).to.deep.equal([]);
    expect(stored()?.outbox).to.deep.equal([]);
  });

  it('does not list a file that was still uploading at the reload (the browser no longer has it)', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    const { http, HttpResponse } = await import('msw');
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    mock.worker.use(http.post('*/v1/chat/conversations/:id/attachments', async () => (await held, HttpResponse.error()), { once: true }));
    choose(el, png('Halb.png'));
    await shows(el, '.upload--uploading');
    expect(stored()?.attachments).to.deep.equal([]);

    const again = await reload(el);
    await waitUntil(() => again.panel!.files, 'attachments loaded');
    await again.updateComplete;
    expect($(again, '.uploads')).to.equal(null);
    answer();
    await turns(8);
    expect(stored()?.attachments).to.deep.equal([]);
  });

  it('stores nothing before consent: there is no message box yet, and ticking the box alone keeps storage empty', async () => {
    const { el } = await chat({ mode: 'inline' });
    const consent = await shows(el, '#civic-chat-consent');
    expect($(el, '#civic-chat-input')).to.equal(null);
    consent.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect((consent as HTMLInputElement).checked).to.equal(true);
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
  });

  it('"Delete from this device" removes the draft and the files with the conversation', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    choose(el, png('Ausweis.png'));
    await shows(el, '.upload--done');
    box(el).focus();
    await sendKeys({ type: 'Bitte löschen' });
    expect(stored()).to.include({ draft: 'Bitte löschen' });
    $(el, 'button.forget')!.focus();
    await sendKeys({ press: 'Enter' });
    await shows(el, '.prechat [role=status]');
    expect(sessionStorage.length).to.equal(0);
    await expectAccessible(el, { state: '.prechat [role=status]' });

    // The next conversation starts with an empty box and no files.
    await start(el);
    await waitUntil(() => el.panel!.files, 'attachments loaded');
    await el.updateComplete;
    expect(box(el).value).to.equal('');
    expect($(el, '.uploads')).to.equal(null);
    expect(stored()).to.include({ draft: '' });
    expect(stored()?.attachments).to.deep.equal([]);
  });

  it('ending the conversation removes the draft and the files from storage; a new conversation starts empty', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    choose(el, png('Ausweis.png'));
    await shows(el, '.upload--done');
    box(el).focus();
    await sendKeys({ type: 'Doch nicht' });
    $(el, 'button.end')!.focus();
    await sendKeys({ press: 'Enter' });
    // The desk's "ended" event may show the restart button first; focus moves there once the end was answered.
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'button.restart'), 'ended, focus on restart');
    expect(conversation(mock).status).to.equal('ended');
    expect(stored()).to.include({ draft: '' });
    expect(stored()?.attachments).to.deep.equal([]);
    await expectAccessible(el, { state: 'button.restart' });

    // After a reload the ended conversation offers no box and lists no file.
    el.remove();
    const { el: again } = await chat({ mode: 'inline' });
    await shows(again, 'button.restart');
    expect($(again, '#civic-chat-input')).to.equal(null);
    expect($(again, '.uploads')).to.equal(null);

    $(again, 'button.restart')!.click();
    await start(again);
    expect(box(again).value).to.equal('');
    expect(stored()).to.include({ draft: '' });
  });

  it('the desk ending the conversation removes the draft and the files from storage at once; an upload finishing afterwards stays out', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    choose(el, png('Ausweis.png'));
    await shows(el, '.upload--done');
    const { http, HttpResponse } = await import('msw');
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    mock.worker.use(
      http.post(
        '*/v1/chat/conversations/:id/attachments',
        async () => (await held, HttpResponse.json({ id: 'spaet-1', name: 'Spät.png', type: 'image/png', size: 16 }, { status: 201 })),
        { once: true },
      ),
    );
    choose(el, png('Spät.png'));
    await shows(el, '.upload--uploading');
    box(el).focus();
    await sendKeys({ type: 'Noch eine Frage' });
    expect(stored()).to.include({ draft: 'Noch eine Frage' });
    expect((stored()?.attachments as { name: string }[]).map((a) => a.name)).to.deep.equal(['Ausweis.png']);

    mock.api.state.chat.end(conversation(mock), 'agent');
    await shows(el, 'button.restart');
    expect(stored()).to.include({ draft: '' });
    expect(stored()?.attachments).to.deep.equal([]);
    answer();
    await turns(8);
    expect(stored()?.attachments, 'the late upload is not kept').to.deep.equal([]);
    await expectAccessible(el, { state: 'button.restart' });

    // After a reload: no box, no files.
    el.remove();
    const { el: again } = await chat({ mode: 'inline' });
    await shows(again, 'button.restart');
    await waitUntil(() => again.panel!.files, 'attachments loaded');
    await again.updateComplete;
    expect($(again, '#civic-chat-input')).to.equal(null);
    expect($(again, '.uploads')).to.equal(null);
  });

  it('a conversation the desk ended while the page was away loses its draft and files when the reload finds it ended', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    choose(el, png('Ausweis.png'));
    await shows(el, '.upload--done');
    box(el).focus();
    await sendKeys({ type: 'Halb geschrieben' });
    el.remove();
    mock.api.state.chat.end(conversation(mock), 'agent');
    expect(stored()).to.include({ draft: 'Halb geschrieben' });

    const { el: again } = await chat({ mode: 'inline' });
    await shows(again, 'button.restart');
    await waitUntil(() => stored()?.draft === '', 'draft removed');
    expect(stored()?.attachments).to.deep.equal([]);
    expect(stored()?.id, 'the conversation itself stays (transcript, restart)').to.equal(conversation(mock).id);
  });

  it('a message refused because the desk ended the conversation (409) removes the draft and the files from storage', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    choose(el, png('Ausweis.png'));
    await shows(el, '.upload--done');
    box(el).focus();
    await sendKeys({ type: 'Entwurf' });
    // No event stream: the refused send is the first the widget learns of the end.
    el.panel!.realtime.stop();
    mock.api.state.chat.end(conversation(mock), 'agent');
    el.panel!.sendText('Noch da?');
    await shows(el, '.msg--pending .state--failed');
    expect(el.panel!.session!.ended).to.equal(true);
    expect(stored()).to.include({ draft: '' });
    expect(stored()?.attachments).to.deep.equal([]);
  });

  it('ignores a malformed draft or file list (wrong types, missing fields, unknown keys) and still resumes', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    el.remove();
    const key = sessionStorage.key(0)!;
    const record = JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown>;
    const broken: Record<string, unknown>[] = [
      { draft: 42, attachments: [{ id: 'a1', name: 'Pass.png', type: 'image/png' }] },
      { draft: null, attachments: 'Pass.png' },
      { draft: ['x'], attachments: [null] },
      { draft: undefined, attachments: undefined }, // a record written before drafts were kept
      { version: 99, draft: { text: 'x' }, attachments: [{ id: 1, name: 'Pass.png', type: 'image/png', size: 16 }] },
    ];
    for (const fields of broken) {
      sessionStorage.setItem(key, JSON.stringify({ ...record, ...fields }));
      const { el: again } = await chat({ mode: 'inline' });
      await shows(again, '#civic-chat-input', JSON.stringify(fields));
      await waitUntil(() => again.panel!.files, 'attachments loaded');
      await again.updateComplete;
      expect(box(again).value, JSON.stringify(fields)).to.equal('');
      expect($(again, '.uploads'), JSON.stringify(fields)).to.equal(null);
      // Typing works and stores a well-formed record again.
      box(again).focus();
      await sendKeys({ type: 'Neu' });
      expect(stored()).to.include({ id: record.id, draft: 'Neu' });
      expect(stored()?.attachments).to.deep.equal([]);
      again.remove();
    }
  });
});
