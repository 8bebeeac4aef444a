import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import './queue-display.js';
import type { CivicQueueDisplay } from './queue-display.component.js';
import { FakeClock } from '../testing/fake-clock.js';
import { CLOSED_AT, resetBackend, startBackend, type TestBackend } from '../testing/mock.js';
import { storageName } from '../shared/storage.js';
import { overflowX, withNarrowViewport } from '../testing/narrow.js';

/** Waits for a state; generous, because a shared CI machine can be slow (never waits on widget timers). */
const waitUntil = (test: () => unknown, message?: string, options: { timeout?: number } = {}) =>
  waitFor(test, message, { timeout: 5000, ...options });

const LOCATION = 'buergerbuero-mitte';
let backend: TestBackend;

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const servingNumbers = (el: Element) =>
  [...root(el).querySelectorAll('.serving tbody td:first-child')].map((td) => td.textContent?.trim());
const liveText = (el: Element) =>
  [...root(el).querySelectorAll('[data-civic-live]')].map((r) => r.textContent ?? '').join(' ');
const queue = () => backend.api.state.queues.queues.get(LOCATION)!;
const callNext = (desk = 'Schalter 2') => backend.api.state.queues.callNext(queue(), desk);

async function render(clock = new FakeClock(Date.now()), lang = 'de'): Promise<CivicQueueDisplay> {
  const el = await fixture<CivicQueueDisplay>(html`<civic-queue-display
    api-base="/api"
    lang=${lang}
    location=${LOCATION}
    .clock=${clock}
    ><p class="fallback">Wartenummern gibt es am Automaten im Eingangsbereich.</p></civic-queue-display
  >`);
  await waitUntil(() => root(el).querySelector('#title') && !root(el).querySelector('.loading'), 'queue loaded');
  return el;
}

async function connected(el: CivicQueueDisplay): Promise<void> {
  const feed = (el as unknown as { feed: { realtime: { state: string } } }).feed;
  await waitUntil(() => feed.realtime.state === 'connected', 'stream connected');
}

async function takeTicket(el: CivicQueueDisplay, service = 'personalausweis'): Promise<string> {
  const radio = [...root(el).querySelectorAll<HTMLInputElement>('input[name="service"]')].find((r) => r.value === service)!;
  radio.click();
  await el.updateComplete;
  const taken = oneEvent(el, 'civic-ticket-taken');
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  const event = (await taken) as CustomEvent<{ number: string }>;
  await waitUntil(() => root(el).querySelector('.ticket-number'), 'ticket shown');
  return event.detail.number;
}

