/**
 * International e-mail addresses (the contract's `idn-email` format, RFC 6531) end to end on the
 * server: the contract's validators accept `anna@müller-bäckerei.de`, its A-label form and a
 * non-ASCII local part and refuse malformed addresses with the format's name; a booking, a
 * waiting-list entry, an offline chat message and a queue ticket with such an address are taken,
 * and the confirmation mail goes to the domain's A-label form.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Contract } from '../src/contract.js';
import { readMail } from '../src/notifier.js';
import { officeHoursClock } from '../../contract/conformance/test/targets.js';
import { api, book, firstSlot, hold, pgliteServer, TestClock, type TestServer } from './helpers.js';

const UMLAUT_DOMAIN = 'anna@müller-bäckerei.de';
const A_LABEL = 'anna@xn--mller-bckerei-hfb76a.de';
const UMLAUT_LOCAL = 'jörg@example.de';

describe('server contract: idn-email', () => {
  const contract = new Contract();
  const booking = contract.operation('createBooking').body!.validate!;
  const body = (email: string) => ({ holdId: '3f1c6f0e-7c1a-4a53-9d59-8a1f0c2b7e11', contact: { name: 'Anna Müller', email }, consent: true });

  it('accepts an umlaut domain, its A-label form and a non-ASCII local part', () => {
    for (const email of [UMLAUT_DOMAIN, A_LABEL, UMLAUT_LOCAL, 'erika@example.org']) assert.equal(booking(body(email)), true, `${email}: ${JSON.stringify(booking.errors)}`);
  });

  it('refuses malformed addresses, naming the format', () => {
    for (const email of ['anna@müller', 'anna @müller.de', 'anna@müller..de', 'anna@xn--zz.de', 'an\u202ena@example.org', `${'ü'.repeat(33)}@example.org`]) {
      assert.equal(booking(body(email)), false, email);
      assert.ok(
        booking.errors?.some((e) => e.instancePath === '/contact/email' && e.message === 'must match format "idn-email"'),
        `${email}: ${JSON.stringify(booking.errors)}`,
      );
    }
  });

  it('checks every Email field of the citizen document (waiting list, offline message, ticket notification)', () => {
    const waitlist = contract.operation('joinWaitlist').body!.validate!;
    const offline = contract.operation('sendOfflineMessage').body!.validate!;
    const ticket = contract.operation('takeQueueTicket').body!.validate!;
    const cases: [typeof waitlist, (email: string) => unknown][] = [
      [waitlist, (email) => ({ services: [{ id: 'personalausweis', qty: 1 }], from: '2026-12-01', to: '2026-12-02', email, consent: true })],
      [offline, (email) => ({ email, text: 'Hallo', consent: true })],
      [ticket, (email) => ({ service: 'personalausweis', notify: { email, whenAhead: 2 } })],
    ];
    for (const [validate, make] of cases) {
      assert.equal(validate(make(UMLAUT_DOMAIN)), true, JSON.stringify(validate.errors));
      assert.equal(validate(make(UMLAUT_LOCAL)), true, JSON.stringify(validate.errors));
      assert.equal(validate(make('anna@müller')), false);
    }
  });
});

describe('server: international addresses end to end', () => {
  let s: TestServer;
  before(async () => {
    // Next Tuesday 10:00 in Musterstadt (the conformance targets' clock): the walk-in queue is open.
    const clock = new TestClock();
    clock.offset = officeHoursClock().now() - Date.now();
    s = await pgliteServer({ clock });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('books with an umlaut domain, keeps the address as sent and mails the A-label form', async () => {
    const h = await hold(s.url, await firstSlot(s.url));
    assert.equal(h.status, 201, h.text);
    const b = await book(s.url, h.body.holdId, { email: UMLAUT_DOMAIN });
    assert.equal(b.status, 201, b.text);
    const read = await api(s.url, 'GET', `/v1/bookings/${b.body.id}`, { token: b.body.manageToken });
    assert.equal(read.body.contact.email, UMLAUT_DOMAIN);
    assert.ok((await s.deliver()) >= 1);
    const mails = readdirSync(join(s.dataDir, 'outbox')).map((f) => readMail(readFileSync(join(s.dataDir, 'outbox', f), 'utf8')));
    assert.ok(mails.some((m) => m.headers.to === A_LABEL && m.headers.subject === `Terminbestätigung ${b.body.reference}`), mails.map((m) => m.headers.to).join(', '));
  });

  it('takes a waiting-list entry, an offline chat message and a queue ticket with international addresses', async () => {
    const date = (await firstSlot(s.url)).start.slice(0, 10);
    const waitlist = await api(s.url, 'POST', '/v1/waitlist', { body: { services: [{ id: 'personalausweis', qty: 1 }], from: date, to: date, email: 'jörg@müller-bäckerei.de', consent: true } });
    assert.equal(waitlist.status, 201, waitlist.text);
    const offline = await api(s.url, 'POST', '/v1/chat/offline-messages', { body: { email: UMLAUT_LOCAL, text: 'Brauche ich einen Termin?', consent: true } });
    assert.equal(offline.status, 201, offline.text);
    const ticket = await api(s.url, 'POST', '/v1/queues/buergerbuero-mitte/tickets', { body: { service: 'personalausweis', notify: { email: A_LABEL, whenAhead: 2 } } });
    assert.equal(ticket.status, 201, ticket.text);
  });

  it('counts the Unicode and the A-label form of one mailbox, in any case, towards one booking limit', async () => {
    const limit = s.seed.town.bookingLimitPerEmail;
    const forms = ['Limit@Müller-Bäckerei.de', 'limit@xn--mller-bckerei-hfb76a.de', 'LIMIT@müller-bäckerei.de'];
    for (let i = 0; i <= limit; i++) {
      const h = await hold(s.url, await firstSlot(s.url));
      const b = await book(s.url, h.body.holdId, { email: forms[i % forms.length]! });
      if (i < limit) assert.equal(b.status, 201, b.text);
      else {
        assert.equal(b.status, 422, b.text);
        assert.equal(b.body.code, 'booking_limit_reached');
      }
    }
  });

  it('refuses a malformed address with 400 validation_failed at its pointer', async () => {
    const h = await hold(s.url, await firstSlot(s.url));
    const b = await book(s.url, h.body.holdId, { email: 'anna@müller-bäckerei' });
    assert.equal(b.status, 400, b.text);
    assert.equal(b.body.code, 'validation_failed');
    assert.deepEqual(b.body.errors, [{ in: 'body', pointer: '/contact/email', detail: 'must match format "idn-email"' }]);
  });
});
