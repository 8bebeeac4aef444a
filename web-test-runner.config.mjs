// Unit and component tests in Debian's Chromium (see ../shared/TOOLCHAIN.md).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { resultsReporter } from './scripts/wtr-results-reporter.mjs';
import { CHROME_ARGS, findChrome } from './scripts/chrome-path.mjs';

const require = createRequire(import.meta.url);
const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'));

const files = process.env.WTR_FILES
  ? process.env.WTR_FILES.split(',').filter(Boolean)
  : ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'];

/**
 * Server command `emulate-timezone`: a test file puts its page in another time zone with
 * `executeServerCommand('emulate-timezone', { timezoneId: 'America/New_York' })` and restores the
 * machine's zone (UTC here) with `{ timezoneId: null }` in its `after()` hook, since a page is reused
 * by later test files. Per page, like playwright's `newContext({ timezoneId })`, which this launcher
 * (puppeteer) and its `createPage` hook cannot give per test file: `createPage` is not told the file.
 * Both use CDP's Emulation.setTimezoneOverride; Date and Intl follow it at once.
 */
function emulateTimezonePlugin() {
  return {
    name: 'civic-emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      await session.browser.getPage(session.id).emulateTimezone(payload?.timezoneId ?? undefined);
      return true;
    },
  };
}

/**
 * open-wc's `waitUntil` gives up after 1 s unless a test says otherwise. On a loaded 2-core machine
 * (CI, or several runs at once) the first import of a lazily loaded chunk — compiled on demand by
 * the dev server — can take longer than that, and a correct test fails. The default becomes
 * WAIT_UNTIL_MS; predicates are still polled every 50 ms, so passing tests are not slower. Fails
 * loudly if a new version of the helper no longer has the default this replaces.
 */
const WAIT_UNTIL_MS = 5000;
function patientWaitUntilPlugin() {
  // The helper's `const { interval = 50, timeout = 1000 } = options;` (esbuild may print 1e3).
  const DEFAULT = /(\{\s*interval\s*=\s*50\s*,\s*timeout\s*=\s*)(?:1000|1e3)(\s*\})/;
  return {
    name: 'civic-patient-wait-until',
    transform(context) {
      if (!context.path.endsWith('/@open-wc/testing-helpers/src/helpers.js')) return undefined;
      const body = String(context.body);
      if (!DEFAULT.test(body)) throw new Error('@open-wc/testing-helpers changed: waitUntil\'s default timeout not found (see web-test-runner.config.mjs)');
      return { body: body.replace(DEFAULT, `$1${WAIT_UNTIL_MS}$2`) };
    },
  };
}

/**
 * The Chrome launcher keeps a finished test file's page and hands it to the next file. Close the
 * page's own browser context instead, so that every file really starts with empty storage (and no
 * service worker of an earlier file).
 */
function freshContextPerFile(launcher) {
  const stop = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const result = await stop(sessionId);
    const page = launcher.inactivePages.pop();
    await page?.puppeteerPage.browserContext().close().catch(() => undefined);
    return result;
  };
  return launcher;
}

export default {
  files,
  nodeResolve: { browser: true, exportConditions: ['browser', 'development', 'civic-source'] },
  concurrency: 2,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    freshContextPerFile(chromeLauncher({
      launchOptions: {
        executablePath: findChrome() ?? '/usr/bin/chromium',
        headless: true,
        args: CHROME_ARGS,
      },
      // Every test file gets its own browser context (closed after the file, see
      // freshContextPerFile), so storage (localStorage, sessionStorage, cookies, IndexedDB) never
      // leaks between files, at the same time or one after another. With two test
      // files at once, one page is in a background tab that gets no animation frames (fixture()
      // waits for one) and no focus: emulate focus for every page.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    })),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' }), emulateTimezonePlugin(), patientWaitUntilPlugin(), a11ySnapshotPlugin()],
  middleware: [
    function mswWorkerAtRoot(ctx, next) {
      if (ctx.path === '/mockServiceWorker.js') {
        ctx.type = 'application/javascript';
        ctx.body = mswWorker;
        return;
      }
      return next();
    },
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), resultsReporter('unit')],
};
