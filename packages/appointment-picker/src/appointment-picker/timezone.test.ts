// <civic-appointment-picker> in a browser in another time zone: the citizen still sees the
// location's (Europe/Berlin) days and wall-clock times, also in the week Berlin changes to summer time.
import { expect } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import {
  $,
  $$,
  HEADING,
  NOW,
  TestClock,
  clickButton,
  emulateTimeZone,
  mockApi,
  mockClock,
  mount,
  text,
  waitDays,
  waitStep,
} from '../testing/fixtures.js';
import type { CivicAppointmentPicker } from '../index.js';

const { worker, api } = await mockApi();
afterEach(() => {
  mockClock.set(NOW);
  worker.resetHandlers(...api.handlers);
  api.reset();
});

interface Day {
  date: string;
  slots: { start: string }[];
}

/** The mock's free days of personalausweis at Bürgerbüro Mitte (times carry Berlin's offset). */
async function freeDays(from: string, to: string): Promise<Day[]> {
  const query = `services=personalausweis:1&location=buergerbuero-mitte&from=${from}&to=${to}`;
  const res = await fetch(`/api/v1/availability?${query}`);
  return ((await res.json()) as { days: Day[] }).days.filter((d) => d.slots.length > 0);
}

const wallClock = (start: string) => start.slice(11, 16);
const browserClock = (start: string) => new Date(start).toLocaleTimeString('de', { hour: '2-digit', minute: '2-digit' });
/** The browser's own calendar date of an instant. */
const browserDate = (start: string) => new Date(start).toLocaleDateString('sv');
const shownTimes = (el: CivicAppointmentPicker, group: string) =>
  $$(el, `[aria-labelledby="${group}"] [part~="slot"]`).map((b) => /(\d\d:\d\d)/.exec(b.textContent!)![1]);

/** Chooses `day` in the grid and checks the time step against the mock's slots of that day. */
async function expectBerlinTimes(el: CivicAppointmentPicker, day: Day, label: string): Promise<void> {
  const cell = $(el, `td[data-date="${day.date}"]`)!;
  expect(cell.className).to.equal('free');
  expect(cell.textContent).to.include(label);
  cell.click();
  await waitStep(el, 'time');
  expect(text(el, '.date')).to.equal(label);
  const berlin = day.slots.map((s) => s.start);
  expect(shownTimes(el, 'morning')).to.deep.equal(berlin.filter((s) => +s.slice(11, 13) < 12).map(wallClock));
  expect(shownTimes(el, 'afternoon')).to.deep.equal(berlin.filter((s) => +s.slice(11, 13) >= 12).map(wallClock));
  expect(text(el)).to.include('Ortszeit des Standorts (Europe/Berlin)');
}

for (const zone of ['America/New_York', 'Pacific/Auckland']) {
  describe(`in a browser in ${zone}`, () => {
    before(() => emulateTimeZone(zone));
    after(() => emulateTimeZone(null));

    it('runs in that zone', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(zone);
      expect(new Date('2026-12-01T12:00:00Z').getTimezoneOffset()).to.equal(zone === 'America/New_York' ? 300 : -780);
    });

    it('shows the Berlin days and wall-clock times of the first free day', async () => {
      const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte' });
      await waitDays(el);
      const [first] = await freeDays('2026-12-01', '2026-12-31');
      // The browser's own clock reads differently: the test would notice a widget that used it.
      expect(first!.slots.map((s) => browserClock(s.start))).to.not.deep.equal(first!.slots.map((s) => wallClock(s.start)));
      const label = new Intl.DateTimeFormat('de', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${first!.date}T12:00:00Z`));
      await expectBerlinTimes(el, first!, label);
      await expectAccessible(el, { state: HEADING });
    });

    it('keeps Berlin days and times in the week Berlin moves to summer time (28 March 2027)', async () => {
      // Monday of that week: the seed's 30 days of slots start here (materialised again on reset).
      mockClock.set(Date.parse('2027-03-22T09:00:00+01:00'));
      api.reset();
      const el = await mount({ service: 'personalausweis', location: 'buergerbuero-mitte', clock: new TestClock(mockClock.now()) });
      await waitDays(el);
      const days = await freeDays('2027-03-22', '2027-04-02');
      const before = days.filter((d) => d.date < '2027-03-28').at(-1)!;
      const after = days.find((d) => d.date > '2027-03-28')!;
      expect(before.slots[0]!.start).to.match(/\+01:00$/);
      expect(after.slots[0]!.start).to.match(/\+02:00$/);
      const label = (date: string) =>
        new Intl.DateTimeFormat('de', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
      await expectBerlinTimes(el, before, label(before.date));
      await clickButton(el, 'Zurück');
      await waitStep(el, 'day');
      await expectBerlinTimes(el, after, label(after.date));
      // Hold the day's last slot: the summary names the Berlin day and time, even where the
      // browser's calendar is already on the next day (Auckland, 13 hours ahead).
      const last = after.slots.at(-1)!.start;
      if (zone === 'Pacific/Auckland') expect(browserDate(last)).to.not.equal(after.date);
      $$<HTMLButtonElement>(el, '[part~="slot"]').at(-1)!.click();
      await waitStep(el, 'contact');
      expect(text(el, '[part="summary"]')).to.include(`${label(after.date)} um ${wallClock(last)}`);
      await expectAccessible(el, { state: HEADING });
    });
  });
}
