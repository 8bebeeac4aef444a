// Gate 1: the citizen journeys of issue 10 on the demo pages against the reference server, each
// with the mouse ("pointer") and with the keyboard only ("keyboard": after the page has loaded
// only keyboard.press/type). Staff act through the staff API.
import assert from 'node:assert/strict';
import { PERSON, focused, liveText, outbox, pressUntil, staff, until, widgetText } from './harness.mjs';

const isId = (id) => (f) => f.id === id;

/** Chooses checkbox or radio `id` with the keyboard: Tab to it (or into its radio group, then arrows), Space. */
async function keyboardChoose(page, prefix, id) {
  const first = await pressUntil(page, (f) => (f.type === 'radio' || f.type === 'checkbox') && f.id.startsWith(prefix), { what: `the choices ${prefix}` });
  await pressUntil(page, isId(id), { key: first.type === 'radio' ? 'ArrowDown' : 'Tab', max: 30, what: `choice ${id}` });
  const f = await focused(page);
  if (!f.checked) await page.keyboard.press('Space');
}

/** The first day (ISO) a booking can still be cancelled online: a few days ahead. */
function cancellableFrom() {
  return new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
}

async function pressButton(page, name, opts = {}) {
  await pressUntil(page, (f) => (f.tag === 'button' || f.role === 'button') && f.text.includes(name), { what: `button "${name}"`, ...opts });
  await page.keyboard.press('Enter');
}

/**
 * Book → confirmation e-mail in the outbox → cancel via the e-mail's manage link (the same link the
 * confirmation page shows) → cancellation e-mail.
 */
export async function booking({ page, demo, mode }) {
  const email = mode === 'keyboard' ? `k.${PERSON.email}` : PERSON.email;
  await page.goto(`${demo.url}termine/`);
  const picker = page.locator('civic-appointment-picker');
  const heading = picker.locator('h2#heading');
  await heading.filter({ hasText: 'Wofür brauchen Sie einen Termin?' }).waitFor();
  let time;
  if (mode === 'pointer') {
    await picker.locator('#s-personalausweis').check();
    await picker.getByRole('button', { name: 'Weiter' }).click();
    await heading.filter({ hasText: 'Wo möchten Sie den Termin?' }).waitFor();
    await picker.locator('#l-buergerbuero-mitte').check();
    await picker.getByRole('button', { name: 'Weiter' }).click();
    await heading.filter({ hasText: 'An welchem Tag?' }).waitFor();
    // A day far enough ahead that the booking can still be cancelled online.
    const from = cancellableFrom();
    await picker.locator('td.free').first().waitFor();
    let dates = await picker.locator('td.free').evaluateAll((tds) => tds.map((td) => td.dataset.date));
    if (!dates.some((d) => d >= from)) {
      await picker.getByRole('button', { name: 'Nächster Monat' }).click();
      await picker.locator('td.free').first().waitFor();
      dates = await picker.locator('td.free').evaluateAll((tds) => tds.map((td) => td.dataset.date));
    }
    await picker.locator(`td.free[data-date="${dates.find((d) => d >= from)}"]`).click();
    await heading.filter({ hasText: 'Um wie viel Uhr?' }).waitFor();
    const slot = picker.locator('[part~="slot"]').first();
    time = /(\d\d:\d\d)/.exec(await slot.innerText())[1];
    await slot.click();
    await heading.filter({ hasText: 'Termin reserviert' }).waitFor();
    await picker.locator('#f-name').fill(PERSON.name);
    await picker.locator('#f-email').fill(email);
    await picker.locator('#f-consent').check();
    await picker.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
  } else {
    await keyboardChoose(page, 's-', 's-personalausweis');
    await pressButton(page, 'Weiter');
    await heading.filter({ hasText: 'Wo möchten Sie den Termin?' }).waitFor();
    await keyboardChoose(page, 'l-', 'l-buergerbuero-mitte');
    await pressButton(page, 'Weiter');
    await heading.filter({ hasText: 'An welchem Tag?' }).waitFor();
    // Into the month grid, then right arrow until a free day has the focus.
    const from = cancellableFrom();
    const freeDay = () => page.evaluate((from) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const td = a?.closest?.('td.free');
      return Boolean(td && td.dataset.date >= from);
    }, from);
    await pressUntil(page, (f) => f.tag === 'td', { what: 'the day grid' });
    for (let i = 0; i < 70 && !(await freeDay()); i++) await page.keyboard.press('ArrowRight');
    assert.ok(await freeDay(), 'a free day reached with the arrow keys');
    await page.keyboard.press('Enter');
    await heading.filter({ hasText: 'Um wie viel Uhr?' }).waitFor();
    const slot = await pressUntil(page, (f) => f.part.includes('slot'), { what: 'a time slot' });
    time = /(\d\d:\d\d)/.exec(slot.text)[1];
    await page.keyboard.press(slot.type === 'radio' ? 'Space' : 'Enter');
    await heading.filter({ hasText: 'Termin reserviert' }).waitFor();
    await pressUntil(page, isId('f-name'), { what: 'the name field' });
    await page.keyboard.type(PERSON.name);
    await pressUntil(page, isId('f-email'), { what: 'the e-mail field' });
    await page.keyboard.type(email);
    await pressUntil(page, isId('f-consent'), { what: 'the consent checkbox' });
    await page.keyboard.press('Space');
    await pressButton(page, 'Termin verbindlich buchen');
  }
  await heading.filter({ hasText: 'Ihr Termin ist gebucht' }).waitFor();
  const reference = /Ihre Buchungsnummer: (\S+)/.exec(await picker.locator('.reference-line').innerText())[1];
  assert.match(await picker.locator('[part="summary"]').innerText(), new RegExp(`um ${time}`));

  const confirmation = await until(async () => (await outbox(demo)).find((m) => m.to.includes(email) && m.subject.includes(reference)), 'the confirmation e-mail');
  assert.match(confirmation.subject, /^Terminbestätigung/);
  assert.match(confirmation.text, new RegExp(PERSON.name));

  const href = await picker.locator('[part="manage-link"]').getAttribute('href');
  const manageUrl = /https?:\/\/\S+#civic-booking=\S+/.exec(confirmation.text)?.[0];
  assert.ok(manageUrl, `the confirmation e-mail carries the manage link:\n${confirmation.text}`);
  assert.equal(manageUrl, new URL(href, page.url()).href, 'the e-mail links where the confirmation page does');
  await page.goto('about:blank');
  await page.goto(manageUrl);
  await heading.filter({ hasText: 'Ihr Termin' }).waitFor();
  if (mode === 'pointer') {
    await picker.getByRole('button', { name: 'Termin absagen' }).click();
    await picker.getByRole('button', { name: 'Ja, absagen' }).click();
  } else {
    await pressButton(page, 'Termin absagen');
    await pressButton(page, 'Ja, absagen', { key: 'Tab' });
  }
  await heading.filter({ hasText: 'Termin abgesagt' }).waitFor();
  await until(async () => (await outbox(demo)).find((m) => m.to.includes(email) && m.subject.startsWith(`Termin abgesagt ${reference}`)), 'the cancellation e-mail');
  return { personal: [PERSON.name, email], allowStorage: {} };
}

