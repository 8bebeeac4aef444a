/**
 * The mock API in a browser page, for Storybook's preview and widget tests: one msw service worker
 * per page, serving a fresh mock API. A second call on the same page reuses the running worker and
 * swaps in the new API's handlers.
 *
 * ```ts
 * const { worker, api } = await startMockWorker({ settings: TEST_MODE_SETTINGS });
 * afterEach(() => { worker.resetHandlers(); api.reset(); });
 * ```
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockApi, type MockApi, type MockApiOptions } from './index.js';

export interface StartMockWorkerOptions extends MockApiOptions {
  /** Where the page serves msw's worker script (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** What to do with requests no handler answers (default `'bypass'`). */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
  /** Log every intercepted request to the console (default false). */
  verbose?: boolean;
}

export interface MockWorker {
  worker: SetupWorker;
  api: MockApi;
}

let running: Promise<SetupWorker> | undefined;

export async function startMockWorker(options: StartMockWorkerOptions = {}): Promise<MockWorker> {
  const api = createMockApi(options);
  if (running) {
    const worker = await running;
    // Replaces the initial handlers, so `worker.resetHandlers()` later returns to this API.
    worker.resetHandlers(...api.handlers);
    return { worker, api };
  }
  const worker = setupWorker(...api.handlers);
  running = worker
    .start({
      serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
      quiet: !options.verbose,
      onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    })
    .then(
      () => worker,
      (error: unknown) => {
        running = undefined;
        throw error;
      },
    );
  await running;
  return { worker, api };
}
