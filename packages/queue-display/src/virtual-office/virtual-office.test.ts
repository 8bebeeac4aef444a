import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import './virtual-office.js';
import type { CivicVirtualOffice } from './virtual-office.component.js';
import { FakeClock } from '../testing/fake-clock.js';
import { CLOSED_AT, resetBackend, startBackend, type TestBackend } from '../testing/mock.js';
import { storageName } from '../shared/storage.js';
import { overflowX, withNarrowViewport } from '../testing/narrow.js';

/** Waits for a state; generous, because a shared CI machine can be slow (never waits on widget timers). */
const waitUntil = (test: () => unknown, message?: string, options: { timeout?: number } = {}) =>
  waitFor(test, message, { timeout: 5000, ...options });

const OFFICE = 'videobuero-buergeramt';
const JOIN = 'https://video.musterstadt.example/raum/abc123';
let backend: TestBackend;

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const liveText = (el: Element) => [...root(el).querySelectorAll('[data-civic-live]')].map((r) => r.textContent ?? '').join(' ');
const officeRecord = () => backend.api.state.queues.offices.get(OFFICE)!;
const ticketByNumber = (n: string) => [...backend.api.state.queues.tickets.values()].find((t) => t.office === OFFICE && t.number === n)!;

async function render(options: { lang?: string; bookingPage?: string; clock?: FakeClock } = {}): Promise<CivicVirtualOffice> {
  const el = await fixture<CivicVirtualOffice>(html`<civic-virtual-office
    api-base="/api"
    lang=${options.lang ?? 'de'}
    office=${OFFICE}
    booking-page=${options.bookingPage ?? ''}
    .clock=${options.clock ?? new FakeClock(Date.now())}
    ><p>Video-Sprechstunde: Mo–Fr 9–12 Uhr.</p></civic-virtual-office
  >`);
  await waitUntil(() => root(el).querySelector('#title') && !root(el).querySelector('.loading'), 'office loaded');
  return el;
}

async function enter(el: CivicVirtualOffice): Promise<string> {
  const taken = oneEvent(el, 'civic-ticket-taken');
  root(el).querySelector<HTMLButtonElement>('.enter')!.click();
  const { detail } = (await taken) as CustomEvent<{ number: string }>;
  await waitUntil(() => root(el).querySelector('.ticket-number'), 'in the waiting room');
  return detail.number;
}