/**
 * Look up a case on /antragsstatus/ → staff make it ready for pickup → the tracker announces the
 * new status in its live region → "Abholtermin buchen" opens the picker with the pickup service
 * preselected.
 */
export function status({ page, demo, mode, record }) {
  const cases = { pointer: ['c-4715', 'MS-2026-004715', '30.05.1995'], keyboard: ['c-4718', 'MS-2026-004718', '17.04.2001'] };
  return followCase({ page, demo, mode, record, path: 'antragsstatus/', kase: cases[mode] });
}

/**
 * The status journey on /cors/: the widgets there talk to the API on the demo's second origin
 * (api-base http://127.0.0.2:<port>/api, CORS). Every API request goes there, none to the page's own /api.
 */
export async function corsStatus({ page, demo, mode, record }) {
  assert.ok(demo.secondApiUrl, 'the second origin listens');
  const cases = { pointer: ['c-4716', 'MS-2026-004716', '09.09.1979'], keyboard: ['c-4717', 'MS-2026-004717', '24.12.1988'] };
  const rules = await followCase({ page, demo, mode, record, path: 'cors/', kase: cases[mode] });
  const onCors = record.requests.slice(0, rules.requestsOnPage);
  assert.ok(onCors.some((u) => u.startsWith(`${demo.secondApiUrl}/v1/cases`)), 'the case came from the second origin');
  assert.deepEqual(onCors.filter((u) => u.startsWith(`${demo.apiUrl}/`)), [], 'no request to the page origin\'s /api from /cors/');
  return rules;
}

