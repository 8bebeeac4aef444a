// The demo's React and Vue pages (/einbetten/react/, /einbetten/vue/) in Chromium, served like
// `npm start --mock` does: each framework passes an object property (`strings`) and an attribute to the
// CDN bundle's <civic-appointment-picker>, receives its civic-* events, and re-renders it in
// another language — with no console error, no CSP violation and 0 axe violations (RTL included).
// Needs the rollup build (CDN bundle, demo back end, framework page bundles):
//
//   npx rollup -c rollup.config.js && node --test demo/einbetten/frameworks.node.test.mjs
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CDN_ENTRY, DEMO_DIR, startDemoServer } from '../../scripts/start.mjs';
import { axeViolations, horizontalScrollProblem, launchChromium, watchPage } from '../../scripts/storybook-smoke.mjs';

const PAGES = [
  { framework: 'React', path: '/einbetten/react/', prefix: 'react' },
  { framework: 'Vue', path: '/einbetten/vue/', prefix: 'vue' },
];
const OVERRIDE_DE = 'Wofür brauchen Sie einen Termin im Bürgerbüro Musterstadt?';
const OVERRIDE_EN = 'What do you need an appointment at the Musterstadt citizens’ office for?';
const WIDGET_DE = 'Wofür brauchen Sie einen Termin?';

let demo;
let browser;
let origin;

before(async () => {
  for (const file of [CDN_ENTRY, join(DEMO_DIR, 'assets', 'frameworks', 'dist', 'react.js'), join(DEMO_DIR, 'assets', 'frameworks', 'dist', 'vue.js')]) {
    assert.ok(existsSync(file), `${file} is missing: build first (npx rollup -c rollup.config.js)`);
  }
  // The in-browser mock API (fast, no database): these tests are about the frameworks, not the back end.
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', backend: 'mock' });
  origin = demo.url.replace(/\/$/, '');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** The first step's heading and the widget's language and direction, read from its shadow root. */
function widgetState(page) {
  return page.evaluate(() => {
    const el = document.querySelector('civic-appointment-picker');
    const base = el?.shadowRoot?.querySelector('[part~="base"]');
    return {
      heading: el?.shadowRoot?.querySelector('h2')?.textContent?.trim() ?? '',
      lang: base?.getAttribute('lang') ?? '',
      dir: base?.getAttribute('dir') ?? '',
      stringsAttribute: el?.hasAttribute('strings') ?? false,
    };
  });
}

async function headingIs(page, text) {
  await page.waitForFunction(
    (expected) => document.querySelector('civic-appointment-picker')?.shadowRoot?.querySelector('h2')?.textContent?.trim() === expected,
    text,
  );
}

for (const { framework, path, prefix } of PAGES) {
  describe(`${framework} page ${path}`, () => {
    let context;
    let page;
    let watch;

    before(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      watch = await watchPage(page, { csp: true });
      await page.goto(origin + path, { waitUntil: 'load' });
      await page.waitForFunction(() => customElements.get('civic-appointment-picker'));
    });

    after(async () => {
      await context?.close();
    });

    test('the framework replaces the no-JavaScript fallback with its app', async () => {
      await page.locator(`#${prefix}-lang`).waitFor();
      assert.equal(await page.locator(`#${prefix}-app > .fallback`).count(), 0);
    });

    test('passes the strings override as a property (an object, never an attribute)', async () => {
      await headingIs(page, OVERRIDE_DE);
      assert.equal((await widgetState(page)).stringsAttribute, false);
    });

    test('receives the widget\'s civic-* events through the framework\'s own listener syntax', async () => {
      const log = page.locator(`#${prefix}-events + [role="log"] li`);
      await log.filter({ hasText: 'civic-step-change {"step":"services"}' }).waitFor();
    });

    test('a property change from the framework re-renders the widget (override off and on)', async () => {
      await page.uncheck(`#${prefix}-title`);
      await headingIs(page, WIDGET_DE);
      await page.check(`#${prefix}-title`);
      await headingIs(page, OVERRIDE_DE);
    });

    test('switching the language on <civic-config> re-renders the widget, Arabic right to left', async () => {
      await page.selectOption(`#${prefix}-lang`, 'en');
      await headingIs(page, OVERRIDE_EN);
      await page.selectOption(`#${prefix}-lang`, 'ar');
      await page.waitForFunction(() => {
        const base = document.querySelector('civic-appointment-picker')?.shadowRoot?.querySelector('[part~="base"]');
        return base?.getAttribute('dir') === 'rtl';
      });
      const arabic = await widgetState(page);
      assert.equal(arabic.lang, 'ar');
      assert.notEqual(arabic.heading, OVERRIDE_EN);
      assert.match(arabic.heading, /[\u0600-\u06ff]/, 'the heading is Arabic text');
      assert.deepEqual(await axeViolations(page, 'html', { inject: 'evaluate' }), []);
      await page.selectOption(`#${prefix}-lang`, 'de');
      await headingIs(page, OVERRIDE_DE);
    });

    test('0 axe violations, no horizontal scroll at 320 px, no console error or CSP violation', async () => {
      assert.deepEqual(await axeViolations(page, 'html', { inject: 'evaluate' }), []);
      assert.equal(await horizontalScrollProblem(page), undefined);
      assert.deepEqual(watch.problems(), []);
    });
  });
}
