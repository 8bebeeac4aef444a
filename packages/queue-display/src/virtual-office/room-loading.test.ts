// The waiting room (ticket controller, own place, call, leaving) is its own chunk: the office shows
// without it; it is fetched when the citizen moves to "Wartezimmer betreten" or presses it (busy
// meanwhile); when it cannot load, a connection error and pressing again retries. A ticket kept on
// the device loads it at once and shows unasked.
import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import './virtual-office.js';
import type { CivicVirtualOffice } from './virtual-office.component.js';
import { FakeClock } from '../testing/fake-clock.js';
import { resetBackend, startBackend, type TestBackend } from '../testing/mock.js';
import { storageName } from '../shared/storage.js';

const waitUntil = (test: () => unknown, message?: string) => waitFor(test, message, { timeout: 5000 });

const OFFICE = 'videobuero-buergeramt';
type Loader = CivicVirtualOffice['loadWaitingRoom'];
let backend: TestBackend;

const root = (el: Element) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector);
const text = (el: Element, selector: string) => q(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const real: Loader = () => import('./waiting-room.js');
const posts = () => backend.requests.filter((r) => r === `POST /api/v1/offices/${OFFICE}/tickets`).length;

const mount = (loadWaitingRoom: Loader) =>
  fixture<CivicVirtualOffice>(html`<civic-virtual-office
    api-base="/api"
    lang="de"
    office=${OFFICE}
    .clock=${new FakeClock(Date.now())}
    .loadWaitingRoom=${loadWaitingRoom}
    ><p>Video-Sprechstunde: Mo–Fr 9–12 Uhr.</p></civic-virtual-office
  >`);

async function shown(el: CivicVirtualOffice): Promise<void> {
  await waitUntil(() => q(el, '.enter'), 'office shown');
}

/** A ticket taken earlier on this device (as the widget keeps it). */
async function keepTicket(): Promise<string> {
  const res = await fetch(`/api/v1/offices/${OFFICE}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ locale: 'de' }),
  });
  expect(res.status).to.equal(201);
  const created = (await res.json()) as { ticketId: string; number: string; token: string };
  localStorage.setItem(storageName(`office:${OFFICE}`), JSON.stringify({ id: created.ticketId, number: created.number, token: created.token }));
  return created.number;
}

describe('<civic-virtual-office> waiting room loading', () => {
  before(async () => {
    backend = await startBackend();
  });
  beforeEach(() => {
    resetBackend(backend);
    localStorage.clear();
  });
  afterEach(() => backend.worker.resetHandlers(...backend.api.handlers));

  it('loads nothing for the office view; fetches the room when the citizen moves to "Wartezimmer betreten"', async () => {
    let calls = 0;
    const el = await mount(() => (calls++, real()));
    await shown(el);
    expect(text(el, '#title')).to.equal('Digitales Bürgerbüro – Video-Sprechstunde');
    expect(calls).to.equal(0);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('enter')).to.equal(true);
    await waitUntil(() => calls === 1, 'fetched on focus');
    q(el, '.enter')!.dispatchEvent(new PointerEvent('pointerenter'));
    expect(calls).to.equal(1);
    await expectAccessible(el, { state: '#enter-title' });
  });

  it('is busy while the room loads on "Wartezimmer betreten", then enters with the focus on the ticket', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const el = await mount(async () => {
      calls++;
      await gate;
      return real();
    });
    await shown(el);
    const taken = oneEvent(el, 'civic-ticket-taken');
    q<HTMLButtonElement>(el, '.enter')!.click();
    await waitUntil(() => q(el, '.enter')!.getAttribute('aria-disabled') === 'true', 'busy');
    expect(text(el, 'section[aria-labelledby="enter-title"] [role="status"]')).to.equal('Sie kommen ins Wartezimmer …');
    // A second press while it loads does nothing.
    q<HTMLButtonElement>(el, '.enter')!.click();
    await expectAccessible(el, { state: '#enter-title' });
    release();
    const { detail } = (await taken) as CustomEvent<{ number: string }>;
    await waitUntil(() => root(el).activeElement?.id === 'ticket-title', 'focus on the ticket');
    expect(text(el, '.ticket-number .value')).to.equal(detail.number);
    expect(calls).to.equal(1);
    expect(posts()).to.equal(1);
    await expectAccessible(el, { state: '#ticket-title' });
  });

  it('says the connection failed when the room does not load; pressing again loads it and enters', async () => {
    let calls = 0;
    const el = await mount(() => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : real()));
    await shown(el);
    q<HTMLButtonElement>(el, '.enter')!.click();
    await waitUntil(() => q(el, '[role="alert"]'), 'load error');
    expect(text(el, '[role="alert"]')).to.equal(
      'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    );
    expect(q(el, '.enter')!.getAttribute('aria-disabled')).to.equal('false');
    expect(posts()).to.equal(0);
    await expectAccessible(el, { state: '[role="alert"]' });
    const taken = oneEvent(el, 'civic-ticket-taken');
    q<HTMLButtonElement>(el, '.enter')!.click();
    await taken;
    await waitUntil(() => q(el, '.ticket-number'), 'in the waiting room');
    expect(q(el, '[role="alert"]')).to.equal(null);
    expect(calls).to.equal(2);
    await expectAccessible(el, { state: '#ticket-title' });
  });

  it('loads at once for a kept ticket and shows it without any click', async () => {
    const number = await keepTicket();
    let calls = 0;
    const el = await mount(() => (calls++, real()));
    await waitUntil(() => text(el, '.ticket-number .value') === number, 'kept ticket shown');
    expect(calls).to.equal(1);
    expect(text(el, '#ticket-title')).to.equal('Sie sind im Wartezimmer');
    await expectAccessible(el, { state: '#ticket-title' });
  });

  it('a kept ticket whose room does not load: the connection error with a retry that shows it', async () => {
    const number = await keepTicket();
    let calls = 0;
    const el = await mount(() => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : real()));
    await waitUntil(() => q(el, '[role="alert"]'), 'load error');
    expect(text(el, '#ticket-title')).to.equal('Ihre Wartenummer');
    expect(text(el, '[role="alert"]')).to.contain('Keine Verbindung zum Server');
    expect(q(el, '.enter')).to.equal(null);
    await expectAccessible(el, { state: '#ticket-title' });
    const retry = q<HTMLButtonElement>(el, 'button.retry')!;
    expect(text(el, 'button.retry')).to.equal('Erneut versuchen');
    retry.focus();
    retry.click();
    await waitUntil(() => text(el, '.ticket-number .value') === number, 'ticket after retry');
    expect(calls).to.equal(2);
    await waitUntil(() => root(el).activeElement?.id === 'ticket-title', 'focus on the ticket heading');
    await expectAccessible(el, { state: '#ticket-title' });
  });
});
