import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../../packages/core/src/localize/localize-controller.js';
import en from '../../packages/core/src/localize/locales/en.js';
import tr from '../../packages/core/src/localize/locales/tr.js';
import ar from '../../packages/core/src/localize/locales/ar.js';
import uk from '../../packages/core/src/localize/locales/uk.js';
import deXLs from '../../packages/core/src/localize/locales/de-x-ls.js';

/** Core's shared texts arrive in every language through the lazy loaders core registers, with Intl plurals and direction. */
class CoreLanguageProbe extends LitElement {
  readonly localize = new LocalizeController(this);
  protected override render() {
    const { t, lang, dir } = this.localize;
    return html`<p lang=${lang} dir=${dir}>${t('retry')}|${t('errors.rate_limited_seconds', { count: 2 })}</p>`;
  }
}
customElements.define('core-language-probe', CoreLanguageProbe);

const text = (el: CoreLanguageProbe) => el.shadowRoot!.querySelector('p')!.textContent!;

describe("core's texts in en, tr, ar, uk and de-x-ls (lazy)", () => {
  const cases: [string, { retry: string }, string, 'ltr' | 'rtl'][] = [
    ['en', en, 'Please try again in 2 seconds', 'ltr'],
    ['tr', tr, 'Lütfen 2 saniye sonra', 'ltr'],
    ['ar', ar, 'بعد ثانيتين', 'rtl'],
    ['uk', uk, 'через 2 секунди', 'ltr'],
    ['de-x-ls', deXLs, 'Bitte warten Sie 2 Sekunden', 'ltr'],
  ];
  for (const [lang, strings, plural, dir] of cases) {
    it(`${lang}: loads on demand, with the language's plural form and direction ${dir}`, async () => {
      const el = await fixture<CoreLanguageProbe>(html`<core-language-probe lang=${lang}></core-language-probe>`);
      await waitUntil(() => text(el).startsWith(strings.retry), `no ${lang} text: ${text(el)}`);
      expect(text(el)).to.include(plural);
      const p = el.shadowRoot!.querySelector('p')!;
      expect(p.lang).to.equal(lang);
      expect(p.dir).to.equal(dir);
    });
  }
});
