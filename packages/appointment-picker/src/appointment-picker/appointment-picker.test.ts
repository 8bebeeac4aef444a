// Shell, services, location and type steps of <civic-appointment-picker>.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { $, $$, HEADING, chooseServices, clickButton, mockApi, mount, text, waitStep } from '../testing/fixtures.js';
import type { PickerStep } from '../index.js';

const { worker, api } = await mockApi();

afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
  history.replaceState(null, '', location.pathname);
});

describe('<civic-appointment-picker> shell', () => {
  it('shows the fallback content while loading, then the services step', async () => {
    api.faults.set({ latencyMs: 0 });
    const el = await mount();
    expect(el.step).to.equal('loading');
    expect($(el, '[part="fallback"] slot')).to.not.equal(null);
    expect(text(el)).to.include('Termine werden geladen');
    await waitStep(el, 'services');
    expect($(el, 'slot')).to.equal(null);
    expect($(el, HEADING)!.textContent).to.include('Wofür brauchen Sie einen Termin?');
    expect($(el, '[part="base"]')!.getAttribute('lang')).to.equal('de');
    await expectAccessible(el, { state: HEADING });
  });

  it('shows an error with the fallback and retries when the API fails', async () => {
    api.faults.set({ status: 500, failNext: 2 });
    const el = await mount();
    await waitStep(el, 'error');
    expect($(el, '[role="alert"]')!.textContent).to.include('Fehler');
    expect($(el, '[part="fallback"] slot')).to.not.equal(null);
    await expectAccessible(el, { state: HEADING });
    await clickButton(el, 'Erneut versuchen');
    await waitStep(el, 'services');
  });

  it('says a malformed answer in words, not as a crash', async () => {
    api.faults.set({ malformedJson: true, failNext: 2 });
    const el = await mount();
    await waitStep(el, 'error');
    expect($(el, '[role="alert"]')!.textContent).to.include('unerwartete Antwort');
  });

  it('explains a 429 with the seconds to wait', async () => {
    api.faults.set({ rateLimit: { retryAfterSeconds: 120 }, failNext: 6 });
    const el = await mount();
    await waitStep(el, 'error');
    expect($(el, '[role="alert"]')!.textContent).to.include('120 Sekunden');
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount({ lang: 'en' });
    await waitStep(el, 'services');
    await waitUntil(() => $(el, HEADING)!.textContent!.includes('What do you need'));
    expect($(el, '[part="base"]')!.getAttribute('lang')).to.equal('en');
    await expectAccessible(el, { state: HEADING });
  });

  it('fires civic-step-change with the step only', async () => {
    const el = await mount();
    await waitStep(el, 'services');
    $<HTMLInputElement>(el, '#s-personalausweis')!.click();
    await el.updateComplete;
    const event = oneEvent(el, 'civic-step-change');
    await clickButton(el, 'Weiter');
    const { detail } = (await event) as CustomEvent<{ step: PickerStep }>;
    expect(detail).to.deep.equal({ step: 'location' });
  });
});

describe('services step', () => {
  it('searches the catalogue and shows duration, fee and documents', async () => {
    const el = await mount();
    await waitStep(el, 'services');
    const all = $$(el, '[part="service"]').length;
    const search = $<HTMLInputElement>(el, '#f-search')!;
    search.value = 'Reisepass';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const shown = $$(el, '[part="service"]');
    expect(shown.length).to.be.greaterThan(0).and.lessThan(all);
    const passport = $(el, '#d-reisepass')!.textContent!;
    expect(passport).to.include('Dauer etwa 20 Minuten');
    expect(passport).to.include('70,00');
    expect(text(el, '#services-count')).to.match(/\d+ Anliegen gefunden/);
    search.value = 'xyzzy';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(el, '#services-count')).to.include('Kein Anliegen passt zu „xyzzy“');
    await expectAccessible(el, { state: HEADING });
  });

  it('selects several services with a quantity no higher than maxQuantity', async () => {
    const el = await mount();
    await waitStep(el, 'services');
    $<HTMLInputElement>(el, '#s-personalausweis')!.click();
    $<HTMLInputElement>(el, '#s-meldebescheinigung')!.click();
    await el.updateComplete;
    const qty = $<HTMLInputElement>(el, '#s-personalausweis ~ div input[type="number"]')!;
    expect(qty.max).to.equal('5');
    qty.value = '9';
    qty.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(qty.value).to.equal('5');
    expect(text(el, '.selected')).to.equal('2 Anliegen ausgewählt');
    await expectAccessible(el, { state: HEADING });
  });

  it('asks for a service before continuing', async () => {
    const el = await mount();
    await waitStep(el, 'services');
    await clickButton(el, 'Weiter');
    expect(el.step).to.equal('services');
    expect($(el, '#step-invalid')!.textContent).to.include('mindestens ein Anliegen');
    expect($(el, '#f-search')!.getAttribute('aria-describedby')).to.include('step-invalid');
    await expectAccessible(el, { state: HEADING });
  });

  it('preselects services from the service attribute', async () => {
    const el = await mount({ service: 'personalausweis,meldebescheinigung' });
    await waitStep(el, 'location');
    expect($$(el, '[part="location"]').map((l) => l.textContent)).to.satisfy((t: string[]) => t.some((x) => x.includes('Bürgerbüro Mitte')));
  });

  it('preselects a service from ?civic-service= in the page URL', async () => {
    history.replaceState(null, '', `${location.pathname}?civic-service=kfz-zulassung`);
    const el = await mount();
    await waitStep(el, 'location');
    // Only Bürgerbüro Nord offers Kfz-Zulassung.
    expect($$(el, 'input[name="location"]').map((i) => i.id)).to.deep.equal(['l-buergerbuero-nord']);
  });
});

