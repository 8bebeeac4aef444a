/**
 * Browser entry of the demo site when no server runs: the whole contract answered by msw's service
 * worker under the page's `/api` prefix (the demo pages use `<civic-config api-base="/api">`).
 * Bundled to `dist/browser/demo-backend.js`; the page loads it before the widgets:
 *
 * ```html
 * <script type="module">
 *   import { ready } from './demo-backend.js';
 *   await ready;
 * </script>
 * ```
 *
 * `ready` resolves with the mock API once the worker answers, so a simulator on the same page can
 * drive it (its clock, its state, its faults). It is also published as the page readiness promise
 * the Civic Elements loader waits for (`Symbol.for('civic-elements/ready')`), so no widget asks the
 * API anything before the mock answers. The page must load this script before the library's.
 */
import { createSimulator } from '@civic-elements/simulator';
import { startMockWorker } from './browser.js';
import type { MockApi } from './index.js';

export const ready: Promise<MockApi> = startMockWorker({
  base: '/api',
  // The simulator's walk-in citizens take tickets through the citizen API; with rate limits on they
  // would use up the visitor's own allowance. Everything else keeps the production defaults.
  settings: { rateLimits: false },
  serviceWorkerUrl: '/mockServiceWorker.js',
  onUnhandledRequest: 'bypass',
}).then(({ api }) => {
  // The demo moves by itself: desks call tickets, the desk answers chats, sample cases advance.
  createSimulator({ baseUrl: '/api', staffKey: api.ctx.staffKey, speed: 3 }).start();
  return api;
});

(globalThis as typeof globalThis & { [key: symbol]: unknown })[Symbol.for('civic-elements/ready')] = ready;