/** Asks for the e-mail notice with `address`, chooses the first service and submits; returns the field. */
async function takeWithNotice(el: CivicQueueDisplay, address: string): Promise<HTMLInputElement> {
  root(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  await el.updateComplete;
  const email = root(el).querySelector<HTMLInputElement>('#email')!;
  email.value = address;
  email.dispatchEvent(new Event('input'));
  [...root(el).querySelectorAll<HTMLInputElement>('input[name="service"]')][0]!.click();
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return email;
}

describe('<civic-queue-display>', () => {
  before(async () => {
    backend = await startBackend();
  });
  beforeEach(() => {
    resetBackend(backend);
    localStorage.clear();
    document.title = 'Wartenummer – Musterstadt';
  });
  afterEach(() => backend.worker.resetHandlers(...backend.api.handlers));

  it('shows open now with today’s hours, now serving, waiting and the wait per service, and the last update', async () => {
    const el = await render();
    expect(text(el, '#title')).to.equal('Wartebereich Bürgerbüro Mitte');
    expect(text(el, '.badge')).to.equal('Jetzt geöffnet');
    expect(text(el, '.open-state')).to.contain('Heute: 08:00 bis 12:00 Uhr und 13:00 bis 16:00 Uhr');
    expect(servingNumbers(el)).to.deep.equal(['A016', 'M030', 'B007']);
    expect(text(el, '.waiting-count')).to.equal('5 Personen warten.');
    const rows = [...root(el).querySelectorAll('.waiting tbody tr')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    // 2 × 12 min over 3 open desks = 8 min.
    expect(rows[0]).to.equal('Personalausweis beantragen 2 etwa 8 Minuten');
    expect(text(el, '.updated')).to.equal('Stand: 10:00 Uhr');
    expect(root(el).querySelector('slot')).to.equal(null);
    await expectAccessible(el, { state: '#title' });
  });

  it('shows a live call at the top, highlighted, and announces it', async () => {
    const el = await render();
    await connected(el);
    callNext('Schalter 2');
    await waitUntil(() => servingNumbers(el)[0] === 'A017', 'call shown');
    expect(root(el).querySelector('.serving tbody tr')!.classList.contains('newest')).to.equal(true);
    await waitUntil(() => liveText(el).includes('Nummer A017 bitte zu Schalter 2.'), 'call announced');
    await waitUntil(() => text(el, '.waiting-count') === '4 Personen warten.', 'waiting count updated');
    expect(servingNumbers(el).filter((n) => n === 'A017')).to.have.length(1);
    await expectAccessible(el, { state: '.serving' });
  });

  it('marks the data stale while the stream is down, resumes with Last-Event-ID and catches up without duplicates', async () => {
    const clock = new FakeClock(Date.now());
    const el = await render(clock);
    await connected(el);
    const revision = String(queue().revision);
    backend.api.faults.set({ dropStreams: 100, status: 500, match: /^(getQueue|streamQueueEvents)$/ });
    await clock.advance(46_000);
    await waitUntil(() => root(el).querySelector('.stale'), 'stale notice');
    expect(text(el, '.stale')).to.contain('Stand: 10:00 Uhr');
    await expectAccessible(el, { state: '.stale' });

    callNext('Schalter 1'); // A017, missed while disconnected
    callNext('Schalter 3'); // M031
    backend.api.faults.clear();
    await clock.advance(30_000);
    await connected(el);
    await waitUntil(() => servingNumbers(el)[0] === 'M031', 'caught up');
    // Reconnects resume from the last event seen (the service worker is shared by the test pages
    // running in parallel, so other pages' first connections may be recorded too).
    expect(backend.streamIds.filter((id) => id !== null).at(-1)).to.equal(revision);
    expect(root(el).querySelector('.stale')).to.equal(null);
    expect(servingNumbers(el)).to.deep.equal(['M031', 'A017', 'A016', 'M030', 'B007']);
    await waitUntil(() => liveText(el).includes('Nummer M031 bitte zu Schalter 3.'), 'latest missed call announced');

    // Live again: the next call appears exactly once, also after the catch-up read.
    callNext('Schalter 2');
    await waitUntil(() => servingNumbers(el)[0] === 'B008', 'next call');
    await clock.advance(1000);
    expect(servingNumbers(el).filter((n) => n === 'B008')).to.have.length(1);
    expect(new Set(servingNumbers(el)).size).to.equal(servingNumbers(el).length);
  });

  it('shows the error with the editor’s fallback content and a retry that recovers', async () => {
    backend.api.faults.set({ status: 500, match: 'getQueue' });
    const el = await fixture<CivicQueueDisplay>(html`<civic-queue-display api-base="/api" lang="de" location=${LOCATION} .clock=${new FakeClock()}
      ><p class="fallback">Wartenummern gibt es am Automaten.</p></civic-queue-display
    >`);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown');
    expect(text(el, '#title')).to.equal('Die Warteschlange kann gerade nicht angezeigt werden.');
    expect(text(el, '[role="alert"] p')).to.contain('Beim Server ist ein Fehler aufgetreten');
    expect(root(el).querySelector('slot')).to.not.equal(null);
    expect(el.querySelector('.fallback')!.getClientRects().length).to.be.greaterThan(0);
    await expectAccessible(el, { state: '#title' });
    backend.api.faults.clear();
    root(el).querySelector<HTMLButtonElement>('.actions button')!.click();
    await waitUntil(() => text(el, '#title') === 'Wartebereich Bürgerbüro Mitte', 'recovered');
  });

  it('says it is not set up when the location attribute is missing', async () => {
    const el = await fixture<CivicQueueDisplay>(html`<civic-queue-display api-base="/api" lang="de"><p>Fallback</p></civic-queue-display>`);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'configuration error');
    expect(text(el, '[role="alert"] p')).to.contain('nicht richtig eingerichtet');
    expect(backend.requests.some((r) => r.includes('/v1/queues/') && !r.includes('buergerbuero'))).to.equal(false);
  });

  it('shows closed, no hours left today and no online tickets after hours', async () => {
    resetBackend(backend, CLOSED_AT);
    const el = await render();
    expect(text(el, '.badge')).to.equal('Jetzt geschlossen');
    expect(text(el, '#take-title')).to.equal('Wartenummer online ziehen');
    expect(root(el).querySelector('form')).to.equal(null);
    expect(text(el, 'section[aria-labelledby="take-title"] p')).to.contain('Online-Wartenummern gibt es gerade nicht');
    expect(text(el, '.waiting .estimate, .waiting tbody tr td:last-child')).to.equal('keine Schätzung');
    await expectAccessible(el, { state: '#take-title' });
  });

  it('fits a 320 px wide screen: queue, form and ticket', async () => {
    await withNarrowViewport(async () => {
      const el = await render();
      root(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await el.updateComplete;
      expect(overflowX()).to.equal(0);
      root(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await takeTicket(el);
      expect(overflowX()).to.equal(0);
    });
  });

  it('renders in English', async () => {
    const el = await render(new FakeClock(), 'en');
    await waitUntil(() => text(el, '.badge') === 'Open now', 'English texts');
    // Server texts come in the widget's language (read again once the language is known).
    await waitUntil(() => text(el, '#title') === 'Waiting area Bürgerbüro Mitte', 'English server texts');
    expect(text(el, '#serving-title')).to.equal('Now serving');
    await expectAccessible(el, { state: '#title' });
  });

  it('switches language live: client and server texts follow without losing the queue', async () => {
    const el = await render();
    el.setAttribute('lang', 'en');
    await waitUntil(() => text(el, '#title') === 'Waiting area Bürgerbüro Mitte', 'server texts in English');
    expect(text(el, '#serving-title')).to.equal('Now serving');
    expect(root(el).querySelector('.loading')).to.equal(null);
    expect(backend.requests.filter((r) => r === 'GET /api/v1/queues/buergerbuero-mitte').length).to.equal(2);
  });

  it('renders right to left in Arabic and in Leichte Sprache', async () => {
    const ar = await render(new FakeClock(), 'ar');
    await waitUntil(() => text(ar, '.badge') === 'مفتوح الآن', 'Arabic texts');
    expect(root(ar).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await expectAccessible(ar, { state: '#title' });
    const ls = await render(new FakeClock(), 'de-x-ls');
    await waitUntil(() => text(ls, '#serving-title') === 'Diese Nummern sind jetzt dran', 'Leichte Sprache');
    await expectAccessible(ls, { state: '#title' });
  });

  describe('online ticket', () => {
    it('keeps nothing on the device before a ticket is taken', async () => {
      await render();
      expect(localStorage.length).to.equal(0);
    });

    it('takes a ticket: number, position, estimate, stored token, live updates, near and called notices', async () => {
      const clock = new FakeClock(Date.now());
      const el = await render(clock);
      const number = await takeTicket(el);
      expect(number).to.equal('A019');
      expect(text(el, '.ticket-number .value')).to.equal('A019');
      expect(text(el, '.position')).to.equal('Vor Ihnen sind noch 5 Personen.');
      expect(text(el, '.estimate')).to.match(/^Geschätzte Wartezeit: etwa \d+ Minuten$/);
      expect(text(el, '.keep-open')).to.contain('Bitte lassen Sie diese Seite geöffnet');
      expect(document.activeElement).to.equal(el);
      expect(root(el).activeElement?.id).to.equal('ticket-title');
      const stored = JSON.parse(localStorage.getItem(storageName(`queue:${LOCATION}`))!) as Record<string, string>;
      expect(stored['number']).to.equal('A019');
      expect(stored['token']).to.match(/^tkt_/);
      await expectAccessible(el, { state: '#ticket-title' });

      // The ticket stream uses the token and is never paused on a hidden page.
      const holder = (el as unknown as { holder: { realtime: { state: string } } }).holder;
      await waitUntil(() => holder.realtime.state === 'connected', 'ticket stream');
      callNext();
      await waitUntil(() => text(el, '.position') === 'Vor Ihnen sind noch 4 Personen.', 'position 4');
      expect(document.title).to.equal('Wartenummer – Musterstadt');
      callNext();
      await waitUntil(() => text(el, '.position') === 'Vor Ihnen sind noch 3 Personen.', 'position 3');
      await waitUntil(() => liveText(el).includes('Sie sind bald dran.'), 'near announced');
      expect(document.title).to.equal('A019: bald dran');
      await clock.advance(1000);
      expect(document.title).to.equal('Wartenummer – Musterstadt');
      await clock.advance(10_000);
      expect(document.title).to.equal('Wartenummer – Musterstadt');

      callNext();
      callNext();
      callNext();
      const called = oneEvent(el, 'civic-ticket-called');
      callNext('Schalter 3');
      expect(((await called) as CustomEvent<{ desk: string }>).detail).to.deep.equal({ desk: 'Schalter 3' });
      await waitUntil(() => root(el).querySelector('.called'), 'called shown');
      expect(text(el, '.called')).to.equal('Sie sind dran! Nummer A019 bitte zu Schalter 3.');
      await waitUntil(() => liveText(el).includes('Sie sind dran! Nummer A019 bitte zu Schalter 3.'), 'called announced');
      expect(document.title).to.equal('A019: Sie sind dran!');
      await expectAccessible(el, { state: '.called' });
    });

    it('plays the notice sound when the turn is near and when called (audio unlocked by taking the ticket)', async () => {
      const el = await render();
      const tones: number[] = [];
      let made = 0;
      const osc = () => ({ type: 'sine', frequency: { setValueAtTime: (v: number) => tones.push(v) }, connect: () => undefined, start: () => undefined, stop: () => undefined });
      let now = 0;
      el.audioContextFactory = () => {
        made++;
        return {
          get currentTime() {
            return (now += 10);
          },
          destination: {},
          state: 'running',
          resume: () => Promise.resolve(),
          createOscillator: osc,
          createGain: () => ({ gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined }),
        };
      };
      await takeTicket(el);
      await waitUntil(() => made === 1, 'audio unlocked');
      expect(tones).to.deep.equal([]);
      const holder = (el as unknown as { holder: { realtime: { state: string } } }).holder;
      await waitUntil(() => holder.realtime.state === 'connected', 'ticket stream');
      callNext();
      callNext();
      await waitUntil(() => tones.length === 2, 'near sound');
      for (let i = 0; i < 4; i++) callNext();
      await waitUntil(() => tones.length === 4, 'called sound');
      expect(tones).to.deep.equal([660, 523.25, 660, 523.25]);
    });

    it('sends the e-mail notice request only when asked, and then says so', async () => {
      const el = await render();
      const email = await takeWithNotice(el, 'erika@');
      // A text input with the e-mail keyboard: type="email" would rewrite a typed straße.de to strasse.de.
      expect([email.type, email.inputMode, email.autocomplete]).to.deep.equal(['text', 'email', 'email']);
      await waitUntil(() => root(el).querySelector('#email-error'), 'email error');
      expect(root(el).activeElement?.id).to.equal('email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.value).to.equal('erika@');
      await expectAccessible(el, { state: '#email-error' });

      email.value = 'erika@example.org';
      email.dispatchEvent(new Event('input'));
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('.ticket-number'), 'ticket');
      expect(text(el, '.keep-open')).to.equal('Wir schreiben Ihnen eine E-Mail, wenn Sie bald dran sind und wenn Sie aufgerufen werden.');
      const record = [...backend.api.state.queues.tickets.values()].find((t) => t.number === 'A019')!;
      expect(record.notify).to.deep.equal({ email: 'erika@example.org', whenAhead: 3 });
      // Nothing personal in the stored ticket or the request URLs.
      expect(localStorage.getItem(storageName(`queue:${LOCATION}`))).to.not.contain('erika');
      expect(backend.requests.join(' ')).to.not.contain('erika');
    });

    it('shows an address the server refuses at the e-mail field, keeps it and takes one ticket once corrected', async () => {
      const el = await render();
      // The widget's loose check lets this through; the contract (idn-email) refuses the empty label.
      const email = await takeWithNotice(el, 'anna@müller..de');
      await waitUntil(() => root(el).querySelector('#email-error'), 'email error');
      await waitUntil(() => root(el).activeElement?.id === 'email', 'focus in the e-mail field');
      expect(backend.requests).to.include(`POST /api/v1/queues/${LOCATION}/tickets`);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.value, 'what the citizen typed is kept').to.equal('anna@müller..de');
      expect(root(el).querySelector('form [role="alert"]'), 'no general error').to.equal(null);
      await expectAccessible(el, { state: '#email-error' });
      // Sent again unchanged: the widget knows the answer and asks nothing of the server.
      const sent = backend.requests.length;
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await el.updateComplete;
      expect(backend.requests.length).to.equal(sent);

      email.value = 'anna@müller.de';
      email.dispatchEvent(new Event('input'));
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('.ticket-number'), 'ticket');
      const taken = [...backend.api.state.queues.tickets.values()].filter((t) => t.notify);
      expect(taken.map((t) => t.notify!.email)).to.deep.equal(['anna@müller.de']);
    });

    it('asks for a service first', async () => {
      const el = await render();
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('#service-error'), 'service error');
      expect(root(el).activeElement?.getAttribute('name')).to.equal('service');
      expect(backend.requests).to.not.include(`POST /api/v1/queues/${LOCATION}/tickets`);
    });

    it('shows a failed take with the reason, keeps the choice and takes one ticket on retry', async () => {
      const el = await render();
      backend.api.faults.set({ status: 500, match: 'takeQueueTicket', failNext: 1 });
      [...root(el).querySelectorAll<HTMLInputElement>('input[name="service"]')][1]!.click();
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('form [role="alert"]'), 'error');
      expect(text(el, 'form [role="alert"]')).to.contain('Beim Server ist ein Fehler aufgetreten');
      expect([...root(el).querySelectorAll<HTMLInputElement>('input[name="service"]')][1]!.checked).to.equal(true);
      await expectAccessible(el, { state: 'form [role="alert"]' });
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('.ticket-number'), 'taken on retry');
      expect([...backend.api.state.queues.tickets.values()].filter((t) => t.token).length).to.equal(1);
    });

    it('shows a missed ticket, forgets it on the device and offers a new one', async () => {
      const el = await render();
      const number = await takeTicket(el);
      const holder = (el as unknown as { holder: { realtime: { state: string } } }).holder;
      await waitUntil(() => holder.realtime.state === 'connected', 'ticket stream');
      for (let i = 0; i < 6; i++) callNext();
      await waitUntil(() => root(el).querySelector('.called'), 'called');
      const record = [...backend.api.state.queues.tickets.values()].find((t) => t.number === number)!;
      backend.api.state.queues.finish(record, 'missed');
      await waitUntil(() => root(el).querySelector('.final'), 'missed shown');
      expect(text(el, '.final')).to.equal('Ihre Nummer wurde aufgerufen, als Sie nicht da waren. Bitte ziehen Sie eine neue Nummer.');
      expect(localStorage.getItem(storageName(`queue:${LOCATION}`))).to.equal(null);
      expect(root(el).querySelector('.cancel')).to.equal(null);
      await expectAccessible(el, { state: '.final' });
      root(el).querySelector<HTMLButtonElement>('.forget')!.click();
      await waitUntil(() => root(el).querySelector('form'), 'form again');
    });

    it('cancels the ticket: DELETE, event, nothing kept', async () => {
      const el = await render();
      const number = await takeTicket(el);
      const cancelled = oneEvent(el, 'civic-ticket-cancelled');
      root(el).querySelector<HTMLButtonElement>('.cancel')!.click();
      await cancelled;
      await waitUntil(() => root(el).querySelector('form'), 'form again');
      const record = [...backend.api.state.queues.tickets.values()].find((t) => t.number === number)!;
      expect(record.state).to.equal('cancelled');
      expect(localStorage.getItem(storageName(`queue:${LOCATION}`))).to.equal(null);
      expect(root(el).activeElement?.id).to.equal('take-title');
    });

    it('keeps the ticket across a reload and forgets it on request', async () => {
      const el = await render();
      const number = await takeTicket(el);
      el.remove();
      const again = await render();
      await waitUntil(() => text(again, '.ticket-number .value') === number, 'ticket restored');
      expect(text(again, '.position')).to.equal('Vor Ihnen sind noch 5 Personen.');
      root(again).querySelector<HTMLButtonElement>('.forget')!.click();
      await waitUntil(() => root(again).querySelector('form'), 'form after forget');
      expect(localStorage.getItem(storageName(`queue:${LOCATION}`))).to.equal(null);
      expect(text(again, '.notice.info')).to.equal('Die Wartenummer ist von diesem Gerät entfernt.');
      await expectAccessible(again, { state: '#take-title' });
    });

    it('drops a stored ticket that is no longer valid', async () => {
      localStorage.setItem(storageName(`queue:${LOCATION}`), JSON.stringify({ id: crypto.randomUUID(), number: 'A001', token: 'tkt_gone' }));
      const el = await render();
      await waitUntil(() => text(el, '.notice.info') === 'Die gespeicherte Wartenummer gilt nicht mehr.', 'expired');
      expect(localStorage.getItem(storageName(`queue:${LOCATION}`))).to.equal(null);
    });

    it('uses the Notification API only after the citizen allowed it', async () => {
      const shown: string[] = [];
      let asked = 0;
      const original = Object.getOwnPropertyDescriptor(window, 'Notification');
      class FakeNotification {
        static permission: NotificationPermission = 'default';
        static requestPermission(): Promise<NotificationPermission> {
          asked++;
          FakeNotification.permission = 'granted';
          return Promise.resolve('granted');
        }
        constructor(title: string) {
          shown.push(title);
        }
      }
      Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
      try {
        const el = await render();
        await takeTicket(el);
        expect(asked).to.equal(0);
        root(el).querySelector<HTMLButtonElement>('.allow')!.click();
        await waitUntil(() => text(el, '.ticket').includes('Benachrichtigungen im Browser sind eingeschaltet.'), 'allowed');
        expect(asked).to.equal(1);
        for (let i = 0; i < 5; i++) callNext();
        await waitUntil(() => shown.length === 1, 'near notification');
        callNext();
        await waitUntil(() => shown.length === 2, 'called notification');
        expect(shown).to.deep.equal(['A019: bald dran', 'A019: Sie sind dran!']);
      } finally {
        if (original) Object.defineProperty(window, 'Notification', original);
      }
    });

    it('works with the keyboard alone: choose, take, cancel', async () => {
      const el = await render();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.getAttribute('name')).to.equal('service');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[name="service"]')];
      expect(radios[1]!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' }); // e-mail notice checkbox
      await sendKeys({ press: 'Tab' }); // submit
      expect(root(el).activeElement?.getAttribute('type')).to.equal('submit');
      const taken = oneEvent(el, 'civic-ticket-taken');
      await sendKeys({ press: 'Enter' });
      expect(((await taken) as CustomEvent<{ number: string }>).detail).to.deep.equal({ number: 'B009' });
      await waitUntil(() => root(el).activeElement?.id === 'ticket-title', 'focus on the ticket');
      const cancel = root(el).querySelector<HTMLButtonElement>('.cancel')!;
      for (let i = 0; i < 4 && root(el).activeElement !== cancel; i++) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(cancel);
      const cancelled = oneEvent(el, 'civic-ticket-cancelled');
      await sendKeys({ press: 'Enter' });
      await cancelled;
      await waitUntil(() => root(el).activeElement?.id === 'take-title', 'focus back on the form heading');
    });
  });
});
