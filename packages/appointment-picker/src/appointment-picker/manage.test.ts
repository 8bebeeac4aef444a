// Manage view (show, cancel, reschedule) and the waiting list of <civic-appointment-picker>.
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { $, $$, HEADING, clickButton, mockApi, mount, text, toTimes, waitDays, waitStep } from '../testing/fixtures.js';
import type { CivicAppointmentPicker } from '../index.js';

const { worker, api } = await mockApi();

afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
  history.replaceState(null, '', location.pathname);
});

function fill(el: CivicAppointmentPicker, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** Books the first slot through the widget and returns the booking's id and manage token. */
async function book(): Promise<{ id: string; token: string; start: string }> {
  const el = await mount();
  // A late day: bookings can be changed online until a day before.
  await toTimes(el, 'last');
  $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
  await waitStep(el, 'contact');
  fill(el, 'f-name', 'Erika Mustermann');
  fill(el, 'f-email', 'erika@example.org');
  $<HTMLInputElement>(el, '#f-consent')!.click();
  await el.updateComplete;
  await clickButton(el, 'Termin verbindlich buchen');
  await waitStep(el, 'confirmation');
  fixtureCleanup();
  const [b] = [...api.state.appointments.bookings.values()];
  return { id: b!.id, token: b!.manageToken, start: b!.startMs.toString() };
}

describe('manage', () => {
  it('opens the booking from the #civic-booking fragment', async () => {
    const { id, token } = await book();
    history.replaceState(null, '', `${location.pathname}#civic-booking=${id}.${token}`);
    const el = await mount();
    await waitStep(el, 'manage');
    await waitUntil(() => $(el, '[part="summary"]'), 'booking shown');
    expect($(el, HEADING)!.textContent).to.equal('Ihr Termin');
    expect(text(el)).to.include('Personalausweis');
    expect(text(el)).to.include('Änderungen online bis');
    await expectAccessible(el, { state: HEADING });
  });

  it('says so when the link is wrong', async () => {
    const { id } = await book();
    const el = await mount({ booking: id, token: 'wrong-token-000000' });
    await waitUntil(() => text(el).includes('Diesen Termin finden wir nicht'), 'not found explained');
    await expectAccessible(el, { state: HEADING });
  });

  it('cancels after a confirmation and fires civic-booking-cancelled with the reference only', async () => {
    const { id, token } = await book();
    const el = await mount({ booking: id, token });
    await waitUntil(() => $(el, '[part="summary"]'));
    await clickButton(el, 'Termin absagen');
    expect(text(el)).to.include('wirklich absagen');
    await expectAccessible(el, { state: HEADING });
    const cancelled = oneEvent(el, 'civic-booking-cancelled');
    await clickButton(el, 'Ja, absagen');
    const { detail } = (await cancelled) as CustomEvent<Record<string, unknown>>;
    expect(Object.keys(detail)).to.deep.equal(['reference']);
    await waitStep(el, 'cancelled');
    expect(api.state.appointments.bookings.get(id)!.status).to.equal('cancelled');
    await expectAccessible(el, { state: HEADING });
  });

  it('keeps the booking when the citizen says no', async () => {
    const { id, token } = await book();
    const el = await mount({ booking: id, token });
    await waitUntil(() => $(el, '[part="summary"]'));
    await clickButton(el, 'Termin absagen');
    await clickButton(el, 'Nein, behalten');
    expect(api.state.appointments.bookings.get(id)!.status).to.equal('confirmed');
    expect(text(el)).to.not.include('wirklich absagen');
  });

  it('reschedules: holds a new slot, confirms it, the old one is released', async () => {
    const { id, token, start } = await book();
    const el = await mount({ booking: id, token });
    await waitUntil(() => $(el, '[part="summary"]'));
    await clickButton(el, 'Termin verschieben');
    await waitDays(el);
    const days = $$(el, 'td.free');
    days[days.length - 2]!.click();
    await waitStep(el, 'time');
    $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
    await waitStep(el, 'contact');
    expect(text(el)).to.not.include('Ihre Kontaktdaten');
    await expectAccessible(el, { state: HEADING });
    await clickButton(el, 'Termin auf diese Zeit verschieben');
    await waitStep(el, 'manage');
    expect(text(el)).to.include('Termin verschoben');
    const booking = api.state.appointments.bookings.get(id)!;
    expect(booking.startMs.toString()).to.not.equal(start);
    expect(api.state.appointments.bookings.size).to.equal(1);
  });
});

describe('waiting list', () => {
  it('moves focus to the waiting-list heading when the citizen arrives there', async () => {
    const el = await mount({ service: 'einbuergerung', location: 'rathaus-sued' });
    await waitStep(el, 'type');
    $<HTMLInputElement>(el, '#t-in_person')!.click();
    await el.updateComplete;
    await clickButton(el, 'Weiter');
    await waitStep(el, 'waitlist');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, HEADING), 'focus on the heading');
  });

  it('signs up for the waiting list when nothing is free in the horizon', async () => {
    const el = await mount({ service: 'einbuergerung', location: 'rathaus-sued', type: 'in_person' });
    await waitStep(el, 'waitlist');
    await clickButton(el, 'Benachrichtigen lassen');
    expect($(el, '#f-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-consent')!.getAttribute('aria-describedby')).to.equal('f-consent-error');
    await expectAccessible(el, { state: HEADING });
    fill(el, 'f-email', 'erika@example.org');
    $<HTMLInputElement>(el, '#f-consent')!.click();
    await el.updateComplete;
    await clickButton(el, 'Benachrichtigen lassen');
    await waitStep(el, 'waitlisted');
    expect($(el, HEADING)!.textContent).to.equal('Sie stehen auf der Warteliste');
    expect(api.state.appointments.waitlist.size).to.equal(1);
    await expectAccessible(el, { state: HEADING });
  });

  it('shows an address the server refuses at the e-mail field (not as a general error), then signs up with the corrected one', async () => {
    let posts = 0;
    const count = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/waitlist') posts++;
    };
    worker.events.on('request:start', count);
    after(() => worker.events.removeListener('request:start', count));
    const el = await mount({ service: 'einbuergerung', location: 'rathaus-sued', type: 'in_person' });
    await waitStep(el, 'waitlist');
    fill(el, 'f-email', 'erika@beispiel..de');
    $<HTMLInputElement>(el, '#f-consent')!.click();
    await el.updateComplete;
    await clickButton(el, 'Benachrichtigen lassen');
    await waitUntil(() => $(el, '#f-email')!.getAttribute('aria-invalid') === 'true', 'the e-mail field is marked');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#f-email'), 'focus in the e-mail field');
    expect($(el, '[role="alert"]'), 'no general error').to.equal(null);
    expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('erika@beispiel..de');
    await expectAccessible(el, { state: HEADING });
    // Sent again unchanged: still marked, and the server is not asked again.
    expect(posts).to.equal(1);
    await clickButton(el, 'Benachrichtigen lassen');
    await el.updateComplete;
    expect($(el, '#f-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(posts).to.equal(1);
    fill(el, 'f-email', 'erika@beispiel.de');
    await el.updateComplete;
    await clickButton(el, 'Benachrichtigen lassen');
    await waitStep(el, 'waitlisted');
    expect([...api.state.appointments.waitlist.values()].map((w) => w.email)).to.deep.equal(['erika@beispiel.de']);
    expect(posts).to.equal(2);
  });
});
