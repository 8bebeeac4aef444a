// Hold, contact, booking and confirmation of <civic-appointment-picker>.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import { $, $$, HEADING, TestClock, clickButton, mockApi, mockClock, mount, tabTo, text, toTimes, waitStep } from '../testing/fixtures.js';
import type { CivicAppointmentPicker } from '../index.js';

const { worker, api } = await mockApi();
const requests: { method: string; path: string; key: string | null; keepalive: boolean }[] = [];
worker.events.on('request:start', ({ request }) =>
  requests.push({
    method: request.method,
    path: new URL(request.url).pathname,
    key: request.headers.get('idempotency-key'),
    keepalive: request.keepalive,
  }),
);

afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
  requests.length = 0;
});

const store = () => api.state.appointments;
/** The states of the mock's holds, oldest first. */
const holdStates = () => [...store().holds.values()].map((h) => h.state);

async function holdFirstSlot(el: CivicAppointmentPicker, which: 'first' | 'last' = 'first'): Promise<void> {
  await toTimes(el);
  const slots = $$<HTMLButtonElement>(el, '[part~="slot"]');
  (which === 'first' ? slots[0] : slots[slots.length - 1])!.click();
  await waitStep(el, 'contact');
}

function fill(el: CivicAppointmentPicker, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function fillContact(el: CivicAppointmentPicker): Promise<void> {
  fill(el, 'f-name', 'Erika Mustermann');
  fill(el, 'f-email', 'erika@example.org');
  $<HTMLInputElement>(el, '#f-consent')!.click();
  await el.updateComplete;
}

describe('hold', () => {
  it('holds the chosen slot with a proof of work and shows a countdown', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    expect(store().holds.size).to.equal(1);
    const hold = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/holds')!;
    expect(hold.key).to.match(/^[0-9a-f-]{36}$/);
    expect($(el, '[role="timer"]')!.textContent).to.include('0:05');
    expect($(el, HEADING)!.textContent).to.equal('Termin reserviert');
    await expectAccessible(el, { state: HEADING });
  });

  it('counts down on the injected clock, warns before expiry and extends', async () => {
    const clock = new TestClock(mockClock.now());
    const el = await mount({ clock });
    await holdFirstSlot(el);
    clock.advance(2000);
    await el.updateComplete;
    expect($(el, '[role="timer"]')!.textContent).to.include('0:03');
    expect($(el, '.warning')).to.equal(null);
    clock.advance(1500);
    await el.updateComplete;
    expect(text(el, '.warning')).to.include('läuft bald ab');
    await expectAccessible(el, { state: HEADING });
    mockClock.advance(3500);
    await clickButton(el, 'Mehr Zeit');
    await waitUntil(() => $(el, '.warning') === null, 'warning gone after extending');
    expect($(el, '[role="timer"]')!.textContent).to.include('0:05');
    const [held] = [...store().holds.values()];
    expect(held!.extensionsLeft).to.equal(9);
  });

  it('explains the expiry, fires civic-hold-expired and offers the same slot again', async () => {
    const clock = new TestClock(mockClock.now());
    const el = await mount({ clock });
    // The last slot of the day: the first one may fall inside the lead time once the mock's clock moves.
    await holdFirstSlot(el, 'last');
    fill(el, 'f-name', 'Erika Mustermann');
    const expired = oneEvent(el, 'civic-hold-expired');
    mockClock.advance(6000);
    clock.advance(6000);
    const { detail } = (await expired) as CustomEvent<{ start: string; locationId: string }>;
    expect(Object.keys(detail).sort()).to.deep.equal(['locationId', 'start']);
    await waitStep(el, 'expired');
    expect(text(el)).to.include('nicht länger für Sie freigehalten');
    await expectAccessible(el, { state: HEADING });
    await clickButton(el, 'Diesen Termin erneut reservieren');
    await waitStep(el, 'contact');
    // What the citizen typed is still there.
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('Erika Mustermann');
    expect(store().holds.size).to.be.greaterThan(0);
  });

  it('releases the hold when the citizen goes back or the element is removed', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await clickButton(el, 'Zurück');
    await waitStep(el, 'time');
    await waitUntil(() => holdStates().includes('released'), 'released on going back');
    $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
    await waitStep(el, 'contact');
    expect(holdStates().filter((s) => s === 'active').length).to.equal(1);
    el.remove();
    await waitUntil(() => !holdStates().includes('active'), 'released on removal');
    expect(holdStates()).to.deep.equal(['released', 'released']);
  });

  it('releases the hold with a request that outlives the page when the citizen leaves (pagehide)', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    fill(el, 'f-name', 'Erika Mustermann');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await waitUntil(() => holdStates()[0] === 'released', 'released on pagehide');
    const release = requests.find((r) => r.method === 'DELETE')!;
    expect(release.path).to.match(/^\/api\/v1\/holds\/[^/]+$/);
    expect(release.keepalive).to.equal(true);
    // Back from the back/forward cache: the day's times again, what was typed is kept.
    await waitStep(el, 'time');
    $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
    await waitStep(el, 'contact');
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('Erika Mustermann');
  });

  it('releases nothing once the booking is made, neither on pagehide nor on removal', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    await clickButton(el, 'Termin verbindlich buchen');
    await waitStep(el, 'confirmation');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    el.remove();
    // A release would be sent at once (fetch is called synchronously in both handlers); a request
    // sent after it and answered gives it the time to show up.
    await fetch('/api/v1/services');
    const [holdId] = [...store().holds.values()].map((h) => h.id);
    // (Only this hold: the element of the test before releases its own hold while being cleaned up.)
    expect(requests.filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${holdId}`))).to.deep.equal([]);
    expect(holdStates()).to.deep.equal(['consumed']);
    expect([...store().bookings.values()].map((b) => b.status)).to.deep.equal(['confirmed']);
    expect(el.step).to.equal('confirmation');
  });

  it('says when the slot was taken and offers the nearest free slots', async () => {
    const el = await mount();
    await toTimes(el);
    // Another citizen took the slot meanwhile: the back end answers 409 slot_taken with alternatives.
    const slot = $<HTMLButtonElement>(el, '[part~="slot"]')!;
    const { http, HttpResponse } = await import('msw');
    worker.use(
      http.post('*/v1/holds', () =>
        HttpResponse.json(
          {
            type: 'urn:civic:problem:slot_taken',
            title: 'Termin vergeben',
            status: 409,
            code: 'slot_taken',
            alternatives: [{ start: '2026-12-02T11:00:00+01:00', end: '2026-12-02T11:20:00+01:00', seats: 1, location: 'buergerbuero-mitte' }],
          },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      { once: true },
    ));
    slot.click();
    await waitUntil(() => $(el, '[part="alternatives"]'), 'alternatives shown');
    expect(text(el, '[part="alternatives"]')).to.include('gerade vergeben');
    expect(text(el, '[part="alternatives"]')).to.include('11:00');
    await expectAccessible(el, { state: HEADING });
    // An alternative can be held at once.
    const alt = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="alternatives"] button')!;
    alt.click();
    await waitStep(el, 'contact');
  });

  it('solves a new proof of work once when the back end refuses the first one', async () => {
    const el = await mount();
    await toTimes(el);
    const { http, HttpResponse } = await import('msw');
    worker.use(
      http.post(
        '*/v1/holds',
        () =>
          HttpResponse.json(
            { type: 'urn:civic:problem:proof_invalid', title: 'Sicherheitsprüfung', status: 403, code: 'proof_invalid' },
            { status: 403, headers: { 'content-type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
    await waitStep(el, 'contact');
    expect(requests.filter((r) => r.path === '/api/v1/antibot/challenge').length).to.be.greaterThan(1);
    expect(store().holds.size).to.equal(1);
  });
});

describe('contact and confirmation', () => {
  it('validates inline with messages linked to the fields', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    expect($(el, '#f-name')!.getAttribute('autocomplete')).to.equal('name');
    expect($(el, '#f-email')!.getAttribute('autocomplete')).to.equal('email');
    expect($(el, '#f-phone')!.getAttribute('autocomplete')).to.equal('tel');
    fill(el, 'f-email', 'erika@');
    await clickButton(el, 'Termin verbindlich buchen');
    await el.updateComplete;
    for (const id of ['name', 'email', 'consent']) {
      const field = $(el, `#f-${id}`)!;
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.include(`f-${id}-error`);
      expect($(el, `#f-${id}-error`)).to.not.equal(null);
    }
    expect($(el, '#f-phone')!.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-name');
    const privacy = $<HTMLAnchorElement>(el, '.consent a')!;
    expect(privacy.href).to.equal('https://www.musterstadt.example/datenschutz');
    await expectAccessible(el, { state: HEADING });
    expect(store().bookings.size).to.equal(0);
  });

  it('books, confirms with reference, summary, what to bring and the manage link, and focuses the heading', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    const confirmed = oneEvent(el, 'civic-booking-confirmed');
    await clickButton(el, 'Termin verbindlich buchen');
    await waitStep(el, 'confirmation');
    const { detail } = (await confirmed) as CustomEvent<Record<string, unknown>>;
    expect(Object.keys(detail).sort()).to.deep.equal(['locationId', 'reference', 'serviceIds', 'start']);
    expect(JSON.stringify(detail)).to.not.include('erika');
    const [booking] = [...store().bookings.values()];
    expect(text(el)).to.include(booking!.reference);
    expect(text(el)).to.include('Bitte mitbringen');
    const link = $<HTMLAnchorElement>(el, '[part="manage-link"]')!;
    expect(link.href).to.equal(`${location.href.replace(/#.*$/, '')}#civic-booking=${booking!.id}.${booking!.manageToken}`);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, HEADING), 'focus on the confirmation heading');
    await expectAccessible(el, { state: HEADING });
  });

  it('downloads the ICS through the API client with the manage token', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    await clickButton(el, 'Termin verbindlich buchen');
    await waitStep(el, 'confirmation');
    let downloaded = '';
    const clickSpy = (e: Event) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a.download) {
        downloaded = a.download;
        e.preventDefault();
      }
    };
    el.shadowRoot!.addEventListener('click', clickSpy, true);
    await clickButton(el, 'ICS');
    await waitUntil(() => downloaded, 'download started');
    expect(downloaded).to.match(/^termin-.+\.ics$/);
    expect(requests.some((r) => r.path.endsWith('/ics'))).to.equal(true);
  });

  it('makes exactly one booking when "book" is double-clicked', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    const button = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.includes('Termin verbindlich buchen'))!;
    button.click();
    button.click();
    await waitStep(el, 'confirmation');
    expect(store().bookings.size).to.equal(1);
  });

  it('reuses the Idempotency-Key on retry, so a lost answer books once', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    // The booking is made but its answer is broken (as if the connection dropped).
    api.faults.set({ match: 'createBooking', malformedJson: true, failNext: 1 });
    await clickButton(el, 'Termin verbindlich buchen');
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown');
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('Erika Mustermann');
    await clickButton(el, 'Erneut versuchen');
    await waitStep(el, 'confirmation');
    const keys = requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/bookings').map((r) => r.key);
    expect(keys.length).to.equal(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(store().bookings.size).to.equal(1);
  });

  it('explains the booking limit per e-mail address', async () => {
    const { http, HttpResponse } = await import('msw');
    worker.use(
      http.post('*/v1/bookings', () =>
        HttpResponse.json(
          { type: 'urn:civic:problem:booking_limit_reached', title: 'Zu viele', status: 422, code: 'booking_limit_reached', limit: 3 },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    await clickButton(el, 'Termin verbindlich buchen');
    await waitUntil(() => text(el).includes('3 offene Termine'), 'limit explained');
    await expectAccessible(el, { state: HEADING });
  });
});

describe('error paths', () => {
  it('keeps the step and offers a retry when the hold request gets no connection', async () => {
    const el = await mount();
    await toTimes(el);
    const { http, HttpResponse } = await import('msw');
    // Three network failures: the first attempt and the client's two automatic retries.
    let failures = 3;
    worker.use(http.post('*/v1/holds', () => (failures-- > 0 ? HttpResponse.error() : undefined)));
    $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown', { timeout: 8000 });
    expect(text(el, '[role="alert"]')).to.include('Keine Verbindung');
    expect(el.step).to.equal('time');
    await expectAccessible(el, { state: HEADING });
    worker.resetHandlers(...api.handlers);
    await clickButton(el, 'Erneut versuchen');
    await waitStep(el, 'contact');
  });

  it('explains an answer of the wrong shape', async () => {
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    api.faults.set({ match: 'createBooking', schemaBreak: true, failNext: 1 });
    await clickButton(el, 'Termin verbindlich buchen');
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown');
    expect(text(el, '[role="alert"]')).to.include('passt nicht zu dieser Version');
    expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('erika@example.org');
  });

  it('turns a hold that expired on the server into the expiry step', async () => {
    const { http, HttpResponse } = await import('msw');
    const el = await mount();
    await holdFirstSlot(el);
    await fillContact(el);
    worker.use(
      http.post('*/v1/bookings', () =>
        HttpResponse.json(
          { type: 'urn:civic:problem:hold_expired', title: 'Abgelaufen', status: 409, code: 'hold_expired' },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    await clickButton(el, 'Termin verbindlich buchen');
    await waitStep(el, 'expired');
  });
});

describe('keyboard only', () => {
  it('books from the service search to the confirmation without a mouse', async () => {
    const el = await mount();
    await waitStep(el, 'services');
    const search = await tabTo(el, '#f-search');
    expect(search.id).to.equal('f-search');
    await sendKeys({ type: 'Personalausweis' });
    await tabTo(el, '#s-personalausweis');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'location');
    await tabTo(el, 'input[name="location"]');
    // Radio group: arrows move from "any" to the first location.
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(el, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'day');
    await waitUntil(() => $$(el, 'td.free').length > 0);
    await tabTo(el, 'td[data-date][tabindex="0"]');
    for (let i = 0; i < 40 && !(el.shadowRoot!.activeElement as HTMLElement).classList.contains('free'); i++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
    }
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'time');
    await tabTo(el, '[part~="slot"]');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'contact');
    await tabTo(el, '#f-name');
    await sendKeys({ type: 'Erika Mustermann' });
    await tabTo(el, '#f-email');
    await sendKeys({ type: 'erika@example.org' });
    await tabTo(el, '#f-consent');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'confirmation');
    expect(store().bookings.size).to.equal(1);
  });
});
