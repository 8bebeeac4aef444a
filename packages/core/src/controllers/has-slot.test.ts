import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { expectAccessible } from '@civic-elements/core/testing';
import { DEFAULT_SLOT, HasSlotController } from './has-slot.js';

class TestSlotted extends LitElement {
  readonly hasSlot = new HasSlotController(this, DEFAULT_SLOT, 'footer');
  renders = 0;
  protected override render() {
    this.renders++;
    return html`<section aria-labelledby="h">
      <h2 id="h">Status</h2>
      <div class="body" ?hidden=${!this.hasSlot.test(DEFAULT_SLOT)}><slot></slot></div>
      <footer ?hidden=${!this.hasSlot.test('footer')}><slot name="footer"></slot></footer>
      <slot name="other"></slot>
    </section>`;
  }
}
customElements.define('test-slotted', TestSlotted);

const hidden = (el: TestSlotted, selector: string) => el.shadowRoot!.querySelector(selector)!.hasAttribute('hidden');

/** slotchange is dispatched after a microtask; then the host re-renders. */
async function settle(el: LitElement): Promise<void> {
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  await el.updateComplete;
}

describe('HasSlotController', () => {
  it('knows whether the default and a named slot have content', async () => {
    const el = await fixture<TestSlotted>(html`<test-slotted>Termine auch telefonisch<a slot="footer" href="#hilfe">Hilfe</a></test-slotted>`);
    expect(el.hasSlot.test(DEFAULT_SLOT)).to.equal(true);
    expect(el.hasSlot.test('footer')).to.equal(true);
    expect(el.hasSlot.test('other')).to.equal(false);
    expect(hidden(el, '.body')).to.equal(false);
    expect(hidden(el, 'footer')).to.equal(false);
    await expectAccessible(el, { state: 'h2' });
  });

  it('does not count whitespace, comments, scripts or elements meant for other slots as default content', async () => {
    const el = await fixture<TestSlotted>(html`<test-slotted>
      <!-- note -->
      <script type="application/json" slot="strings">{}</script>
      <script type="application/json" data-civic-strings>{}</script>
      <span slot="other">x</span>
    </test-slotted>`);
    expect(el.hasSlot.test(DEFAULT_SLOT)).to.equal(false);
    expect(el.hasSlot.test('footer')).to.equal(false);
    expect(hidden(el, '.body')).to.equal(true);
    await expectAccessible(el, { state: 'h2' });
  });

  it('re-renders on slotchange of a watched slot', async () => {
    const el = await fixture<TestSlotted>(html`<test-slotted></test-slotted>`);
    expect(hidden(el, 'footer')).to.equal(true);
    const link = document.createElement('a');
    link.slot = 'footer';
    link.href = '#hilfe';
    link.textContent = 'Hilfe';
    el.append(link);
    await settle(el);
    expect(hidden(el, 'footer')).to.equal(false);
    el.append('Fallback-Text');
    await settle(el);
    expect(hidden(el, '.body')).to.equal(false);
    link.remove();
    await settle(el);
    expect(hidden(el, 'footer')).to.equal(true);
    await expectAccessible(el, { state: 'h2' });
  });

  it('ignores slotchange of slots it does not watch', async () => {
    const el = await fixture<TestSlotted>(html`<test-slotted></test-slotted>`);
    const before = el.renders;
    const span = document.createElement('span');
    span.slot = 'other';
    el.append(span);
    await settle(el);
    expect(el.renders).to.equal(before);
  });
});