describe('location and type steps', () => {
  it('lists locations with "any location", hours, exceptions and accessibility', async () => {
    const el = await mount();
    await chooseServices(el, 'personalausweis');
    await waitStep(el, 'location');
    const ids = $$(el, 'input[name="location"]').map((i) => i.id);
    expect(ids[0]).to.equal('l-any');
    expect(ids).to.include.members(['l-buergerbuero-mitte', 'l-buergerbuero-nord', 'l-rathaus-sued']);
    expect(text(el)).to.include('Egal wo – frühester Termin zuerst');
    const mitte = $(el, '#l-buergerbuero-mitte')!.parentElement!;
    expect(mitte.textContent).to.include('Öffnungszeiten');
    expect(mitte.textContent).to.include('Montag');
    expect(mitte.textContent).to.include('Barrierefreiheit');
    expect(mitte.textContent).to.include('Terminarten: Vor Ort und Telefon');
    expect($$(el, '.exceptions li').length).to.be.greaterThan(0);
    await expectAccessible(el, { state: HEADING });
  });

  it('asks for a location before continuing', async () => {
    const el = await mount();
    await chooseServices(el, 'personalausweis');
    await waitStep(el, 'location');
    await clickButton(el, 'Weiter');
    expect(el.step).to.equal('location');
    expect($(el, '#step-invalid')!.textContent).to.include('Bitte wählen Sie einen Standort');
  });

  it('offers the types the location and the services share', async () => {
    const el = await mount({ service: 'meldebescheinigung', location: 'buergerbuero-mitte' });
    await waitStep(el, 'type');
    expect($$(el, 'input[name="type"]').map((i) => i.id)).to.deep.equal(['t-in_person', 't-phone']);
    expect(text(el)).to.include('Wir rufen Sie zur vereinbarten Zeit an.');
    await expectAccessible(el, { state: HEADING });
    $<HTMLInputElement>(el, '#t-phone')!.click();
    await el.updateComplete;
    await clickButton(el, 'Weiter');
    await waitStep(el, 'day');
  });

  it('skips the type step when only one type fits', async () => {
    const el = await mount({ service: 'personalausweis', location: 'buergerbuero-nord' });
    await waitStep(el, 'day');
  });

  it('says so when no location offers all services together', async () => {
    const el = await mount({ service: 'kfz-zulassung,video-beratung' });
    await waitStep(el, 'location');
    expect(text(el)).to.include('Kein Standort bietet alle gewählten Anliegen');
    await expectAccessible(el, { state: HEADING });
  });
});

describe('languages', () => {
  const headings: Record<string, string> = {
    'de-x-ls': 'Was möchten Sie im Amt machen?',
    tr: 'Ne için randevuya ihtiyacınız var?',
    uk: 'Для чого вам потрібен прийом?',
    ar: 'لأي غرض تحتاج إلى موعد؟',
  };
  for (const [lang, heading] of Object.entries(headings)) {
    it(`speaks ${lang}`, async () => {
      const el = await mount({ lang });
      await waitStep(el, 'services');
      await waitUntil(() => $(el, HEADING)!.textContent === heading, `${lang} heading`);
      expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(el, { state: HEADING });
    });
  }

  it('keeps a Leichte Sprache key it lacks in German', async () => {
    const el = await mount({ lang: 'de-x-ls', service: 'personalausweis' });
    await waitStep(el, 'location');
    await waitUntil(() => text(el).includes('Wann ist offen?'));
    expect(text(el)).to.include('Montag');
  });
});
