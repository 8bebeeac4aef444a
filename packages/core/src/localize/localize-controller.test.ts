import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, css, render, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import i18next from 'i18next';
import { expectAccessible } from '@civic-elements/core/testing';
import { baseStyles } from '../styles/tokens.js';
import type { CivicConfigElement } from '../components/civic-config/civic-config.js';
import '../components/civic-config/civic-config.js';
import { LocalizeController, resolveLang } from './localize-controller.js';
import { createLibraryI18n, libraryI18n, loadStrings, registerStrings, type Strings } from './strings.js';
import type { StringOverrides } from './overrides.js';

registerStrings('test-widget', {
  de: {
    title: 'Termine',
    greeting: 'Hallo {{name}}',
    people_one: '{{count}} Person wartet',
    people_other: '{{count}} Personen warten',
    status: { open: 'Geöffnet' },
  },
  en: {
    title: 'Appointments',
    greeting: 'Hello {{name}}',
    people_one: '{{count}} person waiting',
    people_other: '{{count}} people waiting',
    status: { open: 'Open' },
  },
  'de-x-ls': { title: 'Termine machen' },
  uk: {
    title: 'Записи',
    people_one: '{{count}} людина чекає',
    people_few: '{{count}} людини чекають',
    people_many: '{{count}} людей чекають',
    people_other: '{{count}} людини чекає',
  },
  ar: {
    title: 'المواعيد',
    people_zero: 'لا أحد ينتظر',
    people_one: 'شخص واحد ينتظر',
    people_two: 'شخصان ينتظران',
    people_few: '{{count}} أشخاص ينتظرون',
    people_many: '{{count}} شخصًا ينتظرون',
    people_other: '{{count}} شخص ينتظرون',
  },
});

/** A tiny widget: its heading is the `title` text; it records every language change. */
class TestLocalized extends LitElement {
  static override styles = [baseStyles, css``];
  @property({ attribute: false }) strings?: StringOverrides;
  readonly changes: string[] = [];
  readonly localize = new LocalizeController(this, { ns: 'test-widget', onLangChange: (l) => this.changes.push(l) });
  renders = 0;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.renders++;
  }

  protected override render() {
    const { t, lang, dir } = this.localize;
    return html`<section lang=${lang} dir=${dir} aria-labelledby="h">
      <h2 id="h">${t('title')}</h2>
      <p>${t('greeting', { name: '<b>Ada</b>' })}</p>
      <button type="button">${t('retry')}</button>
    </section>`;
  }
}
customElements.define('test-localized', TestLocalized);

/** A host whose shadow root holds a test widget, optionally inside a `[lang]` wrapper. */
class TestShadowWrapper extends LitElement {
  @property({ attribute: 'inner-lang' }) innerLang?: string;
  protected override render() {
    return this.innerLang !== undefined
      ? html`<div lang=${this.innerLang}><test-localized></test-localized></div>`
      : html`<test-localized></test-localized>`;
  }
  get widget(): TestLocalized {
    return this.shadowRoot!.querySelector('test-localized')!;
  }
}
customElements.define('test-shadow-wrapper', TestShadowWrapper);

const heading = (el: TestLocalized) => el.shadowRoot!.querySelector('h2')!.textContent;
const section = (el: TestLocalized) => el.shadowRoot!.querySelector('section')!;

/** Lets the shared MutationObserver deliver (a microtask), then waits for the re-render. */
async function settle(el: LitElement): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

/**
 * Renders a template whose root is not a Lit element and waits for the Lit elements in it.
 * (`fixture()` waits for an animation frame there, which a background tab of the parallel test
 * runner never gets.)
 */
const mounted: HTMLElement[] = [];
async function mount(template: TemplateResult): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  for (const el of container.querySelectorAll('*')) if (el instanceof LitElement) await el.updateComplete;
  return container.firstElementChild as HTMLElement;
}

const root = document.documentElement;
const initialHtmlLang = root.getAttribute('lang');

function overrideNamespaces(): string[] {
  const data = (libraryI18n() as unknown as { store: { data: Record<string, Record<string, unknown>> } }).store.data;
  return Object.values(data).flatMap((byNs) => Object.keys(byNs).filter((ns) => ns.startsWith('civic-overrides-')));
}

