// Month-switch benchmark of <civic-appointment-picker>: 6 months × 60 slots a day, median scripting
// time of showing another (already loaded) month. Prints one line; asserts nothing about speed.
//   WTR_FILES=packages/appointment-picker/bench/month-switch.bench.ts npx web-test-runner --port 8499
import { fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { addCalendarDays } from '@civic-elements/core';
import { createMockApi } from '@civic-elements/mock-api';
import type { CivicAppointmentPicker } from '../src/index.js';
import '../src/index.js';

const FROM = '2026-12-01';
const TO = addCalendarDays('2026-12-01', 6 * 31 - 1);

function day(date: string) {
  const slots = Array.from({ length: 60 }, (_, i) => {
    const m = 7 * 60 + i * 10;
    const hh = String(Math.floor(m / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    return { start: `${date}T${hh}:${mm}:00+01:00`, end: `${date}T${hh}:${mm}:00+01:00`, seats: 2, location: 'buergerbuero-mitte' };
  });
  return { date, slots };
}

const api = createMockApi({ base: '/api' });
const worker = setupWorker(
  http.get('/api/v1/availability', ({ request }) => {
    const url = new URL(request.url);
    const from = url.searchParams.get('from') ?? FROM;
    const to = url.searchParams.get('to') ?? addCalendarDays(from, 30);
    const days = [];
    for (let d = from; d <= to && d <= TO; d = addCalendarDays(d, 1)) days.push(day(d));
    return HttpResponse.json({ timeZone: 'Europe/Berlin', horizon: { from: FROM, to: TO }, days });
  }),
  ...api.handlers,
);
await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });

it('month switch, 6 months × 60 slots a day', async () => {
  const el = await fixture<CivicAppointmentPicker>(
    html`<civic-appointment-picker api-base="/api" lang="de" service="personalausweis" location="buergerbuero-mitte"></civic-appointment-picker>`,
  );
  await waitUntil(() => el.step === 'day' && el.shadowRoot!.querySelector('td.free'), 'days', { timeout: 10000 });
  const show = (month: string) => (el as unknown as { showMonth(m: string): Promise<boolean> }).showMonth(month);
  const months = ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05'];
  // Load every month once (network is not part of the measurement).
  for (const m of months) {
    await show(m);
    await el.updateComplete;
  }
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const m of months) {
      const t = performance.now();
      await show(m);
      await el.updateComplete;
      times.push(performance.now() - t);
    }
  }
  // The last month really is on screen, with its free days.
  const heading = el.shadowRoot!.querySelector('#month')!.textContent;
  if (heading !== 'Mai 2027' || el.shadowRoot!.querySelectorAll('td.free').length < 28) throw new Error(`month not shown: ${heading}`);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`appointment-picker month switch (6 months × 60 slots/day): median ${median.toFixed(2)} ms over ${times.length} switches (goal ≤ 16 ms)`);
});
