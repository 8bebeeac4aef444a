// The later steps' code (day … waiting list) is its own chunk: while it loads the step shows its
// heading and a status; when it cannot load, a connection error with retry.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { expectAccessible } from '@civic-elements/core/testing';
import { $, $$, HEADING, TestClock, clickButton, mockApi, noWait, text, waitDays, waitStep } from '../testing/fixtures.js';
import type { CivicAppointmentPicker } from '../index.js';

const { worker, api } = await mockApi();
afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
});

type Loader = CivicAppointmentPicker['loadLaterSteps'];

/** A picker with services and location preset (it opens on the day step) and the given loader. */
const mountWith = (loadLaterSteps: Loader) =>
  fixture<CivicAppointmentPicker>(html`<civic-appointment-picker
    api-base="/api"
    lang="de"
    service="personalausweis"
    location="buergerbuero-mitte"
    .clock=${new TestClock()}
    .sleep=${noWait}
    .loadLaterSteps=${loadLaterSteps}
  ></civic-appointment-picker>`);

describe('step loading', () => {
  /** A picker on the services step whose later-steps loader counts its calls. */
  async function countingPicker(): Promise<{ el: CivicAppointmentPicker; calls: () => number }> {
    let calls = 0;
    const el = await fixture<CivicAppointmentPicker>(html`<civic-appointment-picker
      api-base="/api"
      lang="de"
      .clock=${new TestClock()}
      .sleep=${noWait}
      .loadLaterSteps=${() => (calls++, import('./later-steps.js'))}
    ></civic-appointment-picker>`);
    await waitStep(el, 'services');
    // Long enough for a fetch started at the first render to have been asked for.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { el, calls: () => calls };
  }

  afterEach(() => resetMouse());

  it('fetches the later steps when the pointer first moves over the picker, not before', async () => {
    const { el, calls } = await countingPicker();
    expect(calls()).to.equal(0);
    const box = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + 20)] });
    await waitUntil(() => calls() === 1, 'fetched on hover');
    await sendMouse({ type: 'move', position: [0, 0] });
    await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + 20)] });
    expect(calls()).to.equal(1);
    expect(el.step).to.equal('services');
  });

  it('fetches the later steps when the keyboard focus first enters the picker', async () => {
    const { el, calls } = await countingPicker();
    expect(calls()).to.equal(0);
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => calls() === 1, 'fetched on focus');
    expect(el.step).to.equal('services');
  });

  it("shows the step's heading and a status while its code loads, then the step", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const el = await mountWith(async () => {
      calls++;
      await held;
      return import('./later-steps.js');
    });
    await waitUntil(() => el.step === 'day' && $(el, '[aria-busy="true"]'), 'step loading');
    expect($(el, HEADING)!.textContent).to.equal('An welchem Tag?');
    expect($(el, '[aria-busy="true"] [role="status"]')!.textContent).to.equal('Termine werden geladen …');
    expect($(el, '[part="calendar"]')).to.equal(null);
    await expectAccessible(el, { state: HEADING });
    release();
    await waitDays(el);
    expect($(el, '[aria-busy="true"]')).to.equal(null);
    expect($$(el, 'td.free').length).to.be.greaterThan(0);
    // Fetched once: the day step (opened by the preset service and location) asked once.
    expect(calls).to.equal(1);
  });

  it('says the connection failed and loads again on retry', async () => {
    let calls = 0;
    const el = await mountWith(() => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : import('./later-steps.js')));
    await waitUntil(() => $(el, '[part="error"]'), 'load error');
    expect($(el, HEADING)!.textContent).to.equal('An welchem Tag?');
    expect(text(el, '[part="error"]')).to.include('Keine Verbindung zum Server');
    expect($(el, '[aria-busy="true"] [role="status"]')).to.equal(null);
    await expectAccessible(el, { state: HEADING });
    await clickButton(el, 'Erneut versuchen');
    await waitDays(el);
    expect($(el, '[part="error"]')).to.equal(null);
    expect(calls).to.equal(2);
  });

  it('loads the code again after the retry of another failed request took the place of its error', async () => {
    let calls = 0;
    // The availability fails too, after the code did: its error (and retry) is the one shown.
    worker.use(http.get('/api/v1/availability', () => HttpResponse.json({}, { status: 500 }), { once: true }));
    const el = await mountWith(() => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : import('./later-steps.js')));
    // Both answers are in: the code's and then the availability's, whose message is shown.
    await waitUntil(() => calls === 1 && text(el, '[part="error"]').includes('Beim Server ist ein Fehler aufgetreten'), 'errors');
    await clickButton(el, 'Erneut versuchen');
    await waitDays(el);
    expect(calls).to.equal(2);
  });

  it('one retry redoes both the availability and the code when the code failed last', async () => {
    let calls = 0;
    let failLoad!: () => void;
    worker.use(http.get('/api/v1/availability', () => HttpResponse.json({}, { status: 500 }), { once: true }));
    const el = await mountWith(() =>
      ++calls === 1
        ? new Promise<never>((_, reject) => (failLoad = () => reject(new TypeError('Failed to fetch'))))
        : import('./later-steps.js'),
    );
    await waitUntil(() => $(el, '[part="error"]'), 'availability error');
    const first = text(el, '[part="error"]');
    expect(calls).to.equal(1);
    failLoad();
    await waitUntil(() => text(el, '[part="error"]') !== first, 'code error shown in its place');
    expect(text(el, '[part="error"]')).to.include('Keine Verbindung zum Server');
    await expectAccessible(el, { state: HEADING });
    await clickButton(el, 'Erneut versuchen');
    await waitDays(el);
    expect(calls).to.equal(2);
    expect($(el, '[part="error"]')).to.equal(null);
  });
});
