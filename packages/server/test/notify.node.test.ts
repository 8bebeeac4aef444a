/**
 * Notifications and retention: booking changes and waiting-list notices become e-mails in the
 * development outbox (with the iCalendar attachment), readable at /dev/outbox with every text
 * escaped; the retention job deletes personal data after its periods and keeps it before.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatMail, readMail } from '../src/notifier.js';
import { api, book, firstSlot, hold, pgliteServer, type TestServer } from './helpers.js';

describe('notifier: e-mail format', () => {
  it('writes RFC 5322 with encoded subject and attachments, and reads it back', () => {
    const raw = formatMail({ to: 'a@example.org', subject: 'Terminbestätigung', text: 'Grüße\nZeile 2', locale: 'de', attachments: [{ filename: 't.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }, 'x@example.org', new Date(0), 'id@x');
    assert.match(raw, /\r\nSubject: =\?UTF-8\?B\?/);
    assert.match(raw, /multipart\/mixed/);
    assert.ok(raw.split('\r\n').every((l) => l.length <= 998));
    const back = readMail(raw);
    assert.equal(back.headers.subject, 'Terminbestätigung');
    assert.equal(back.text, 'Grüße\nZeile 2');
    assert.deepEqual(back.attachments, ['t.ics']);
  });

  it('encodes display names: atoms as they are, other ASCII (comma, quote) quoted, umlauts as RFC 2047 words within the line limits', () => {
    const mail = (to: string) => ({ to, subject: 'Terminbestätigung für Sie und Ihre Familie, bitte aufbewahren', text: 't', locale: 'de' });
    const head = (raw: string) => raw.split('\r\n\r\n')[0]!;
    const plain = formatMail(mail('Erika Mustermann <erika@example.org>'), 'Stadt Musterstadt <a@example.org>', new Date(0), 'id@x');
    assert.match(plain, /^From: Stadt Musterstadt <a@example\.org>\r\nTo: Erika Mustermann <erika@example\.org>\r\n/);
    const ascii = formatMail(mail('a@example.org'), 'Amt 3, Stadt "Muster" <a@example.org>', new Date(0), 'id@x');
    assert.match(ascii, /^From: "Amt 3, Stadt \\"Muster\\"" <a@example\.org>\r\n/, 'a comma would make two mailboxes of it');
    assert.equal(readMail(ascii).headers.from, '"Amt 3, Stadt \\"Muster\\"" <a@example.org>');
    const from = '"Bürgerbüro der Stadt Müllheim, \\"Rathaus\\" – Abteilung Einwohnermeldewesen" <buergerbuero@müllheim.de>';
    const raw = formatMail(mail('"Müller, Jürgen" <juergen@müller-bäckerei.de>'), from, new Date(0), 'id@x');
    for (const line of head(raw).split('\r\n')) assert.ok(line.length <= 76 && /^[\x20-\x7e]+$/.test(line), `an ASCII line of at most 76 characters: ${line}`);
    for (const word of head(raw).match(/=\?[^?]+\?B\?[^?]*\?=/g)!) assert.ok(word.length <= 75, 'an encoded word has at most 75 characters');
    assert.ok(head(raw).match(/=\?UTF-8\?B\?/g)!.length > 3, 'long texts become several words');
    const back = readMail(raw);
    assert.equal(back.headers.from, 'Bürgerbüro der Stadt Müllheim, "Rathaus" – Abteilung Einwohnermeldewesen <buergerbuero@xn--mllheim-n2a.de>');
    assert.equal(back.headers.to, 'Müller, Jürgen <juergen@xn--mller-bckerei-hfb76a.de>');
    assert.equal(back.headers.subject, 'Terminbestätigung für Sie und Ihre Familie, bitte aufbewahren');
    assert.match(formatMail(mail('juergen@müller-bäckerei.de'), from, new Date(0), 'id@x', { utf8: true }), /\r\nTo: juergen@müller-bäckerei\.de\r\n/, 'with SMTPUTF8 the address stays UTF-8');
  });
});

describe('server: notifications and retention', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer({ env: { CIVIC_RETENTION_BOOKING_DAYS: '30', CIVIC_BOOKING_PAGE_URL: 'https://www.musterstadt.de/termine/' } });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  const outbox = () => readdirSync(join(s.dataDir, 'outbox')).map((f) => readMail(readFileSync(join(s.dataDir, 'outbox', f), 'utf8')));

  it('mails a booking confirmation with the calendar entry, and shows it escaped on /dev/outbox', async () => {
    const slot = await firstSlot(s.url);
    const h = await hold(s.url, slot);
    const b = await api(s.url, 'POST', '/v1/bookings', { body: { holdId: h.body.holdId, contact: { name: '<b>Erika</b>', email: 'outbox@example.org' }, consent: true } });
    assert.equal(b.status, 201);
    assert.ok((await s.deliver()) >= 1);
    const mail = outbox().find((m) => m.headers.to === 'outbox@example.org');
    assert.ok(mail, 'the confirmation is in the outbox');
    assert.equal(mail.headers.subject, `Terminbestätigung ${b.body.reference}`);
    assert.match(mail.text, /<b>Erika<\/b>/);
    assert.deepEqual(mail.attachments, [`termin-${b.body.reference}.ics`]);
    // The manage link opens the booking on the town's page; the token leaves the table once sent.
    assert.ok(mail.text.includes(`https://www.musterstadt.de/termine/#civic-booking=${b.body.id}.${b.body.manageToken}`), mail.text);
    const rows = await s.db.query<{ data: Record<string, unknown> }>("SELECT data FROM notifications WHERE kind = 'booking_confirmed'");
    assert.ok(rows.rows.length >= 1 && rows.rows.every((r) => !('manageToken' in r.data)), 'no manage token kept after delivery');
    assert.equal(await s.deliver(), 0, 'each notification is sent once');
    const page = await fetch(`${s.url}/dev/outbox`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
    const html = await page.text();
    assert.ok(html.includes(`Terminbestätigung ${b.body.reference}`));
    assert.ok(html.includes('&lt;b&gt;Erika&lt;/b&gt;') && !html.includes('<b>Erika</b>'));
  });

  it('mails the waiting list when a released hold frees a seat', async () => {
    const slot = await firstSlot(s.url);
    const holds = await Promise.all(Array.from({ length: slot.seats }, () => hold(s.url, slot)));
    const date = slot.start.slice(0, 10);
    await api(s.url, 'POST', '/v1/waitlist', { body: { services: [{ id: 'personalausweis', qty: 1 }], location: slot.location, from: date, to: date, email: 'waiting@example.org', consent: true } });
    assert.equal((await api(s.url, 'DELETE', `/v1/holds/${holds[0]!.body.holdId}`)).status, 204);
    await s.deliver();
    const mail = outbox().find((m) => m.headers.to === 'waiting@example.org');
    assert.ok(mail);
    assert.equal(mail.headers.subject, 'Ein Termin ist frei geworden');
  });

  it('keeps bookings within the retention period and deletes them after it', async () => {
    const slot = await firstSlot(s.url);
    const h = await hold(s.url, slot);
    const b = await book(s.url, h.body.holdId, { email: 'retention@example.org' });
    assert.equal(b.status, 201);
    await s.retention();
    assert.equal((await api(s.url, 'GET', `/v1/bookings/${b.body.id}`, { token: b.body.manageToken })).status, 200);
    const end = Date.parse(b.body.end);
    s.clock.advance(end - s.clock.now() + 29 * 86_400_000);
    const early = await s.retention();
    assert.equal(early.bookings, 0, 'day 29 after the appointment: kept');
    assert.ok(early.waitlist >= 1, 'waiting-list entries whose range is over are deleted');
    s.clock.advance(2 * 86_400_000);
    const report = await s.retention();
    assert.ok(report.bookings >= 1);
    assert.equal((await s.db.query('SELECT 1 FROM bookings WHERE id = $1', [b.body.id])).rowCount, 0);
    assert.equal((await s.db.query("SELECT 1 FROM idempotency WHERE scope = 'bookings'")).rowCount, 0, 'stored confirmations are gone after 24 hours');
    assert.equal((await api(s.url, 'GET', `/v1/bookings/${b.body.id}`, { token: b.body.manageToken })).status, 401);
  });
});

describe('server: delivery loop', () => {
  it('sends pending e-mails by itself', async () => {
    const s = await pgliteServer({ deliveryMs: 50 });
    try {
      const slot = await firstSlot(s.url);
      const h = await hold(s.url, slot);
      assert.equal((await book(s.url, h.body.holdId, { email: 'loop@example.org' })).status, 201);
      let found = false;
      for (let i = 0; i < 200 && !found; i++) {
        await new Promise((r) => setTimeout(r, 50));
        found = readdirSync(join(s.dataDir, 'outbox')).some((f) => readMail(readFileSync(join(s.dataDir, 'outbox', f), 'utf8')).headers.to === 'loop@example.org');
      }
      assert.ok(found, 'the confirmation reached the outbox without a manual deliver()');
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
});