async function followCase({ page, demo, mode, record, path, kase }) {
  const [caseId, reference, birthdate] = kase;
  await page.goto(`${demo.url}${path}`);
  const tracker = page.locator('civic-status-tracker');
  await tracker.locator('h2#heading').filter({ hasText: 'Stand Ihres Antrags' }).waitFor();
  if (mode === 'pointer') {
    await tracker.locator('#reference').fill(reference);
    await tracker.locator('#factor').fill(birthdate);
    await tracker.getByRole('button', { name: 'Antrag anzeigen' }).click();
  } else {
    await pressUntil(page, isId('reference'), { what: 'the reference field' });
    await page.keyboard.type(reference);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'factor');
    await page.keyboard.type(birthdate);
    await page.keyboard.press('Enter');
  }
  await tracker.locator('h2#title').waitFor();
  // The live state says the tracker follows the case; then staff change the status.
  await tracker.locator('.live-state').waitFor();
  await staff(demo, 'POST', `/cases/${caseId}/updates`, {
    status: { code: 'ready_for_pickup', label: 'Abholbereit' },
    history: { title: 'Dokument liegt zur Abholung bereit' },
    pickup: { ready: true, serviceId: 'dokument-abholung' },
  });
  await until(async () => (await liveText(tracker)).includes('Neuer Stand: Abholbereit'), 'the announcement of the new status');
  const requestsOnPage = record.requests.length;
  const book = tracker.getByRole('link', { name: 'Abholtermin buchen' });
  await book.waitFor();
  if (mode === 'pointer') {
    await book.click();
  } else {
    await pressUntil(page, (f) => f.tag === 'a' && f.text.includes('Abholtermin buchen'), { what: 'the pickup link', max: 80 });
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/\/termine\/\?civic-service=dokument-abholung$/);
  const picker = page.locator('civic-appointment-picker');
  // Preselected: the picker starts at the location step; back at the services, only the pickup is ticked.
  const heading = picker.locator('h2#heading');
  await heading.filter({ hasText: 'Wo möchten Sie den Termin?' }).waitFor();
  if (mode === 'pointer') await picker.getByRole('button', { name: 'Zurück' }).click();
  else await pressButton(page, 'Zurück');
  await heading.filter({ hasText: 'Wofür brauchen Sie einen Termin?' }).waitFor();
  const ticked = await picker.locator('input[type="checkbox"][id^="s-"]').evaluateAll((inputs) => inputs.filter((i) => i.checked).map((i) => i.id));
  assert.deepEqual(ticked, ['s-dokument-abholung']);
  return { personal: [reference, birthdate], allowStorage: {}, requestsOnPage };
}

/** The conversation whose citizen messages include `text` (staff API). */
async function conversationWith(demo, text) {
  const { items } = await staff(demo, 'GET', '/chat/conversations');
  for (const c of items) {
    const messages = await staff(demo, 'GET', `/chat/conversations/${c.id}/messages`);
    if ((messages.items ?? []).some((m) => m.text === text)) return { conversation: c, messages: messages.items };
  }
  return undefined;
}

/** Open the chat, consent, send a message; staff reply through the API; the reply appears. */
export async function chat({ page, demo, mode }) {
  const text = `${PERSON.chat} (${mode})`;
  const reply = `Danke, wir kümmern uns darum (${mode}).`;
  await page.goto(`${demo.url}warteschlange/`);
  const widget = page.locator('civic-chat');
  const launcher = widget.getByRole('button', { name: 'Chat mit dem Bürgeramt' });
  await launcher.waitFor();
  if (mode === 'pointer') {
    await launcher.click();
    await widget.getByRole('checkbox', { name: /Datenschutzhinweise gelesen/ }).check();
    await widget.getByRole('button', { name: 'Chat starten' }).click();
    const box = widget.getByRole('textbox', { name: 'Ihre Nachricht' });
    await box.fill(text);
    await widget.getByRole('button', { name: 'Senden' }).click();
  } else {
    await pressUntil(page, (f) => f.host === 'civic-chat' && f.text.includes('Chat mit dem Bürgeramt'), { what: 'the chat launcher', max: 80 });
    await page.keyboard.press('Enter');
    await widget.getByRole('checkbox', { name: /Datenschutzhinweise gelesen/ }).waitFor();
    await pressUntil(page, (f) => f.type === 'checkbox', { what: 'the consent checkbox' });
    await page.keyboard.press('Space');
    await pressButton(page, 'Chat starten');
    await widget.getByRole('textbox', { name: 'Ihre Nachricht' }).waitFor();
    await pressUntil(page, (f) => f.tag === 'textarea' || f.role === 'textbox', { what: 'the message field' });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  const found = await until(() => conversationWith(demo, text), 'the message at the desk');
  await staff(demo, 'POST', `/chat/conversations/${found.conversation.id}/messages`, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: reply });
  await widget.getByText(reply).waitFor();
  // Sent once: the desk has the citizen's message exactly once.
  const after = await staff(demo, 'GET', `/chat/conversations/${found.conversation.id}/messages`);
  assert.equal(after.items.filter((m) => m.text === text).length, 1);
  return { personal: [text], allowStorage: { localStorage: ['civic'], sessionStorage: ['civic'] } };
}

