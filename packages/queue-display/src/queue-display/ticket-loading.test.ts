// The online ticket (form, own ticket, ticket controller) is its own chunk: the queue shows without
// it; while it loads the ticket area shows its heading and a status; when it cannot load, a
// connection error with retry. A ticket kept on the device loads it at once and shows unasked.
import { expect, fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import './queue-display.js';
import type { CivicQueueDisplay } from './queue-display.component.js';
import { FakeClock } from '../testing/fake-clock.js';
import { CLOSED_AT, resetBackend, startBackend, type TestBackend } from '../testing/mock.js';
import { storageName } from '../shared/storage.js';

const waitUntil = (test: () => unknown, message?: string) => waitFor(test, message, { timeout: 5000 });

const LOCATION = 'buergerbuero-mitte';
type Loader = CivicQueueDisplay['loadTicketView'];
let backend: TestBackend;

const root = (el: Element) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector);
const text = (el: Element, selector: string) => q(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const real: Loader = () => import('./ticket-view.js');

/** A load the test releases by hand. */
function held(): { loader: Loader; release(): void; calls(): number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  return {
    loader: async () => {
      calls++;
      await gate;
      return real();
    },
    release: () => release(),
    calls: () => calls,
  };
}

const mount = (loadTicketView: Loader) =>
  fixture<CivicQueueDisplay>(html`<civic-queue-display
    api-base="/api"
    lang="de"
    location=${LOCATION}
    .clock=${new FakeClock(Date.now())}
    .loadTicketView=${loadTicketView}
    ><p class="fallback">Wartenummern gibt es am Automaten im Eingangsbereich.</p></civic-queue-display
  >`);

/** A ticket taken earlier on this device (as the widget keeps it). */
async function keepTicket(): Promise<string> {
  const res = await fetch(`/api/v1/queues/${LOCATION}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ service: 'personalausweis', locale: 'de' }),
  });
  expect(res.status).to.equal(201);
  const created = (await res.json()) as { ticketId: string; number: string; token: string };
  localStorage.setItem(storageName(`queue:${LOCATION}`), JSON.stringify({ id: created.ticketId, number: created.number, token: created.token }));
  return created.number;
}

describe('<civic-queue-display> ticket loading', () => {
  before(async () => {
    backend = await startBackend();
  });
  beforeEach(() => {
    resetBackend(backend);
    localStorage.clear();
  });
  afterEach(() => backend.worker.resetHandlers(...backend.api.handlers));

  it('shows the queue first, the form heading with a status while the form loads, then the form', async () => {
    const load = held();
    const el = await mount(load.loader);
    await waitUntil(() => q(el, '.serving'), 'queue shown');
    await waitUntil(() => load.calls() === 1, 'form code requested');
    expect(text(el, '#take-title')).to.equal('Wartenummer online ziehen');
    expect(q(el, 'section[aria-labelledby="take-title"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el, 'section[aria-labelledby="take-title"] [role="status"]')).to.equal('Das Formular wird geladen …');
    expect(q(el, 'form')).to.equal(null);
    await expectAccessible(el, { state: '#take-title' });
    load.release();
    await waitUntil(() => q(el, 'form[part="form"]'), 'form shown');
    expect(q(el, '[aria-busy]')).to.equal(null);
    expect(root(el).querySelectorAll('input[name="service"]').length).to.be.greaterThan(0);
    expect(load.calls()).to.equal(1);
    await expectAccessible(el, { state: '#take-title' });
  });

  it('loads nothing for a queue without online tickets and no kept ticket', async () => {
    resetBackend(backend, CLOSED_AT);
    let calls = 0;
    const el = await mount(() => (calls++, real()));
    await waitUntil(() => text(el, 'section[aria-labelledby="take-title"] p').includes('Online-Wartenummern gibt es gerade nicht'), 'offline');
    expect(calls).to.equal(0);
    await expectAccessible(el, { state: '#take-title' });
  });

  it('says the connection failed with a retry that loads the form and keeps the focus in the area', async () => {
    let calls = 0;
    const el = await mount(() => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : real()));
    await waitUntil(() => q(el, '[role="alert"]'), 'load error');
    expect(text(el, '#take-title')).to.equal('Wartenummer online ziehen');
    expect(text(el, '[role="alert"]')).to.equal(
      'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    );
    // The queue stays; nothing blank: the heading, the reason and a way on.
    expect(q(el, '.serving')).to.not.equal(null);
    await expectAccessible(el, { state: '[role="alert"]' });
    const retry = q<HTMLButtonElement>(el, 'button.retry')!;
    expect(text(el, 'button.retry')).to.equal('Erneut versuchen');
    retry.focus();
    retry.click();
    await waitUntil(() => q(el, 'form[part="form"]'), 'form after retry');
    expect(calls).to.equal(2);
    expect(q(el, '[role="alert"]')).to.equal(null);
    await waitUntil(() => root(el).activeElement?.id === 'take-title', 'focus on the form heading');
    await expectAccessible(el, { state: '#take-title' });
  });

  it('loads at once for a kept ticket (before the queue is in) and shows it without any click', async () => {
    const number = await keepTicket();
    let queueShownAtLoad: boolean | undefined;
    let calls = 0;
    const el = await mount(() => {
      calls++;
      queueShownAtLoad ??= !!document.querySelector('civic-queue-display')?.shadowRoot?.querySelector('.serving');
      return real();
    });
    await waitUntil(() => text(el, '.ticket-number .value') === number, 'kept ticket shown');
    expect(calls).to.equal(1);
    expect(queueShownAtLoad).to.equal(false);
    expect(text(el, '.position')).to.equal('Vor Ihnen sind noch 5 Personen.');
    await expectAccessible(el, { state: '#ticket-title' });
  });

  it('shows "your ticket is loading" while a kept ticket’s code loads, and on failure a retry that shows it', async () => {
    const number = await keepTicket();
    let fail!: () => void;
    let calls = 0;
    const el = await mount(() =>
      ++calls === 1 ? new Promise<never>((_, reject) => (fail = () => reject(new TypeError('Failed to fetch')))) : real(),
    );
    await waitUntil(() => q(el, '.serving'), 'queue shown');
    expect(text(el, '.loading')).to.equal('Ihre Wartenummer wird geladen …');
    expect(q(el, 'form')).to.equal(null);
    await expectAccessible(el, { state: '.loading' });
    fail();
    await waitUntil(() => q(el, '[role="alert"]'), 'load error');
    expect(text(el, '#ticket-title')).to.equal('Ihre Wartenummer');
    expect(text(el, '[role="alert"]')).to.contain('Keine Verbindung zum Server');
    await expectAccessible(el, { state: '#ticket-title' });
    q<HTMLButtonElement>(el, 'button.retry')!.click();
    await waitUntil(() => text(el, '.ticket-number .value') === number, 'ticket after retry');
    expect(calls).to.equal(2);
    await waitUntil(() => root(el).activeElement?.id === 'ticket-title', 'focus on the ticket heading');
    await expectAccessible(el, { state: '#ticket-title' });
  });
});
