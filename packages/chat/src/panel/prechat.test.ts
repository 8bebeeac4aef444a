import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, $$, AFTER_HOURS, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Nothing in any storage, no cookie, and the mock has no conversation. */
function nothingStored(mock: MockWorker): void {
  expect(sessionStorage.length, 'sessionStorage').to.equal(0);
  expect(localStorage.length, 'localStorage').to.equal(0);
  expect(document.cookie, 'cookies').to.equal('');
  expect(mock.api.state.chat.conversations.size, 'conversations on the server').to.equal(0);
}

/** Fills the offline form (address, message, consent) as a citizen would; returns the two fields. */
async function fillOffline(el: HTMLElement & { updateComplete: Promise<unknown> }, address: string, message: string) {
  const email = $(el, '#civic-chat-offline-email') as HTMLInputElement;
  email.value = address;
  email.dispatchEvent(new Event('input'));
  const textarea = $(el, '#civic-chat-offline-text') as HTMLTextAreaElement;
  textarea.value = message;
  textarea.dispatchEvent(new Event('input'));
  $(el, '#civic-chat-offline-consent')!.click();
  await el.updateComplete;
  return { email, textarea };
}

describe('<civic-chat> before the conversation', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('shows who is online, the expected reply time, the office hours and the privacy notice with its link', async () => {
    const { el } = await chat({ mode: 'inline' });
    await shows(el, '.availability');
    const lines = $$(el, '.availability p').map(text);
    expect(lines).to.deep.equal([
      'Jetzt erreichbar: 2 Mitarbeiterinnen und Mitarbeiter sind online.',
      'Antwort in der Regel innerhalb von 2 Minuten.',
    ]);
    expect($$(el, '.hours li').map(text)).to.deep.equal([
      'Montag: 08:00–18:00',
      'Dienstag: 08:00–18:00',
      'Mittwoch: 08:00–18:00',
      'Donnerstag: 08:00–20:00',
      'Freitag: 08:00–14:00',
    ]);
    const link = $(el, '#civic-chat-privacy a') as HTMLAnchorElement;
    expect(link.href).to.equal(new URL('/datenschutz/', document.baseURI).href);
    expect(text(link)).to.equal('Datenschutzerklärung');
    expect(text($(el, 'label[for=civic-chat-consent]'))).to.equal('Ich habe die Datenschutzhinweise gelesen und stimme zu.');
    nothingStored(mock);
    await expectAccessible(el, { state: '.consent-form' });
  });

  it('refuses to start without consent: says why, focuses the box, stores nothing and creates no conversation', async () => {
    const { el } = await chat({ mode: 'inline' });
    await shows(el, '.consent-form');
    $(el, '.consent-form button[type=submit]')!.click();
    const error = await shows(el, '#civic-chat-consent-error');
    expect(text(error)).to.equal('Bitte stimmen Sie den Datenschutzhinweisen zu, um den Chat zu starten.');
    const box = $(el, '#civic-chat-consent')!;
    await waitUntil(() => el.shadowRoot!.activeElement === box, 'focus on the consent box');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.contain('civic-chat-consent-error');
    nothingStored(mock);
    await expectAccessible(el, { state: '#civic-chat-consent-error' });
  });

  it('starts after consent: creates the conversation, fires civic-chat-started and only then stores it (this tab only)', async () => {
    const { el } = await chat({ mode: 'inline', topic: 'meldewesen' });
    await shows(el, '.consent-form');
    nothingStored(mock);
    const started = oneEvent(el, 'civic-chat-started');
    await start(el);
    const { detail } = await started;
    const conversations = [...mock.api.state.chat.conversations.values()];
    expect(conversations.map((c) => [c.id, c.topic, c.locale])).to.deep.equal([[detail.conversationId, 'meldewesen', 'de']]);
    expect(Object.keys(detail)).to.deep.equal(['conversationId']);
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(1);
    const stored = JSON.parse(sessionStorage.getItem(sessionStorage.key(0)!)!);
    expect(stored).to.deep.equal({ id: detail.conversationId, token: conversations[0]!.token, outbox: [], draft: '', attachments: [], unfinished: [] });
  });

  it('outside office hours says the desk is closed and when it opens, and offers no start', async () => {
    const closed = await mockChat({ now: AFTER_HOURS });
    try {
      const { el } = await chat({ mode: 'inline', lang: 'en' });
      await waitUntil(() => text($(el, '.availability p')) === 'The chat is not staffed right now.', 'English availability');
      expect($$(el, '.availability p').map(text)).to.deep.equal([
        'The chat is not staffed right now.',
        'Available again from December 2, 2026 at 8:00 AM.',
      ]);
      expect($(el, '.consent-form')).to.equal(null);
      await expectAccessible(el, { state: '.availability' });
    } finally {
      cleanup(closed);
      mock = await mockChat();
    }
  });

  it('shows a localised error with retry and the fallback content when availability fails; retry recovers', async () => {
    mock.api.faults.set({ status: 500, failNext: 1, match: 'getChatAvailability' });
    const { el } = await chat({ mode: 'inline' });
    const fallback = document.createElement('p');
    fallback.textContent = 'Rufen Sie uns an: 01234 5670';
    el.append(fallback);
    const alert = await shows(el, '.error[role=alert]');
    expect(text(alert.querySelector('p'))).to.equal(
      'Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
    );
    const slot = $(el, '.fallback slot') as HTMLSlotElement;
    expect(slot.assignedNodes().some((n) => n.textContent?.includes('01234 5670'))).to.equal(true);
    await expectAccessible(el, { state: '.error[role=alert]' });
    $(el, '#civic-chat-retry')!.click();
    await shows(el, '.consent-form');
    nothingStored(mock);
  });

  it('a refused start (desk closed meanwhile) shows why and stores nothing', async () => {
    const { el } = await chat({ mode: 'inline' });
    await shows(el, '.consent-form');
    mock.api.state.chat.desk.online = false;
    $(el, '#civic-chat-consent')!.click();
    await el.updateComplete;
    $(el, '.consent-form button[type=submit]')!.click();
    const alert = await shows(el, '.consent-form .error[role=alert]');
    expect(text(alert)).to.equal('Der Chat ist gerade nicht besetzt.');
    nothingStored(mock);
  });

  it('never turns a privacy-url with another scheme into a link', async () => {
    const { el } = await chat({ mode: 'inline', 'privacy-url': 'javascript:alert(1)' });
    await shows(el, '.consent-form');
    expect($(el, '#civic-chat-privacy a')).to.equal(null);
  });
});

