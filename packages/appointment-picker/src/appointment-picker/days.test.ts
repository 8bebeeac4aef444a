// Day grid and time step of <civic-appointment-picker>.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import { createMockApi, TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import { $, $$, HEADING, chooseServices, clickButton, mockApi, mount, text, toTimes, waitDays, waitStep } from '../testing/fixtures.js';

const { worker, api } = await mockApi();
const requests: string[] = [];
worker.events.on('request:start', ({ request }) => requests.push(`${request.method} ${new URL(request.url).pathname}`));

afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
  requests.length = 0;
});

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('day step', () => {
  it('shows a month grid with availability in text, not colour alone', async () => {
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte' });
    await waitDays(el);
    const grid = $(el, 'table[role="grid"]')!;
    expect(grid.getAttribute('aria-labelledby')).to.equal('month');
    expect(text(el, '#month')).to.equal('Dezember 2026');
    const free = $(el, 'td.free')!;
    expect(free.getAttribute('aria-disabled')).to.equal('false');
    expect(free.textContent).to.match(/\d+ freie? Termine?/);
    expect(free.querySelector('.mark')!.textContent).to.equal('●');
    const full = $$(el, 'td[data-date][aria-disabled="true"]')[0]!;
    expect(full.textContent).to.include('keine freien Termine');
    expect($$(el, 'th[scope="col"]').length).to.equal(7);
    await expectAccessible(el, { state: HEADING });
  });

  it('moves between days with arrow keys and months with PageDown, and chooses with Enter', async () => {
    // On 20 December the 30-day horizon reaches into January.
    const late = createMockApi({ now: Date.parse('2026-12-20T10:00:00+01:00'), settings: TEST_MODE_SETTINGS, base: '/api' });
    worker.resetHandlers(...late.handlers);
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte' });
    await waitDays(el);
    const first = $(el, 'td[data-date][tabindex="0"]')!;
    first.focus();
    const start = first.dataset['date']!;
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => active(el)?.dataset['date'] !== start);
    const next = active(el)!.dataset['date']!;
    expect(next > start).to.equal(true);
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => active(el)?.dataset['date']?.startsWith('2027-01'), 'January shown');
    expect(text(el, '#month')).to.equal('Januar 2027');
    await sendKeys({ press: 'PageDown' });
    // Beyond the horizon: focus stays in January.
    expect(text(el, '#month')).to.equal('Januar 2027');
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => active(el)?.dataset['date']?.startsWith('2026-12'), 'December again');
    // Land on a free day and choose it.
    const free = $(el, 'td.free')!;
    free.focus();
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'time');
    expect(text(el, '.date')).to.include('2026');
  });

  it('mirrors the arrows in Arabic (right to left)', async () => {
    const el = await mount({ lang: 'ar', service: 'personalausweis', location: 'buergerbuero-mitte' });
    await waitDays(el);
    await waitUntil(() => $(el, '[part="base"]')!.getAttribute('dir') === 'rtl');
    const first = $(el, 'td[data-date][tabindex="0"]')!;
    first.focus();
    const start = first.dataset['date']!;
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => active(el)?.dataset['date'] !== start);
    expect(active(el)!.dataset['date']! > start).to.equal(true);
    await expectAccessible(el, { state: HEADING });
  });

  it('jumps to the next free day', async () => {
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte' });
    await waitDays(el);
    const firstFree = $(el, 'td.free')!.dataset['date']!;
    await clickButton(el, 'Nächster freier Tag');
    await waitUntil(() => active(el)?.dataset['date'] === firstFree, 'focus on the next free day');
  });

  it('keeps the horizon to `months`', async () => {
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte', months: 1 });
    await waitDays(el);
    const next = $$<HTMLButtonElement>(el, '.month-nav button')[1]!;
    expect(next.disabled).to.equal(true);
  });

  it('starts the proof of work while the citizen looks at days', async () => {
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte' });
    await waitDays(el);
    await waitUntil(() => requests.includes('GET /api/v1/antibot/challenge'), 'challenge fetched on the day step');
    expect(requests.some((r) => r.startsWith('POST /api/v1/holds'))).to.equal(false);
  });

  it('offers the waiting list when the horizon has no free slot', async () => {
    const el = await mount({ service: 'einbuergerung', location: 'rathaus-sued', type: 'in_person' });
    await waitStep(el, 'waitlist');
    expect($(el, HEADING)!.textContent).to.include('Keine freien Termine');
    await expectAccessible(el, { state: HEADING });
  });

  it('shows an error with retry when availability fails', async () => {
    api.faults.set({ status: 500, match: 'getAvailability' });
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte' });
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown', { timeout: 5000 });
    expect(text(el, '[role="alert"]')).to.include('Fehler aufgetreten');
    await expectAccessible(el, { state: HEADING });
    api.faults.clear();
    await clickButton(el, 'Erneut versuchen');
    await waitDays(el);
  });
});

describe('time step', () => {
  it('groups slots into morning and afternoon', async () => {
    const el = await mount();
    await toTimes(el);
    const headings = $$(el, '[part="times"] h3').map((h) => h.textContent);
    expect(headings.length).to.be.greaterThan(0);
    expect(headings.every((h) => h === 'Vormittag' || h === 'Nachmittag')).to.equal(true);
    expect($$(el, '[part~="slot"]').length).to.be.greaterThan(0);
    await expectAccessible(el, { state: HEADING });
  });

  it("shows the location's (Berlin) wall-clock times, not the browser's", async () => {
    // The test browser runs in another zone (UTC here); the slots must still read as in Berlin.
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(browserZone).to.not.equal('Europe/Berlin');
    const el = await mount();
    await toTimes(el);
    // toTimes() chose the first free day.
    const res = await fetch('/api/v1/availability?services=personalausweis:1&location=buergerbuero-mitte');
    const days = ((await res.json()) as { days: { slots: { start: string }[] }[] }).days;
    const slots = days.find((d) => d.slots.length > 0)!.slots;
    // Slot times carry the location's offset: their wall clock is the Berlin time.
    const berlin = slots.map((s) => s.start.slice(11, 16));
    const local = slots.map((s) => new Date(s.start).toLocaleTimeString('de', { hour: '2-digit', minute: '2-digit' }));
    expect(berlin).to.not.deep.equal(local);
    const shown = $$(el, '[part~="slot"]').map((b) => /(\d\d:\d\d)/.exec(b.textContent!)![1]);
    expect(shown).to.deep.equal(berlin);
    expect(text(el)).to.include('Ortszeit des Standorts (Europe/Berlin)');
  });

  it('shows the location of each slot when any location was chosen', async () => {
    const el = await mount({ service: 'personalausweis' });
    await waitStep(el, 'location');
    $<HTMLInputElement>(el, '#l-any')!.click();
    await el.updateComplete;
    await clickButton(el, 'Weiter');
    await waitDays(el);
    $(el, 'td.free')!.click();
    await waitStep(el, 'time');
    expect($(el, '[part~="slot"]')!.textContent).to.match(/in (Bürgerbüro|Rathaus)/);
  });

  it('goes back to the days', async () => {
    const el = await mount();
    await chooseServices(el, 'personalausweis');
    await waitStep(el, 'location');
    $<HTMLInputElement>(el, '#l-buergerbuero-mitte')!.click();
    await clickButton(el, 'Weiter');
    await waitDays(el);
    $(el, 'td.free')!.click();
    await waitStep(el, 'time');
    await clickButton(el, 'Zurück');
    await waitStep(el, 'day');
  });
});
