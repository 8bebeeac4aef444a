// End to end: a citizen books an appointment on the demo page /termine/ against the demo back end
// (the reference server on a temporary PGlite database, as `npm start` serves it), in Debian's
// Chromium through playwright-core, with real clicks and typing — proof of work, hold and booking
// included. Then the booking is read back from the server with the manage link's token.
//
//   node --test packages/appointment-picker/test/book-on-demo.node.test.mjs
//
// Needs the CDN build (npm run build). Uses scripts/start.mjs's startDemoServer without the
// simulator (nobody else books the slot meanwhile) and without the second (CORS) origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDemoServer } from '../../../scripts/start.mjs';
import { launchChromium } from '../../../scripts/storybook-smoke.mjs';

const TIMEOUT = 60_000;
let demo;
let browser;

before(async () => {
  demo = await startDemoServer({ port: 0, temporaryData: true, simulator: false, secondOrigin: false });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test('books an appointment on /termine/ from the service to the confirmation', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
  page.setDefaultTimeout(TIMEOUT);

  await page.goto(`${demo.url}termine/`);
  // Playwright's CSS and role locators reach into the widget's open shadow root.
  const picker = page.locator('civic-appointment-picker');
  const heading = picker.locator('h2#heading');
  await heading.filter({ hasText: 'Wofür brauchen Sie einen Termin?' }).waitFor();

  await picker.locator('#s-personalausweis').check();
  await picker.getByRole('button', { name: 'Weiter' }).click();
  await heading.filter({ hasText: 'Wo möchten Sie den Termin?' }).waitFor();
  await picker.locator('#l-buergerbuero-mitte').check();
  await picker.getByRole('button', { name: 'Weiter' }).click();

  // The day step (its code arrives as its own chunk); a free day, then its first time.
  await heading.filter({ hasText: 'An welchem Tag?' }).waitFor();
  await picker.locator('td.free').first().click();
  await heading.filter({ hasText: 'Um wie viel Uhr?' }).waitFor();
  const slot = picker.locator('[part~="slot"]').first();
  const time = /(\d\d:\d\d)/.exec(await slot.innerText())[1];
  await slot.click();

  // The hold (with the proof of work solved while the citizen looked at days), then contact.
  await heading.filter({ hasText: 'Termin reserviert' }).waitFor();
  await picker.locator('#f-name').fill('Erika Mustermann');
  await picker.locator('#f-email').fill('erika.e2e@example.org');
  await picker.locator('#f-consent').check();
  await picker.getByRole('button', { name: 'Termin verbindlich buchen' }).click();

  await heading.filter({ hasText: 'Ihr Termin ist gebucht' }).waitFor();
  const reference = /Ihre Buchungsnummer: (\S+)/.exec(await picker.locator('.reference-line').innerText())[1];
  // The browser runs in New York: the summary still names the Berlin time that was chosen.
  assert.match(await picker.locator('[part="summary"]').innerText(), new RegExp(`um ${time}`));

  // The booking exists on the server: read it back with the manage link's token.
  const href = await picker.locator('[part="manage-link"]').getAttribute('href');
  const [, id, token] = /#civic-booking=([^.]+)\.(.+)$/.exec(href);
  const res = await fetch(`${demo.apiUrl}/v1/bookings/${id}`, { headers: { Authorization: `Bearer ${decodeURIComponent(token)}` } });
  assert.equal(res.status, 200);
  const booking = await res.json();
  assert.equal(booking.reference, reference);
  assert.equal(booking.status, 'confirmed');
  assert.equal(booking.location, 'buergerbuero-mitte');
  assert.deepEqual(booking.services, [{ id: 'personalausweis', qty: 1 }]);
  assert.equal(booking.start.slice(11, 16), time);

  // One hold, one booking; nothing personal in a URL; no console or page errors.
  assert.equal(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/holds')).length, 1);
  assert.equal(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/bookings')).length, 1);
  assert.deepEqual(requests.filter((r) => /erika|Mustermann/i.test(decodeURIComponent(r.url))), []);
  assert.deepEqual(problems, []);
  await context.close();
});
