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

/** Holds the next upload unanswered (the file stays "uploading"); `release()` lets it fail (500, not retried by itself). */
async function holdUpload(mock: MockWorker): Promise<() => void> {
  const { http, HttpResponse } = await import('msw');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const failure = () => HttpResponse.json({ type: 'about:blank', title: 'Server error', status: 500, code: 'internal' }, { status: 500 });
  mock.worker.use(http.post('*/v1/chat/conversations/:id/attachments', async () => (await held, failure()), { once: true }));
  return release;
}

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

  it('names a file still uploading at the reload in a polite notice asking to choose it again (its name kept, never its bytes); choosing a file ends the notice', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    const answer = await holdUpload(mock);
    choose(el, png('Halb.png'));
    await shows(el, '.upload--uploading');
    expect(stored()?.attachments).to.deep.equal([]);
    expect(stored()?.unfinished, 'the name only').to.deep.equal(['Halb.png']);

    // The reload. The desk's limits are held back a moment: the notice's live region is there, empty,
    // before its text arrives (a region that appears with its text is often not announced).
    const { http } = await import('msw');
    let release!: () => void;
    const limits = new Promise<void>((resolve) => (release = resolve));
    mock.worker.use(http.get('*/v1/chat/availability', async () => void (await limits), { once: true }));
    el.remove();
    const { el: again } = await chat({ mode: 'inline' });
    const region = await shows(again, '#civic-chat-lost');
    expect(region.getAttribute('role')).to.equal('status');
    expect(text(region)).to.equal('');
    release();
    await waitUntil(() => text(region) !== '', 'notice');
    expect($(again, '#civic-chat-lost'), 'the same live region').to.equal(region);
    expect(text(region)).to.equal('Halb.png wurde nicht fertig hochgeladen. Bitte wählen Sie die Datei noch einmal aus.');
    expect(text($(again, 'button.dismiss'))).to.equal('Hinweis schließen');
    expect(region.contains($(again, 'button.dismiss')), 'the button is not read out with the notice').to.equal(false);
    expect($(again, '.uploads'), 'the file itself is not listed: the browser no longer has it').to.equal(null);
    expect(box(again).getAttribute('aria-describedby'), 'heard on focusing the message box too').to.equal('civic-chat-hint civic-chat-lost');
    await expectAccessible(again, { state: '#civic-chat-lost' });
    // The old page's upload ends (fails); storage still says which file to choose again.
    answer();
    await waitUntil(() => el.panel!.files!.uploads[0]!.state === 'failed', 'the old page’s upload ended');
    expect(stored()?.unfinished).to.deep.equal(['Halb.png']);
    expect(stored()?.attachments).to.deep.equal([]);

    choose(again, png('Halb.png'));
    await waitUntil(() => text(region) === '', 'notice gone');
    expect($(again, 'button.dismiss')).to.equal(null);
    await shows(again, '.upload--done');
    expect(stored()?.unfinished).to.deep.equal([]);
    expect((stored()?.attachments as { name: string }[]).map((a) => a.name)).to.deep.equal(['Halb.png']);
    await expectAccessible(again, { state: '.upload--done' });
  });

  it('keeps the notice across further reloads until the citizen dismisses it (keyboard; focus to "attach a file")', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el);
    await shows(el, 'button.attach');
    const answer = await holdUpload(mock);
    choose(el, png('Halb.png'));
    await shows(el, '.upload--uploading');

    const second = await reload(el);
    await waitUntil(() => text($(second, '#civic-chat-lost')) !== '', 'notice after the first reload');
    const third = await reload(second);
    await waitUntil(() => text($(third, '#civic-chat-lost')) !== '', 'notice after the second reload');
    expect(text($(third, '#civic-chat-lost'))).to.equal('Halb.png wurde nicht fertig hochgeladen. Bitte wählen Sie die Datei noch einmal aus.');

    $(third, 'button.dismiss')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(third, '#civic-chat-lost')) === '', 'dismissed');
    expect($(third, 'button.dismiss')).to.equal(null);
    await waitUntil(() => third.shadowRoot!.activeElement === $(third, 'button.attach'), 'focus on the attach button');
    expect(stored()?.unfinished).to.deep.equal([]);
    await expectAccessible(third, { state: 'button.attach' });

    const fourth = await reload(third);
    await waitUntil(() => fourth.panel!.files, 'attachments loaded');
    await fourth.updateComplete;
    expect(text($(fourth, '#civic-chat-lost'))).to.equal('');
    expect($(fourth, 'button.dismiss')).to.equal(null);
    answer();
    await waitUntil(() => el.panel!.files!.uploads[0]!.state === 'failed', 'the first page’s upload ended');
  });

  it('names every unfinished file, failed uploads included, refused ones not (English, plural)', async () => {
    const { el } = await chat({ mode: 'inline', lang: 'en' });
    await start(el);
    await shows(el, 'button.attach');
    mock.api.faults.set({ status: 500, failNext: 1, match: 'uploadAttachment' });
    choose(el, png('Part 2.png'));
    await shows(el, '.upload--failed .retry-upload');
    const answer = await holdUpload(mock);
    choose(el, png('Part 1.png'), new File(['Hallo'], 'Notiz.txt', { type: 'text/plain' }));
    await shows(el, '.upload--uploading');
    await shows(el, '.upload--refused');
    expect(stored()?.unfinished).to.deep.equal(['Part 2.png', 'Part 1.png']);

    el.remove();
    const { el: again } = await chat({ mode: 'inline', lang: 'en' });
    await waitUntil(
      () => text($(again, '#civic-chat-lost')) === 'Not uploaded: Part 2.png and Part 1.png. Please choose the files again.',
      'English notice',
    );
    expect(text($(again, 'button.dismiss'))).to.equal('Close notice');
    await expectAccessible(again, { state: '#civic-chat-lost' });
    answer();
    await waitUntil(() => el.panel!.files!.uploads[1]!.state === 'failed', 'the first page’s upload ended');
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
    expect(stored()?.unfinished).to.deep.equal(['Spät.png']);

    mock.api.state.chat.end(conversation(mock), 'agent');
    await shows(el, 'button.restart');
    expect(stored()).to.include({ draft: '' });
    expect(stored()?.attachments).to.deep.equal([]);
    expect(stored()?.unfinished, 'nothing to choose again').to.deep.equal([]);
    answer();
    await turns(8);
    expect(stored()?.attachments, 'the late upload is not kept').to.deep.equal([]);
    expect(stored()?.unfinished).to.deep.equal([]);
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
      { unfinished: 'Halb.png' },
      { unfinished: [42, { name: 'Halb.png' }] },
      { unfinished: ['Halb.png', null] },
    ];
    for (const fields of broken) {
      sessionStorage.setItem(key, JSON.stringify({ ...record, ...fields }));
      const { el: again } = await chat({ mode: 'inline' });
      await shows(again, '#civic-chat-input', JSON.stringify(fields));
      await waitUntil(() => again.panel!.files, 'attachments loaded');
      await again.updateComplete;
      expect(box(again).value, JSON.stringify(fields)).to.equal('');
      expect($(again, '.uploads'), JSON.stringify(fields)).to.equal(null);
      expect(text($(again, '#civic-chat-lost')), JSON.stringify(fields)).to.equal('');
      // Typing works and stores a well-formed record again.
      box(again).focus();
      await sendKeys({ type: 'Neu' });
      expect(stored()).to.include({ id: record.id, draft: 'Neu' });
      expect(stored()?.attachments).to.deep.equal([]);
      expect(stored()?.unfinished).to.deep.equal([]);
      again.remove();
    }
  });
});
