// Global story setup: language and theme wrappers, and msw for stories that talk to the REST contract.
import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
// Every public tag, registered as an editor's page gets them (the umbrella package's npm entry).
import 'civic-elements';
import './preview.css';

type Locale = 'de' | 'en';
type ThemeName = 'light' | 'dark';

/**
 * Language and theme wrapper. `lang` sits on a plain wrapper, so widgets find it as the closest
 * `[lang]` (as on a real page); the theme comes from a `<civic-config theme>` around it, which
 * switches the `--civic-*` tokens. The frame paints the token surface so dark stories are dark.
 */
const withLocaleAndTheme: Decorator = (story, { globals }) => {
  const locale: Locale = globals['locale'] === 'en' ? 'en' : 'de';
  const theme: ThemeName = globals['theme'] === 'dark' ? 'dark' : 'light';
  return html`<civic-config theme=${theme}>
    <div class="civic-story-frame" lang=${locale}>${story()}</div>
  </civic-config>`;
};

/**
 * msw: one worker for the whole preview, started the first time a story declares handlers in
 * `parameters.msw.handlers` (an array, or an object of named arrays so a story can replace one
 * group). Before every story the handlers are reset, so nothing leaks from the previous story;
 * requests no handler matches (Storybook's own assets) pass through untouched. This is the only
 * worker on the page: stories hand in the mock API's handlers instead of starting their own.
 *
 * ```ts
 * const api = createMockApi({ base: '/api' });      // @civic-elements/mock-api
 * export const Unavailable: Story = {
 *   parameters: { msw: { handlers: api.handlers }, expectedStatus: [503] },
 *   loaders: [() => { api.reset(); api.faults.set({ status: 503 }); return {}; }],
 * };
 * ```
 */
type HandlerGroups = RequestHandler[] | Record<string, RequestHandler | RequestHandler[] | null | undefined>;

let worker: SetupWorker | undefined;
let starting: Promise<unknown> | undefined;

function collectHandlers(msw: { handlers?: HandlerGroups } | undefined): RequestHandler[] {
  const groups = msw?.handlers;
  if (!groups) return [];
  if (Array.isArray(groups)) return groups;
  return Object.values(groups).flatMap((group) => (group ? [group].flat() : []));
}

const mswLoader: Loader = async ({ parameters }) => {
  const handlers = collectHandlers(parameters['msw'] as { handlers?: HandlerGroups } | undefined);
  if (!worker && handlers.length === 0) return {};
  if (!worker) {
    worker = setupWorker();
    starting = worker.start({
      serviceWorker: { url: 'mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  }
  await starting;
  worker.resetHandlers();
  if (handlers.length > 0) worker.use(...handlers);
  return {};
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the page around the widget (sets lang on a wrapper)',
      toolbar: {
        title: 'Sprache',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch', right: 'de' },
          { value: 'en', title: 'English', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme (a <civic-config theme> wrapper)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de', theme: 'light' },
  decorators: [withLocaleAndTheme],
  loaders: [mswLoader],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
