// Global story setup: language, colour scheme and brand switchers, the custom elements manifest,
// and msw for stories that talk to the REST contract.
import { setCustomElementsManifest, type Decorator, type Loader, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import manifest from 'virtual:civic-elements-manifest';
// Every public tag, registered as an editor's page gets them (the umbrella package's npm entry).
import 'civic-elements';
import { kernTheme } from '../packages/core/src/styles/themes/kern.js';
import { musterstadtTheme } from '../packages/core/src/styles/themes/musterstadt.js';
import './preview.css';

// Controls (and, with @storybook/addon-docs, autodocs) get every attribute, property, event, slot,
// part and CSS custom property of a story's `component` from the manifest. stories/docs/ renders
// the same manifest as one reference page per tag.
setCustomElementsManifest(manifest);

/** The six languages of issue 9; `story` keeps each story's own language (its `lang` arg). */
const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'de-x-ls'] as const;
type Lang = (typeof LANGUAGES)[number];
const RTL = new Set<string>(['ar']);

const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Brand presets of core (packages/core/src/styles/themes/), adopted by the preview document. */
const BRANDS = { kern: kernTheme, musterstadt: musterstadtTheme } as const;
type Brand = 'default' | keyof typeof BRANDS;

function applyBrand(brand: Brand): void {
  const ours = Object.values(BRANDS).map((preset) => preset.styleSheet!);
  const chosen = brand === 'default' ? [] : [BRANDS[brand].styleSheet!];
  const others = document.adoptedStyleSheets.filter((sheet) => !ours.includes(sheet));
  const next = [...others, ...chosen];
  if (next.length !== document.adoptedStyleSheets.length || next.some((sheet, i) => sheet !== document.adoptedStyleSheets[i])) {
    document.adoptedStyleSheets = next;
  }
}

/**
 * Language, colour scheme and brand, as on a town's page: a `<civic-config theme lang>` around a
 * frame that carries `lang` and `dir` (so widgets find the language as the closest `[lang]`).
 * With a language chosen in the toolbar (or `&globals=lang:tr` in the URL), a widget story's own
 * `lang` arg is replaced too — it is the widget's `lang` attribute, which would win over the
 * config. Other stories (component `civic-config`, tokens, docs) keep their args: their `lang` arg
 * picks their own explanatory texts (de or en). `story` (the default) keeps each story's language.
 * The brand preset is a document stylesheet.
 */
const withLanguageAndTheme: Decorator = (story, { args, globals, component }) => {
  const lang = isLang(globals['lang']) ? globals['lang'] : undefined;
  const theme = globals['theme'] === 'dark' ? 'dark' : 'light';
  const brand: Brand = globals['brand'] === 'kern' || globals['brand'] === 'musterstadt' ? globals['brand'] : 'default';
  applyBrand(brand);
  const widgetStory = typeof component === 'string' && component.startsWith('civic-') && component !== 'civic-config';
  const content = lang && widgetStory && 'lang' in args ? story({ args: { ...args, lang } }) : story();
  const frameLang = lang ?? 'de';
  return html`<civic-config theme=${theme} lang=${ifDefined(lang)}>
    <div class="civic-story-frame" lang=${frameLang} dir=${RTL.has(frameLang) ? 'rtl' : 'ltr'}>${content}</div>
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
    lang: {
      description: 'Language of the widgets (<civic-config lang>, the frame, and the story\'s lang arg)',
      toolbar: {
        title: 'Sprache',
        icon: 'globe',
        items: [
          { value: 'story', title: 'Sprache der Story', right: '–' },
          { value: 'de', title: 'Deutsch', right: 'de' },
          { value: 'en', title: 'English', right: 'en' },
          { value: 'tr', title: 'Türkçe', right: 'tr' },
          { value: 'ar', title: 'العربية (RTL)', right: 'ar' },
          { value: 'uk', title: 'Українська', right: 'uk' },
          { value: 'de-x-ls', title: 'Leichte Sprache', right: 'de-x-ls' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme (<civic-config theme>)',
      toolbar: {
        title: 'Farbschema',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Hell', icon: 'sun' },
          { value: 'dark', title: 'Dunkel', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    brand: {
      description: 'Theme preset: the library default, KERN-UX or the Musterstadt town brand',
      toolbar: {
        title: 'Marke',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Standard' },
          { value: 'kern', title: 'KERN-UX' },
          { value: 'musterstadt', title: 'Stadtmarke Musterstadt' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'story', theme: 'light', brand: 'default' },
  decorators: [withLanguageAndTheme],
  loaders: [mswLoader],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
