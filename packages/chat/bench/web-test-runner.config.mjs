// The repository's test-runner set-up, with a Chromium that reports precise heap sizes and lets the
// bench collect garbage before measuring (`performance.memory`, `gc()`).
//   WTR_FILES=packages/chat/bench/history.bench.ts npx web-test-runner --config packages/chat/bench/web-test-runner.config.mjs --port 8498
import { chromeLauncher } from '@web/test-runner-chrome';
import base from '../../../web-test-runner.config.mjs';
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome-path.mjs';

export default {
  ...base,
  concurrency: 1,
  testFramework: { config: { timeout: 300_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome() ?? '/usr/bin/chromium',
        headless: true,
        args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      },
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
};
