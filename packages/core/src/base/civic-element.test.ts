import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { CivicElement } from './civic-element.js';
import { define } from './define.js';
import '../components/civic-config/civic-config.js';
import { expectAccessible } from '../testing/index.js';

declare module './civic-element.js' {
  interface CivicEventMap {
    'civic-test-ping': { count: number };
  }
}

class TestConsumer extends CivicElement {
  protected override render() {
    return litHtml`<section aria-label="Konfiguration"><p>${this.config.apiBase ?? ''}|${this.config.ags ?? ''}|${this.config.lang ?? ''}</p></section>`;
  }
}
define('civic-test-consumer', TestConsumer);

describe('CivicElement', () => {
  it('emits typed events that bubble and cross shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><civic-test-consumer></civic-test-consumer></div>`);
    const el = outer.querySelector('civic-test-consumer') as TestConsumer;
    setTimeout(() => el.emit('civic-test-ping', { count: 3 }));
    const event = (await oneEvent(outer, 'civic-test-ping')) as CustomEvent<{ count: number }>;
    expect(event.detail).to.deep.equal({ count: 3 });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('takes api-base, ags and lang from the closest <civic-config>', async () => {
    const config = await fixture(html`<civic-config api-base="https://api.example.test" ags="05315000" lang="en">
      <civic-test-consumer></civic-test-consumer>
    </civic-config>`);
    const el = config.querySelector('civic-test-consumer') as TestConsumer;
    await el.updateComplete;
    expect(el.config).to.include({ apiBase: 'https://api.example.test', ags: '05315000', lang: 'en' });
    expect(el.shadowRoot?.textContent).to.contain('https://api.example.test|05315000|en');
    await expectAccessible(el, { state: 'section' });
  });

  it("lets the widget's own attribute win over the provider", async () => {
    const config = await fixture(html`<civic-config api-base="https://a.example.test" ags="1">
      <civic-test-consumer api-base="https://b.example.test"></civic-test-consumer>
    </civic-config>`);
    const el = config.querySelector('civic-test-consumer') as TestConsumer;
    await el.updateComplete;
    expect(el.config.apiBase).to.equal('https://b.example.test');
    expect(el.config.ags).to.equal('1');
  });

  it('follows live changes of the provider', async () => {
    const config = await fixture<HTMLElement>(html`<civic-config api-base="https://a.example.test">
      <civic-test-consumer></civic-test-consumer>
    </civic-config>`);
    const el = config.querySelector('civic-test-consumer') as TestConsumer;
    config.setAttribute('api-base', 'https://c.example.test');
    await (config as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.contain('https://c.example.test');
  });

  it('works alone without a provider', async () => {
    const el = await fixture<TestConsumer>(html`<civic-test-consumer api-base="/api"></civic-test-consumer>`);
    expect(el.config.apiBase).to.equal('/api');
    expect(el.config.ags).to.equal(undefined);
  });

  it('asks the server in a lazily loaded language from the first request on', async () => {
    // Turkish core texts load lazily; the first request must already say Accept-Language: tr
    // (not German, and not a second request once the texts arrive).
    const el = await fixture<TestConsumer>(html`<civic-test-consumer api-base="/api" lang="tr"></civic-test-consumer>`);
    expect(el.config.lang).to.equal('tr');
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('/api||tr');
    await expectAccessible(el, { state: 'section' });
  });

  it('installs the --civic-* tokens once, overridable by the page', async () => {
    await fixture(html`<civic-test-consumer></civic-test-consumer>`);
    const root = getComputedStyle(document.documentElement);
    expect(root.getPropertyValue('--civic-color-primary').trim()).to.not.equal('');
    const count = document.adoptedStyleSheets.length;
    await fixture(html`<civic-test-consumer></civic-test-consumer>`);
    expect(document.adoptedStyleSheets.length).to.equal(count);
    document.documentElement.style.setProperty('--civic-color-primary', 'rgb(1, 2, 3)');
    expect(getComputedStyle(document.documentElement).getPropertyValue('--civic-color-primary').trim()).to.equal('rgb(1, 2, 3)');
    document.documentElement.style.removeProperty('--civic-color-primary');
  });
});

describe('define()', () => {
  it('warns on a second registration of the same tag and never throws', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      define('civic-test-twice', First);
      expect(() => define('civic-test-twice', Second)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('civic-test-twice')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('civic-test-twice');
  });

  it('stays silent when the same class is registered again', () => {
    class Same extends HTMLElement {}
    const original = console.warn;
    let warned = false;
    console.warn = () => (warned = true);
    try {
      define('civic-test-same', Same);
      define('civic-test-same', Same);
    } finally {
      console.warn = original;
    }
    expect(warned).to.equal(false);
  });
});
