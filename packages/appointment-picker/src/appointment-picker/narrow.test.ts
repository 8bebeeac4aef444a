// 320 CSS px wide (WCAG 1.4.10 Reflow): no step scrolls horizontally.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $, chooseServices, mockApi, mount, waitDays, waitStep } from '../testing/fixtures.js';
import type { CivicAppointmentPicker } from '../index.js';

const { worker, api } = await mockApi();

before(() => setViewport({ width: 320, height: 800 }));
after(() => setViewport({ width: 800, height: 600 }));
afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
});

function noHorizontalScroll(el: CivicAppointmentPicker, step: string): void {
  const doc = document.documentElement;
  expect(doc.scrollWidth, `${step}: page ${doc.scrollWidth} px wide`).to.be.at.most(320);
  expect(el.getBoundingClientRect().right, `${step}: widget`).to.be.at.most(320);
}

it('fits 320 px in every step of the booking flow', async () => {
  const el = await mount();
  await chooseServices(el, 'personalausweis');
  noHorizontalScroll(el, 'services');
  await waitStep(el, 'location');
  for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
  noHorizontalScroll(el, 'location');
  $<HTMLInputElement>(el, '#l-buergerbuero-mitte')!.click();
  await el.updateComplete;
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Weiter'))!.click();
  await waitDays(el);
  noHorizontalScroll(el, 'day');
  $(el, 'td.free')!.click();
  await waitStep(el, 'time');
  noHorizontalScroll(el, 'time');
  $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
  await waitStep(el, 'contact');
  noHorizontalScroll(el, 'contact');
});