describe('LocalizeController', () => {
  // Core's en/tr/ar/uk/de-x-ls texts load lazily; load them once so a switch to those languages is
  // immediate here (the lazy path itself is tested in test/locales/core-languages.test.ts).
  before(async () => {
    await fixture(html`<test-localized></test-localized>`);
    await Promise.all(['en', 'tr', 'ar', 'uk', 'de-x-ls'].map((lang) => loadStrings('core', lang)));
  });

  afterEach(() => {
    mounted.splice(0).forEach((c) => c.remove());
    if (initialHtmlLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', initialHtmlLang);
  });

  describe('language resolution', () => {
    it('uses the element’s own lang first', async () => {
      root.lang = 'de';
      const wrap = await mount(html`<div lang="de"><test-localized lang="en"></test-localized></div>`);
      const el = wrap.querySelector<TestLocalized>('test-localized')!;
      await el.updateComplete;
      expect(el.localize.lang).to.equal('en');
      expect(heading(el)).to.equal('Appointments');
      expect(section(el).getAttribute('lang')).to.equal('en');
      await expectAccessible(el, { state: 'h2' });
    });

    it('uses the closest ancestor’s lang, across shadow roots', async () => {
      root.lang = 'de';
      const outer = await fixture<TestShadowWrapper>(html`<test-shadow-wrapper lang="en"></test-shadow-wrapper>`);
      await outer.widget.updateComplete;
      expect(heading(outer.widget)).to.equal('Appointments');

      const inner = await mount(html`<div lang="en"><test-shadow-wrapper inner-lang="uk"></test-shadow-wrapper></div>`,
      );
      const wrapper = inner.querySelector<TestShadowWrapper>('test-shadow-wrapper')!;
      await wrapper.updateComplete;
      await wrapper.widget.updateComplete;
      expect(heading(wrapper.widget)).to.equal('Записи');
      await expectAccessible(wrapper.widget, { state: 'h2' });
    });

    it('skips an empty lang (as <civic-config> reflects) and falls back to <html lang>, then German', async () => {
      root.lang = 'en';
      const wrap = await mount(html`<div lang=""><test-localized></test-localized></div>`);
      const el = wrap.querySelector<TestLocalized>('test-localized')!;
      await el.updateComplete;
      expect(heading(el)).to.equal('Appointments');

      root.removeAttribute('lang');
      expect(resolveLang(el)).to.equal('de');
      const plain = await fixture<TestLocalized>(html`<test-localized></test-localized>`);
      expect(plain.localize.lang).to.equal('de');
      expect(heading(plain)).to.equal('Termine');
      await expectAccessible(plain, { state: 'h2' });
    });

    it('normalises case, keeps the region for formats and falls back from en-GB to en', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="EN-gb"></test-localized>`);
      expect(el.localize.lang).to.equal('en-GB');
      expect(heading(el)).to.equal('Appointments');
      expect(el.localize.formatDate('2026-11-24T10:00:00Z', { timeZone: 'Europe/Berlin', dateStyle: 'short' })).to.equal('24/11/2026');
      await expectAccessible(el, { state: 'h2' });
    });

    it('Leichte Sprache (de-x-ls) uses its own texts and German for the rest', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de-x-ls"></test-localized>`);
      expect(el.localize.lang).to.equal('de-x-ls');
      expect(heading(el)).to.equal('Termine machen');
      expect(el.localize.t('greeting', { name: 'Ada' })).to.equal('Hallo Ada');
      await expectAccessible(el, { state: 'h2' });
    });

    it('a language without texts shows German and says lang="de"', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="pl"></test-localized>`);
      expect(el.localize.lang).to.equal('de');
      expect(heading(el)).to.equal('Termine');
      expect(section(el).getAttribute('lang')).to.equal('de');
      await expectAccessible(el, { state: 'h2' });
    });

    it('core texts fall back from the widget namespace to core', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="en"></test-localized>`);
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Try again');
      el.setAttribute('lang', 'de');
      await settle(el);
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Erneut versuchen');
      await expectAccessible(el, { state: 'button' });
    });
  });

  describe('live language switch', () => {
    it('re-renders when <html lang> changes, and tells the widget', async () => {
      root.lang = 'de';
      const el = await fixture<TestLocalized>(html`<test-localized></test-localized>`);
      expect(heading(el)).to.equal('Termine');
      root.lang = 'en';
      await settle(el);
      expect(heading(el)).to.equal('Appointments');
      expect(el.changes).to.deep.equal(['en']);
      await expectAccessible(el, { state: 'h2' });
    });

    it('re-renders when a wrapper’s lang changes, in the light DOM and inside a shadow root', async () => {
      const wrap = await mount(html`<div lang="de"><test-localized></test-localized></div>`);
      const el = wrap.querySelector<TestLocalized>('test-localized')!;
      await el.updateComplete;
      wrap.setAttribute('lang', 'en');
      await settle(el);
      expect(heading(el)).to.equal('Appointments');

      const shadow = await fixture<TestShadowWrapper>(html`<test-shadow-wrapper inner-lang="de"></test-shadow-wrapper>`);
      await shadow.widget.updateComplete;
      expect(heading(shadow.widget)).to.equal('Termine');
      shadow.shadowRoot!.querySelector('div')!.setAttribute('lang', 'uk');
      await settle(shadow.widget);
      expect(heading(shadow.widget)).to.equal('Записи');
      await expectAccessible(shadow.widget, { state: 'h2' });
    });

    it('follows <civic-config lang>', async () => {
      const config = await fixture<CivicConfigElement>(html`<civic-config lang="en"><test-localized></test-localized></civic-config>`);
      const el = config.querySelector<TestLocalized>('test-localized')!;
      await el.updateComplete;
      expect(heading(el)).to.equal('Appointments');
      config.lang = 'de';
      await config.updateComplete; // reflects the property to the attribute
      await settle(el);
      expect(heading(el)).to.equal('Termine');
      expect(el.changes).to.deep.equal(['de']);
      await expectAccessible(el, { state: 'h2' });
    });

    it('does not re-render or notify when an unrelated lang changes to the same language', async () => {
      root.lang = 'de';
      const el = await fixture<TestLocalized>(html`<test-localized></test-localized>`);
      const before = el.renders;
      const other = document.createElement('span');
      document.body.append(other);
      other.lang = 'en';
      await settle(el);
      other.remove();
      expect(el.renders).to.equal(before);
      expect(el.changes).to.deep.equal([]);
    });
  });

  describe('lazy languages', () => {
    it('loads a language once, shows German meanwhile, then switches', async () => {
      let resolve!: (s: Strings) => void;
      let calls = 0;
      registerStrings('test-lazy', {
        de: { title: 'Warteschlange' },
        fr: () => {
          calls++;
          return new Promise<Strings>((r) => (resolve = r));
        },
      });
      class LazyEl extends LitElement {
        readonly changes: string[] = [];
        readonly localize = new LocalizeController(this, { ns: 'test-lazy', onLangChange: (l) => this.changes.push(l) });
        protected override render() {
          return html`<h2 lang=${this.localize.lang}>${this.localize.t('title')}</h2>`;
        }
      }
      customElements.define('test-lazy-el', LazyEl);
      const wrap = await mount(html`<div lang="fr"><test-lazy-el></test-lazy-el><test-lazy-el></test-lazy-el></div>`);
      const [a, b] = [...wrap.querySelectorAll<LazyEl>('test-lazy-el')];
      await a!.updateComplete;
      expect(a!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Warteschlange');
      expect(a!.localize.lang).to.equal('de');
      // Requests ask in French from the start, while the French texts are on their way.
      expect(a!.localize.requestLang).to.equal('fr');
      expect(calls).to.equal(1);
      resolve({ title: 'File d’attente' });
      await waitUntil(() => b!.shadowRoot!.querySelector('h2')!.textContent === 'File d’attente');
      expect(a!.shadowRoot!.querySelector('h2')!.textContent).to.equal('File d’attente');
      expect(a!.localize.lang).to.equal('fr');
      // The requested language never changed, so the widget is not told to refetch anything.
      expect(a!.changes).to.deep.equal([]);
      await expectAccessible(a!, { state: 'h2' });
    });

    it('a runtime switch to a lazy language tells the widget once, before the texts arrive', async () => {
      let resolve!: (s: Strings) => void;
      registerStrings('test-lazy-switch', {
        de: { title: 'Anliegen' },
        nl: () => new Promise<Strings>((r) => (resolve = r)),
      });
      class SwitchEl extends LitElement {
        readonly changes: string[] = [];
        readonly localize = new LocalizeController(this, { ns: 'test-lazy-switch', onLangChange: (l) => this.changes.push(`${l}/${this.localize.requestLang}/${this.localize.lang}`) });
        protected override render() {
          return html`<h2 lang=${this.localize.lang}>${this.localize.t('title')}</h2>`;
        }
      }
      customElements.define('test-lazy-switch-el', SwitchEl);
      const el = await fixture<SwitchEl>(html`<test-lazy-switch-el lang="de"></test-lazy-switch-el>`);
      el.setAttribute('lang', 'nl');
      await waitUntil(() => el.changes.length === 1);
      // Told at once: the request language is Dutch, the texts are still German.
      expect(el.changes).to.deep.equal(['nl/nl/de']);
      resolve({ title: 'Zaak' });
      await waitUntil(() => el.shadowRoot!.querySelector('h2')!.textContent === 'Zaak');
      expect(el.shadowRoot!.querySelector('h2')!.getAttribute('lang')).to.equal('nl');
      expect(el.changes).to.have.length(1);
      await expectAccessible(el, { state: 'h2' });
    });

    it('a failing loader warns without detail and German stays', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => String(args[0]).startsWith('[civic-elements]') && warnings.push(args);
      try {
        registerStrings('test-broken', { de: { title: 'Chat' }, it: () => Promise.reject(new Error('secret 404 body')) });
        class BrokenEl extends LitElement {
          readonly localize = new LocalizeController(this, { ns: 'test-broken' });
          protected override render() {
            return html`<h2 lang=${this.localize.lang}>${this.localize.t('title')}</h2>`;
          }
        }
        customElements.define('test-broken-el', BrokenEl);
        const el = await fixture<BrokenEl>(html`<test-broken-el lang="it"></test-broken-el>`);
        await waitUntil(() => warnings.length === 1);
        expect(String(warnings[0])).not.to.contain('secret');
        expect(el.localize.lang).to.equal('de');
        expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Chat');
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('per-instance overrides', () => {
    it('the strings property wins over the locale files, flat or per language, with dotted keys', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de"></test-localized>`);
      el.strings = { title: 'Bürgerbüro', 'status.open': 'Jetzt offen', retry: 'Nochmal' };
      await el.updateComplete;
      expect(heading(el)).to.equal('Bürgerbüro');
      expect(el.localize.t('status.open')).to.equal('Jetzt offen');
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Nochmal');

      el.strings = { de: { title: 'Bürgerbüro' }, en: { title: 'Citizens’ office' } };
      await el.updateComplete;
      expect(heading(el)).to.equal('Bürgerbüro');
      el.lang = 'en-GB';
      await settle(el);
      expect(heading(el)).to.equal('Citizens’ office');
      expect(el.localize.t('status.open')).to.equal('Open');
      el.strings = { en: { title: 'Office' }, 'en-gb': { title: 'Council office' } };
      await el.updateComplete;
      expect(heading(el)).to.equal('Council office');
      await expectAccessible(el, { state: 'h2' });
    });

    it('a German-only override does not leak into English', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="en"></test-localized>`);
      el.strings = { de: { title: 'Bürgerbüro' } };
      await el.updateComplete;
      expect(heading(el)).to.equal('Appointments');
    });

    it('a JSON script child overrides (slot="strings" or data-civic-strings), per language; the property wins over it', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="en">
        <script type="application/json" slot="strings">
          { "de": { "title": "Bürgerbüro" }, "en": { "title": "Citizens’ office", "people_other": "{{count}} in the queue" } }
        </script>
      </test-localized>`);
      expect(heading(el)).to.equal('Citizens’ office');
      expect(el.localize.t('people', { count: 4 })).to.equal('4 in the queue');
      el.lang = 'de';
      await settle(el);
      expect(heading(el)).to.equal('Bürgerbüro');
      el.strings = { title: 'Vom Property' };
      await el.updateComplete;
      expect(heading(el)).to.equal('Vom Property');
      await expectAccessible(el, { state: 'h2' });

      const other = await fixture<TestLocalized>(html`<test-localized lang="de"
        ><script type="application/json" data-civic-strings>{ "title": "Flach" }</script></test-localized
      >`);
      expect(heading(other)).to.equal('Flach');
    });

    it('picks up a strings script added or edited after the element upgraded', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de"></test-localized>`);
      const script = document.createElement('script');
      script.type = 'application/json';
      script.slot = 'strings';
      script.textContent = '{"title": "Später"}';
      el.append(script);
      await settle(el);
      expect(heading(el)).to.equal('Später');
      script.textContent = '{"title": "Noch später"}';
      await settle(el);
      expect(heading(el)).to.equal('Noch später');
      script.remove();
      await settle(el);
      expect(heading(el)).to.equal('Termine');
    });

    it('bad JSON is ignored with one warning that holds none of its content', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => String(args[0]).startsWith('[civic-elements]') && warnings.push(args);
      try {
        const el = await fixture<TestLocalized>(html`<test-localized lang="de"
          ><script type="application/json" slot="strings">{ "title": "max@example.org" </script></test-localized
        >`);
        el.requestUpdate();
        await el.updateComplete;
        expect(heading(el)).to.equal('Termine');
        expect(warnings).to.have.length(1);
        expect(String(warnings[0])).not.to.contain('example.org');
        await expectAccessible(el, { state: 'h2' });
      } finally {
        console.warn = warn;
      }
    });

    it('ignores non-string values and prototype keys', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de"
        ><script type="application/json" slot="strings">
          { "title": 42, "__proto__": { "polluted": "yes" }, "status": { "constructor": "x", "open": "Auf" } }
        </script></test-localized
      >`);
      expect(heading(el)).to.equal('Termine');
      expect(el.localize.t('status.open')).to.equal('Auf');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('removes its overrides from the shared instance when disconnected', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de"></test-localized>`);
      const before = overrideNamespaces().length;
      el.strings = { title: 'Bürgerbüro' };
      await el.updateComplete;
      expect(overrideNamespaces().length).to.equal(before + 1);
      el.remove();
      expect(overrideNamespaces().length).to.equal(before);
    });
  });

  describe('texts', () => {
    it('interpolates without escaping; Lit renders the value as text', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de"></test-localized>`);
      expect(el.localize.t('greeting', { name: '<b>Ada</b>' })).to.equal('Hallo <b>Ada</b>');
      expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Hallo <b>Ada</b>');
      expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    });

    it('plurals follow Intl.PluralRules: de, en, uk (one/few/many) and ar (zero/one/two/few/many/other)', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="de"></test-localized>`);
      const t = el.localize.t;
      expect([1, 2].map((count) => t('people', { count }))).to.deep.equal(['1 Person wartet', '2 Personen warten']);
      el.lang = 'en';
      await settle(el);
      expect([1, 5].map((count) => t('people', { count }))).to.deep.equal(['1 person waiting', '5 people waiting']);
      el.lang = 'uk';
      await settle(el);
      expect([1, 3, 5, 21].map((count) => t('people', { count }))).to.deep.equal([
        '1 людина чекає',
        '3 людини чекають',
        '5 людей чекають',
        '21 людина чекає',
      ]);
      el.lang = 'ar';
      await settle(el);
      expect([0, 1, 2, 3, 11, 100].map((count) => t('people', { count }))).to.deep.equal([
        'لا أحد ينتظر',
        'شخص واحد ينتظر',
        'شخصان ينتظران',
        '3 أشخاص ينتظرون',
        '11 شخصًا ينتظرون',
        '100 شخص ينتظرون',
      ]);
    });

    it('sets dir="rtl" for Arabic and ltr otherwise', async () => {
      const el = await fixture<TestLocalized>(html`<test-localized lang="ar"></test-localized>`);
      expect(el.localize.dir).to.equal('rtl');
      expect(section(el).getAttribute('dir')).to.equal('rtl');
      expect(heading(el)).to.equal('المواعيد');
      await expectAccessible(el, { state: 'h2' });
      el.lang = 'uk';
      await settle(el);
      expect(section(el).getAttribute('dir')).to.equal('ltr');
    });
  });

  describe('the library’s i18next instance', () => {
    it('is one shared instance on a global symbol, never the page’s i18next', () => {
      const shared = (globalThis as Record<symbol, { i18n?: unknown }>)[Symbol.for('civic-elements/i18n')];
      expect(shared?.i18n).to.equal(libraryI18n());
      expect(libraryI18n()).not.to.equal(i18next);
      expect(i18next.isInitialized).to.not.equal(true);
      expect((i18next as unknown as { store?: unknown }).store).to.equal(undefined);
      expect(i18next.language).to.equal(undefined);
      expect(i18next.hasResourceBundle?.('de', 'core')).to.not.equal(true);
      expect(libraryI18n().isInitialized).to.equal(true);
    });

    it('leaves the page’s i18next logger and debug setting as they were', () => {
      const logger = (i18next as unknown as { logger: { logger: unknown; debug?: boolean; init(l: unknown, o: object): void } }).logger;
      const pageLogger = { type: 'logger', log() {}, warn() {}, error() {} };
      logger.init(pageLogger, { debug: true });
      createLibraryI18n();
      expect(logger.logger).to.equal(pageLogger);
      expect(logger.debug).to.equal(true);
      logger.init(null, {});
    });
  });
});