async function fill(): Promise<void> {
  for (let i = 2; i < 20; i++) {
    const res = await fetch(`/api/v1/offices/${OFFICE}/tickets`, {
      method: 'POST',
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(res.status).to.equal(201);
  }
}

describe('<civic-virtual-office>', () => {
  before(async () => {
    backend = await startBackend();
  });
  beforeEach(() => {
    resetBackend(backend);
    localStorage.clear();
  });
  afterEach(() => backend.worker.resetHandlers(...backend.api.handlers));

  it('shows open now, hours, free chairs, waiting and the expected wait', async () => {
    const el = await render();
    expect(text(el, '#title')).to.equal('Digitales Bürgerbüro – Video-Sprechstunde');
    expect(text(el, '.badge')).to.equal('Jetzt geöffnet');
    expect(text(el, '.chairs')).to.equal('Freie Plätze: 2 von 3');
    expect(text(el, '.waiting')).to.equal('2 Personen im Wartezimmer');
    expect(text(el, '.wait')).to.equal('Erwartete Wartezeit: etwa 10 Minuten');
    expect(text(el, '.hours')).to.contain('Donnerstag 09:00 bis 12:00 Uhr und 14:00 bis 18:00 Uhr');
    await expectAccessible(el, { state: '#title' });
  });

  it('follows the office live and shows when its data is stale, then recovers', async () => {
    const clock = new FakeClock(Date.now());
    const el = await render({ clock });
    const realtime = (el as unknown as { realtime: { state: string } }).realtime;
    await waitUntil(() => realtime.state === 'connected', 'stream');
    backend.api.state.queues.setChair(officeRecord(), '2', false);
    await waitUntil(() => text(el, '.chairs') === 'Freie Plätze: 1 von 2', 'live chairs');
    backend.api.faults.set({ dropStreams: 100, status: 500, match: /^(getOffice|streamOfficeEvents)$/ });
    await clock.advance(46_000);
    await waitUntil(() => root(el).querySelector('.stale'), 'stale');
    await expectAccessible(el, { state: '.stale' });
    backend.api.state.queues.setChair(officeRecord(), '2', true);
    backend.api.faults.clear();
    await clock.advance(30_000);
    await waitUntil(() => realtime.state === 'connected' && text(el, '.chairs') === 'Freie Plätze: 2 von 3', 'recovered');
    expect(root(el).querySelector('.stale')).to.equal(null);
  });

  it('closed: no waiting room, the next opening and an appointment instead (event with the service id)', async () => {
    resetBackend(backend, CLOSED_AT);
    const el = await render();
    expect(text(el, '.badge')).to.equal('Jetzt geschlossen');
    expect(text(el, '.next-opening')).to.contain('Nächste Sprechzeit: Mittwoch, 2. Dezember');
    expect(root(el).querySelector('.enter')).to.equal(null);
    expect(text(el, '#offer-title')).to.equal('Das digitale Bürgerbüro ist gerade geschlossen.');
    const requested = oneEvent(el, 'civic-request-appointment');
    root(el).querySelector<HTMLButtonElement>('.appointment')!.click();
    expect(((await requested) as CustomEvent).detail).to.deep.equal({ serviceId: 'video-beratung' });
    await expectAccessible(el, { state: '#offer-title' });
  });

  it('closed with booking-page: the appointment action links with ?civic-service=', async () => {
    resetBackend(backend, CLOSED_AT);
    const el = await render({ bookingPage: '/termine/' });
    const link = root(el).querySelector<HTMLAnchorElement>('a.appointment')!;
    expect(new URL(link.href).pathname).to.equal('/termine/');
    expect(new URL(link.href).searchParams.get('civic-service')).to.equal('video-beratung');
    el.addEventListener('civic-request-appointment', (e) => e.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
  });

  it('full: the waiting room refuses, an appointment is offered', async () => {
    const el = await render();
    await fill();
    root(el).querySelector<HTMLButtonElement>('.enter')!.click();
    await waitUntil(() => root(el).querySelector('#offer-title'), 'offer');
    expect(text(el, '#offer-title')).to.equal('Das Wartezimmer ist gerade voll.');
    expect(root(el).querySelector('.appointment')).to.not.equal(null);
    expect(localStorage.length).to.equal(0);
    await expectAccessible(el, { state: '#offer-title' });
  });

  it('waiting: enters with a ticket, position updates live, then called → the Enter link with the join URL', async () => {
    const el = await render();
    expect(localStorage.length).to.equal(0);
    const number = await enter(el);
    expect(number).to.equal('V003');
    expect(text(el, '.position')).to.equal('Vor Ihnen sind noch 2 Personen.');
    expect(localStorage.getItem(storageName(`office:${OFFICE}`))).to.contain('V003');
    expect(root(el).activeElement?.id).to.equal('ticket-title');
    expect(root(el).querySelector('.join')).to.equal(null);
    await expectAccessible(el, { state: '#ticket-title' });

    const { callOffice, finish } = backend.api.state.queues;
    callOffice(officeRecord(), '2', 'https://video.musterstadt.example/raum/first');
    await waitUntil(() => text(el, '.position') === 'Vor Ihnen ist noch 1 Person.', 'position 1');
    callOffice(officeRecord(), '3', 'https://video.musterstadt.example/raum/second');
    await waitUntil(() => text(el, '.position') === 'Sie sind als Nächstes dran.', 'next');
    finish(ticketByNumber('V001'), 'served');
    const called = oneEvent(el, 'civic-ticket-called');
    callOffice(officeRecord(), '2', JOIN);
    expect(((await called) as CustomEvent).detail).to.deep.equal({ desk: 'Platz 2' });
    await waitUntil(() => root(el).querySelector('.join'), 'join link');
    const link = root(el).querySelector<HTMLAnchorElement>('.join')!;
    expect(link.href).to.equal(JOIN);
    expect(link.textContent?.trim()).to.equal('Betreten');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    await waitUntil(() => liveText(el).includes('Sie sind dran!'), 'announced');
    await expectAccessible(el, { state: '.join' });

    const entered = oneEvent(el, 'civic-office-enter');
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(((await entered) as CustomEvent).detail).to.equal(null);
  });

  it('never shows the join link to others: the public office view and a second visitor do not have it', async () => {
    const holder = await render();
    await enter(holder);
    const { callOffice, finish } = backend.api.state.queues;
    callOffice(officeRecord(), '2', 'https://video.musterstadt.example/raum/x1');
    callOffice(officeRecord(), '3', 'https://video.musterstadt.example/raum/x2');
    finish(ticketByNumber('V001'), 'served');
    callOffice(officeRecord(), '2', JOIN);
    await waitUntil(() => root(holder).querySelector('.join'), 'holder sees the link');

    // Another visitor on another device: no stored ticket.
    localStorage.clear();
    const other = await render();
    await waitUntil(() => text(other, '.waiting') === '0 Personen im Wartezimmer', 'fresh office state');
    expect(root(other).querySelector('.join')).to.equal(null);
    expect(root(other).innerHTML).to.not.contain('raum/');
    const publicView = await (await fetch(`/api/v1/offices/${OFFICE}`)).text();
    expect(publicView).to.not.contain('raum/');
  });

  it('leaves the waiting room: DELETE, event, nothing kept; a reload keeps a ticket until then', async () => {
    const el = await render();
    const number = await enter(el);
    el.remove();
    const again = await render();
    await waitUntil(() => text(again, '.ticket-number .value') === number, 'restored after reload');
    const cancelled = oneEvent(again, 'civic-ticket-cancelled');
    root(again).querySelector<HTMLButtonElement>('.cancel')!.click();
    await cancelled;
    await waitUntil(() => root(again).querySelector('.enter'), 'can enter again');
    expect(ticketByNumber(number).state).to.equal('cancelled');
    expect(localStorage.length).to.equal(0);
    expect(text(again, '.notice.info')).to.equal('Sie haben das Wartezimmer verlassen.');
  });

  it('fits a 320 px wide screen', async () => {
    await withNarrowViewport(async () => {
      const el = await render();
      expect(overflowX()).to.equal(0);
      await enter(el);
      expect(overflowX()).to.equal(0);
    });
  });

  it('works with the keyboard alone', async () => {
    const el = await render();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('enter')).to.equal(true);
    const taken = oneEvent(el, 'civic-ticket-taken');
    await sendKeys({ press: 'Enter' });
    await taken;
    await waitUntil(() => root(el).activeElement?.id === 'ticket-title', 'focus on the ticket');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('cancel')).to.equal(true);
  });

  it('renders in English and shows the error state with the fallback content', async () => {
    const el = await render({ lang: 'en' });
    await waitUntil(() => text(el, '.badge') === 'Open now', 'English');
    expect(text(el, '.enter')).to.equal('Enter the waiting room');
    await expectAccessible(el, { state: '#title' });

    backend.api.faults.set({ status: 500, match: 'getOffice' });
    const broken = await fixture<CivicVirtualOffice>(html`<civic-virtual-office api-base="/api" lang="de" office=${OFFICE} .clock=${new FakeClock()}
      ><p>Video-Sprechstunde: Mo–Fr 9–12 Uhr.</p></civic-virtual-office
    >`);
    await waitUntil(() => root(broken).querySelector('[role="alert"]'), 'error');
    expect(root(broken).querySelector('slot')).to.not.equal(null);
    await expectAccessible(broken, { state: '[role="alert"]' });
    backend.api.faults.clear();
    root(broken).querySelector<HTMLButtonElement>('.actions button')!.click();
    await waitUntil(() => text(broken, '#title') === 'Digitales Bürgerbüro – Video-Sprechstunde', 'recovered');
  });
});