describe('<civic-chat> offline message', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat({ now: AFTER_HOURS });
  });
  afterEach(() => cleanup(mock));

  it('outside office hours takes a message with e-mail: checks the fields, confirms, stores nothing in the browser', async () => {
    const { el } = await chat({ mode: 'inline', topic: 'meldewesen' });
    const form = await shows(el, '.offline-form');
    await expectAccessible(el, { state: '.offline-form' });
    const email = $(el, '#civic-chat-offline-email') as HTMLInputElement;
    // A text input with the e-mail keyboard: type="email" would rewrite a typed straße.de to strasse.de.
    expect([email.type, email.inputMode, email.autocomplete]).to.deep.equal(['text', 'email', 'email']);
    const textarea = $(el, '#civic-chat-offline-text') as HTMLTextAreaElement;
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === email, 'focus on the first invalid field');
    expect($$(el, '.offline-form .field-error').map(text)).to.deep.equal([
      'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
      'Bitte schreiben Sie Ihre Nachricht.',
      'Bitte stimmen Sie zu, damit wir Ihnen antworten können.',
    ]);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el, { state: '.field-error' });
    expect(mock.api.state.chat.offline.length).to.equal(0);

    email.value = 'erika@example.org';
    email.dispatchEvent(new Event('input'));
    textarea.value = 'Brauche ich für die Anmeldung einen Termin?';
    textarea.dispatchEvent(new Event('input'));
    $(el, '#civic-chat-offline-consent')!.click();
    await el.updateComplete;
    $(el, '.offline-form button[type=submit]')!.click();
    const done = await shows(el, '.offline-sent');
    expect(text(done)).to.equal('Vielen Dank! Ihre Nachricht ist angekommen. Wir antworten Ihnen per E-Mail.');
    expect(mock.api.state.chat.offline.map((m) => [m.email, m.text, m.topic, m.locale])).to.deep.equal([
      ['erika@example.org', 'Brauche ich für die Anmeldung einen Termin?', 'meldewesen', 'de'],
    ]);
    nothingStored(mock); // no conversation, nothing in any storage
    await expectAccessible(el, { state: '.offline-sent' });
  });

  it('shows an address the server refuses at the e-mail field, keeps what was typed and sends once corrected', async () => {
    const { el } = await chat({ mode: 'inline' });
    await shows(el, '.offline-form');
    const { email, textarea } = await fillOffline(el, 'erika@beispiel..de', 'Hallo');
    (el.shadowRoot!.activeElement as HTMLElement | null)?.blur(); // the inline panel starts with the focus here
    $(el, '.offline-form button[type=submit]')!.click();
    await waitUntil(() => email.getAttribute('aria-invalid') === 'true', 'the refused e-mail field is marked');
    await waitUntil(() => el.shadowRoot!.activeElement === email, 'focus on the refused e-mail field');
    expect($$(el, '.offline-form .field-error').map(text)).to.deep.equal(['Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.']);
    expect($(el, '.offline-form .error[role=alert]'), 'no general error').to.equal(null);
    expect([email.value, textarea.value]).to.deep.equal(['erika@beispiel..de', 'Hallo']);
    await expectAccessible(el, { state: '.field-error' });
    email.value = 'erika@beispiel.de';
    email.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    $(el, '.offline-form button[type=submit]')!.click();
    await shows(el, '.offline-sent');
    expect(mock.api.state.chat.offline.map((m) => m.email)).to.deep.equal(['erika@beispiel.de']);
  });

  it('keeps what the citizen typed when sending fails', async () => {
    const { el } = await chat({ mode: 'inline' });
    await shows(el, '.offline-form');
    mock.api.faults.set({ status: 500, failNext: 1, match: 'sendOfflineMessage' });
    const { email, textarea } = await fillOffline(el, 'erika@example.org', 'Hallo');
    $(el, '.offline-form button[type=submit]')!.click();
    await shows(el, '.offline-form .error[role=alert]');
    expect([email.value, textarea.value]).to.deep.equal(['erika@example.org', 'Hallo']);
    $(el, '.offline-form button[type=submit]')!.click();
    await shows(el, '.offline-sent');
    expect(mock.api.state.chat.offline.length).to.equal(1);
  });
});

describe('<civic-chat> in Arabic', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('renders right to left with Arabic texts, launcher and panel', async () => {
    const { el } = await chat({ lang: 'ar' });
    await waitUntil(() => text($(el, 'button.launcher')) === 'الدردشة مع مكتب خدمة المواطنين', 'Arabic launcher');
    expect($(el, '.base')!.getAttribute('dir')).to.equal('rtl');
    await el.open();
    await waitUntil(() => text($(el, '#civic-chat-title')) === 'الدردشة مع مكتب خدمة المواطنين', 'Arabic panel');
    const panel = $(el, 'section.panel')!;
    expect([panel.getAttribute('lang'), panel.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    expect(getComputedStyle(panel).direction).to.equal('rtl');
    await waitUntil(() => text($(el, '.availability p')) === 'متاح الآن: موظفان متصلان.', 'Arabic dual plural');
    await expectAccessible(el, { state: '.consent-form' });
  });
});