/** Staff call tickets until `number` is called (tickets of the seed wait before it); returns the call. */
async function callUntil(demo, number, call, finish) {
  for (let i = 0; i < 20; i++) {
    const { ticket } = await call();
    if (!ticket) break;
    if (ticket.number === number) return ticket;
    if (finish) await finish(ticket);
  }
  throw new Error(`ticket ${number} was never called`);
}

/** Take a queue ticket → staff call it → the call display and the ticket both show the call. */
export async function queue({ page, context, demo, mode }) {
  const desk = mode === 'pointer' ? 'Platz 3' : 'Platz 4';
  await page.goto(`${demo.url}warteschlange/`);
  const widget = page.locator('civic-queue-display');
  const service = widget.getByRole('radio', { name: /^Personalausweis beantragen/ });
  await service.waitFor();
  if (mode === 'pointer') {
    await service.check();
    await widget.getByRole('button', { name: 'Wartenummer ziehen' }).click();
  } else {
    const first = await pressUntil(page, (f) => f.host === 'civic-queue-display' && f.type === 'radio', { what: 'the services', max: 80 });
    assert.ok(first);
    await pressUntil(page, (f) => f.label.startsWith('Personalausweis beantragen'), { key: 'ArrowDown', max: 20, what: 'the service Personalausweis' });
    if (!(await focused(page)).checked) await page.keyboard.press('Space');
    await pressButton(page, 'Wartenummer ziehen');
  }
  const taken = widget.getByText(/Ihre Wartenummer ist [A-Z]?\d+\./);
  await taken.waitFor();
  const number = /ist ([A-Z]?\d+)\./.exec(await taken.innerText())[1];

  const board = await context.newPage();
  await board.goto(`${demo.url}aufrufanzeige/`);
  const display = board.locator('civic-call-display');
  await display.locator('table, [part~="board"], ol, ul').first().waitFor();

  await callUntil(demo, number, () => staff(demo, 'POST', '/queues/buergerbuero-mitte/call', { desk, serviceId: 'personalausweis' }));
  await widget.getByText(`Sie sind dran! Nummer ${number} bitte zu ${desk}.`).first().waitFor();
  await until(async () => {
    const text = await widgetText(display);
    return text.includes(number) && text.includes(desk);
  }, `the call display showing ${number} at ${desk}`);
  await board.close();
  return { personal: [], allowStorage: { localStorage: ['civic'], sessionStorage: ['civic'] } };
}

/** Enter the virtual office's waiting room → staff call into a chair's video room → the join link is shown. */
export async function office({ page, demo, mode }) {
  const joinUrl = `https://video.musterstadt.example/raum/e2e-${mode}`;
  await page.goto(`${demo.url}buergerbuero/`);
  const widget = page.locator('civic-virtual-office');
  const enter = widget.getByRole('button', { name: 'Wartezimmer betreten' });
  await enter.waitFor();
  if (mode === 'pointer') await enter.click();
  else await pressButton(page, 'Wartezimmer betreten', { max: 80 });
  await widget.getByText('Sie sind im Wartezimmer').first().waitFor();
  const text = await widgetText(widget);
  const number = /\b([A-Z]\d{2,})\b/.exec(text)?.[1];
  assert.ok(number, `a waiting-room number in: ${text.slice(0, 300)}`);
  await staff(demo, 'PUT', `/offices/videobuero-buergeramt/chairs/e2e-${mode}`, { open: true, name: `Beratung ${mode}` });
  await callUntil(
    demo,
    number,
    () => staff(demo, 'POST', '/offices/videobuero-buergeramt/call', { chairId: `e2e-${mode}`, joinUrl }),
    (other) => staff(demo, 'POST', `/tickets/${other.id}/outcome`, { outcome: 'served' }),
  );
  const join = widget.getByRole('link', { name: /Betreten/ });
  await join.waitFor();
  assert.equal(await join.getAttribute('href'), joinUrl);
  if (mode === 'keyboard') {
    // The join link can be reached with the keyboard.
    await pressUntil(page, (f) => f.tag === 'a' && f.href === joinUrl, { what: 'the join link', max: 80 });
  }
  return { personal: [], allowStorage: { localStorage: ['civic'], sessionStorage: ['civic'] } };
}
